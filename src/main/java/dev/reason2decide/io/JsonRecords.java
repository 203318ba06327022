// Binds a JSON tree to a record through Gson and says what is wrong in the record's or the reader's terms.
package dev.reason2decide.io;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gson reports a failed record check as {@code Failed to invoke constructor 'X(String, ...)' with args [...]} and a
 * wrong type as {@code java.lang.IllegalStateException: Expected BEGIN_ARRAY but was STRING at path $.labels}.
 * {@link #bind} turns the first into the check's own message and the second into
 * {@code field 'labels': expected an array, found a string}.
 */
public final class JsonRecords {
  private static final Pattern EXPECTED = Pattern.compile(
      "Expected (?:an? )?(\\w+) but was (.*?)(?: at line \\d+ column \\d+)? (?:at )?path \\$\\.?(\\S*)");
  private static final Map<String, String> TOKENS = Map.of("BEGIN_ARRAY", "an array", "BEGIN_OBJECT", "an object",
      "STRING", "a string", "NUMBER", "a number", "BOOLEAN", "true or false", "NULL", "null",
      "END_ARRAY", "the end of an array", "END_OBJECT", "the end of an object", "NAME", "a name",
      "int", "a whole number");

  private JsonRecords() {}

  /** {@code tree} as a {@code type}; failures are {@link IllegalArgumentException}s with a sentence. */
  public static <T> T bind(Gson gson, JsonElement tree, Class<T> type) {
    try {
      return gson.fromJson(tree, type);
    } catch (JsonParseException | IllegalStateException | NumberFormatException | UnsupportedOperationException e) {
      throw new IllegalArgumentException(explain(e), e);
    } catch (RuntimeException e) {
      // a record's own check, wrapped by Gson's reflective constructor call
      if (e.getCause() instanceof IllegalArgumentException check && e.getMessage() != null
          && e.getMessage().startsWith("Failed to invoke constructor")) {
        throw new IllegalArgumentException(check.getMessage(), e);
      }
      throw e;
    }
  }

  /** A sentence for a binding failure. */
  static String explain(RuntimeException e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t && !(t instanceof IllegalStateException)) {
      t = t.getCause();
    }
    String message = t.getMessage() == null ? "" : t.getMessage().lines().findFirst().orElse("");
    message = message.replaceFirst("^java\\.[\\w.]+(Exception|Error): ", "");
    Matcher m = EXPECTED.matcher(message);
    if (m.find()) {
      String field = m.group(3).isEmpty() ? "the value" : "field '" + m.group(3) + "'";
      return field + ": expected " + TOKENS.getOrDefault(m.group(1), m.group(1)) + ", found "
          + TOKENS.getOrDefault(m.group(2), m.group(2));
    }
    if (message.startsWith("End of input") || t instanceof java.io.EOFException) {
      return "the JSON ends before the value is complete";
    }
    return message.isEmpty() ? "cannot be read as " + e.getClass().getSimpleName() : message;
  }
}
