// Parses JSON strictly (RFC 8259) and says what is wrong in a sentence, never in Gson's words.
package dev.reason2decide.io;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.Strictness;
import com.google.gson.Gson;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gson's {@code JsonParser} reads leniently (unquoted names, single quotes, comments, {@code NaN}) and its errors
 * read {@code Use JsonReader.setStrictness(Strictness.LENIENT) ...} or {@code java.io.EOFException: End of input}.
 * Here a text is one JSON value, strictly, with nothing after it, and every failure becomes
 * {@link IllegalArgumentException} with a message such as {@code not valid JSON: a name must be in double quotes
 * (near column 3)}; callers prefix the file and line.
 */
public final class StrictJson {
  private static final Pattern AT = Pattern.compile("^(.*?) at line (\\d+) column (\\d+) path (\\S*)", Pattern.DOTALL);

  private static final TypeAdapter<JsonElement> TREE = new Gson().getAdapter(JsonElement.class);

  private StrictJson() {}

  /** The single JSON value of {@code text}. */
  public static JsonElement parse(String text) {
    JsonReader reader = new JsonReader(new StringReader(text));
    reader.setStrictness(Strictness.STRICT);
    try {
      if (reader.peek() == JsonToken.END_DOCUMENT) {
        throw new IllegalArgumentException("not valid JSON: no value (the text is empty)");
      }
      JsonElement value = tree(reader);
      String end = reader.toString(); // "... at line L column C path $": where the value ended
      boolean more;
      try {
        more = reader.peek() != JsonToken.END_DOCUMENT;
      } catch (IOException e) { // strict reading refuses a second value outright
        more = true;
      }
      if (more) {
        throw new IllegalArgumentException("not valid JSON: more text after the value" + extraText(text, end));
      }
      return value;
    } catch (IOException | JsonParseException | IllegalStateException | NumberFormatException e) {
      throw new IllegalArgumentException("not valid JSON: " + describe(e), e);
    }
  }

  /**
   * The next value of {@code reader} as a tree, as Gson reads it but refusing a name given twice in one object
   * ({@code {"text":"a","text":"b"}}: Gson keeps the last silently, other readers the first).
   */
  public static JsonElement tree(JsonReader reader) throws IOException {
    switch (reader.peek()) {
      case BEGIN_OBJECT -> {
        com.google.gson.JsonObject o = new com.google.gson.JsonObject();
        reader.beginObject();
        while (reader.hasNext()) {
          String name = reader.nextName();
          if (o.has(name)) {
            throw new JsonParseException("the name '" + name + "' appears twice in an object"
                + reader.toString().replaceFirst("^JsonReader", ""));
          }
          o.add(name, tree(reader));
        }
        reader.endObject();
        return o;
      }
      case BEGIN_ARRAY -> {
        com.google.gson.JsonArray a = new com.google.gson.JsonArray();
        reader.beginArray();
        while (reader.hasNext()) {
          a.add(tree(reader));
        }
        reader.endArray();
        return a;
      }
      default -> {
        return TREE.read(reader);
      }
    }
  }

  /** A sentence for one of Gson's parse failures (also for callers that parse leniently, such as HF files). */
  public static String describe(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    message = message.lines().findFirst().orElse(message); // drops Gson's "See https://...troubleshooting" line
    Matcher m = AT.matcher(message);
    boolean located = m.find();
    String what = located ? m.group(1).strip() : message;
    String at = located ? at(m.group(2), m.group(3)) : "";
    if (t instanceof java.io.EOFException || what.startsWith("End of input")) {
      return "the text ends before the value is complete (an unclosed object, array or string)" + at;
    }
    if (what.startsWith("Use JsonReader.setStrictness")) {
      return "not strict JSON: names and strings need double quotes, and comments, NaN/Infinity and text after"
          + " the value are not allowed" + at;
    }
    if (what.startsWith("Expected name")) {
      return "expected a name in double quotes (a trailing comma, or an unquoted name?)" + at;
    }
    if (what.startsWith("Expected value")) {
      return "expected a value (a trailing comma, or an unquoted word?)" + at;
    }
    if (what.startsWith("Expected ':'")) {
      return "expected ':' after a name" + at;
    }
    if (what.startsWith("Unterminated object")) {
      return "an object is not closed properly (a missing ',' or '}')" + at;
    }
    if (what.startsWith("Unterminated array")) {
      return "an array is not closed properly (a missing ',' or ']')" + at;
    }
    if (what.startsWith("Unterminated escape sequence") || what.startsWith("Malformed Unicode escape")
        || what.startsWith("Invalid escape sequence")) {
      return "a bad escape sequence in a string" + at;
    }
    if (what.startsWith("Unescaped control character")) {
      return "a control character (such as a raw tab or line break) inside a string must be escaped" + at;
    }
    return what.isEmpty() ? t.getClass().getSimpleName() + at
        : Character.toLowerCase(what.charAt(0)) + what.substring(1) + at;
  }

  /** Where the text after the value begins: the first non-blank character after {@code end}'s position. */
  private static String extraText(String text, String end) {
    Matcher m = Pattern.compile(" at line (\\d+) column (\\d+)").matcher(end);
    if (!m.find()) {
      return "";
    }
    if (!m.group(1).equals("1")) {
      return " (after line " + m.group(1) + " column " + (Integer.parseInt(m.group(2)) - 1) + ")";
    }
    int i = Integer.parseInt(m.group(2)) - 1;
    while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    return " (at column " + (i + 1) + ")";
  }

  /**
   * {@code (near column 7)} for one-line texts (a JSONL row: the caller names the file's line), else with the line.
   * Gson's position is where its reader stood: on the offending character or just after it.
   */
  private static String at(String line, String column) {
    return line.equals("1") ? " (near column " + column + ")" : " (near line " + line + " column " + column + ")";
  }
}
