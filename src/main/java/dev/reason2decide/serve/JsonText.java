// Parses one JSON object from text and describes JSON values in error messages.
package dev.reason2decide.serve;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;

/** JSON parsing with error messages fit for a client (position, what was expected; no stack traces or links). */
final class JsonText {
  private JsonText() {}

  /** Parses {@code body} as one JSON object with no trailing data; 400 naming the problem otherwise. */
  static JsonObject object(String body, Strictness strictness) throws ApiError {
    JsonElement root;
    try (JsonReader reader = new JsonReader(new StringReader(body))) {
      reader.setStrictness(strictness);
      // requests (strict) refuse a name given twice; run files (lenient) are read as Gson reads them
      root = strictness == Strictness.STRICT ? dev.reason2decide.io.StrictJson.tree(reader)
          : JsonParser.parseReader(reader);
      if (!atEnd(reader)) {
        throw new ApiError(400, "malformed JSON: unexpected data after the object at " + position(reader));
      }
    } catch (JsonParseException | IOException e) {
      throw new ApiError(400, "malformed JSON: " + clean(e));
    }
    if (!root.isJsonObject()) {
      throw new ApiError(400, "expected a JSON object, got " + kind(root));
    }
    return root.getAsJsonObject();
  }

  static String kind(JsonElement e) {
    if (e.isJsonNull()) {
      return "null";
    }
    if (e.isJsonArray()) {
      return "an array";
    }
    if (e.isJsonObject()) {
      return "an object";
    }
    var p = e.getAsJsonPrimitive();
    return p.isBoolean() ? "a boolean" : p.isNumber() ? "a number" : "a string";
  }

  private static boolean atEnd(JsonReader reader) {
    try {
      return reader.peek() == JsonToken.END_DOCUMENT;
    } catch (IOException e) {
      return false; // a second top-level value, which strict JSON refuses
    }
  }

  private static String position(JsonReader reader) {
    String s = reader.toString(); // "JsonReader at line L column C path P"
    int at = s.indexOf(" at ");
    return at < 0 ? s : s.substring(at + 4);
  }

  /** Gson's message without its troubleshooting link, and without the exception class prefix. */
  private static String clean(Exception e) {
    // Gson wraps reader errors with the cause's toString() ("java.io.EOFException: End of input ...")
    Throwable t = e.getCause() != null && e.getCause().toString().equals(e.getMessage()) ? e.getCause() : e;
    String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    int see = m.indexOf("\nSee ");
    m = see < 0 ? m : m.substring(0, see);
    // Gson speaks to programmers here; a client only needs to know the syntax is wrong, and where
    return m.replace("Use JsonReader.setStrictness(Strictness.LENIENT) to accept malformed JSON", "invalid syntax");
  }
}
