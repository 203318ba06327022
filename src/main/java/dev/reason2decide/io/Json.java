// The project's one JSON configuration (Gson) and its file helpers: pretty for files people read, compact for JSONL.
package dev.reason2decide.io;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Shared Gson instances, and reading and writing whole JSON files. */
public final class Json {
  /** Indented, for reports, configs and provenance. */
  public static final Gson PRETTY = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping()
      .serializeSpecialFloatingPointValues().create();
  /** One line, for JSONL and CLI output. */
  public static final Gson COMPACT = new GsonBuilder().disableHtmlEscaping()
      .serializeSpecialFloatingPointValues().create();

  private Json() {}

  /**
   * A JSON object's fields in the order given ({@code key, value, key, value, ...}): {@code Map.of} iterates in an
   * order that changes from one JVM to the next, so the files written from it would too.
   */
  public static Map<String, Object> ordered(Object... keysAndValues) {
    if (keysAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("keys and values come in pairs: " + keysAndValues.length + " given");
    }
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      String key = (String) keysAndValues[i];
      if (m.containsKey(key)) {
        throw new IllegalArgumentException("duplicate key " + key);
      }
      m.put(key, keysAndValues[i + 1]);
    }
    return m;
  }

  /** {@code value} as indented JSON with a final newline (the form of every JSON file the project writes). */
  public static String pretty(Object value) {
    return PRETTY.toJson(value) + "\n";
  }

  /** Writes {@code value} to {@code file} as {@link #pretty} text, atomically. */
  public static void writePretty(Path file, Object value) {
    AtomicFiles.writeString(file, pretty(value));
  }

  /** The JSON object in {@code file}; errors name the file. */
  public static JsonObject readObject(Path file) {
    try {
      return JsonParser.parseString(Files.readString(file)).getAsJsonObject();
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(file + ": not a JSON object: " + e.getMessage(), e);
    }
  }
}
