// truecase.json in a model folder: the fitted Truecase, optional (a folder without it decodes as it always did).
package dev.reason2decide.tokens;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.reason2decide.io.Json;
import dev.reason2decide.io.StrictJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The file's fields: {@code format} ({@value #FORMAT}), {@code sentence_capital} (boolean), {@code fitted_on}
 * (counts: rationales, words, distinct_words, sentences, capitalised_sentences) and {@code forms} (lower-case word
 * to its form, sorted). Written by training when the model's tokenizer folds case, and by {@code r2d truecase fit}.
 */
public final class TruecaseFile {
  public static final String JSON = "truecase.json";
  static final String FORMAT = "r2d-truecase/1";

  private TruecaseFile() {}

  /** Whether {@code modelDir} has a truecase file. */
  public static boolean exists(Path modelDir) {
    return Files.isRegularFile(modelDir.resolve(JSON));
  }

  /** Writes {@code t} into {@code modelDir}, atomically; returns the file. */
  public static Path write(Path modelDir, Truecase t) {
    Map<String, Object> j = new LinkedHashMap<>();
    j.put("format", FORMAT);
    j.put("sentence_capital", t.sentenceCapital());
    j.put("fitted_on", new TreeMap<>(t.fitted()));
    j.put("forms", new TreeMap<>(t.forms()));
    Path f = modelDir.resolve(JSON);
    Json.writePretty(f, j);
    return f;
  }

  /** The truecase of {@code modelDir}, or {@link Truecase#NONE} when it has no file; a bad file is an error naming it. */
  public static Truecase read(Path modelDir) {
    Path f = modelDir.resolve(JSON);
    if (!Files.exists(f)) {
      return Truecase.NONE;
    }
    try {
      JsonElement e = StrictJson.parse(Files.readString(f));
      if (!e.isJsonObject()) {
        throw new IllegalArgumentException("not a JSON object");
      }
      JsonObject o = e.getAsJsonObject();
      String format = string(o, "format");
      if (!FORMAT.equals(format)) {
        throw new IllegalArgumentException("format is '" + format + "', expected '" + FORMAT + "'");
      }
      JsonElement capital = o.get("sentence_capital");
      if (capital == null || !capital.isJsonPrimitive() || !capital.getAsJsonPrimitive().isBoolean()) {
        throw new IllegalArgumentException("sentence_capital must be true or false");
      }
      Map<String, String> forms = new TreeMap<>();
      for (Map.Entry<String, JsonElement> w : object(o, "forms").entrySet()) {
        String form = w.getValue().isJsonPrimitive() && w.getValue().getAsJsonPrimitive().isString()
            ? w.getValue().getAsString() : null;
        if (form == null || !form.toLowerCase(java.util.Locale.ROOT).equals(w.getKey())) {
          throw new IllegalArgumentException("forms." + w.getKey() + " must be a string whose lower case is '"
              + w.getKey() + "'");
        }
        forms.put(w.getKey(), form);
      }
      Map<String, Long> fitted = new TreeMap<>();
      for (Map.Entry<String, JsonElement> c : object(o, "fitted_on").entrySet()) {
        fitted.put(c.getKey(), (long) dev.reason2decide.io.JsonIntegers.integer(c.getValue(), "fitted_on."
            + c.getKey()));
      }
      return new Truecase(forms, capital.getAsBoolean(), fitted);
    } catch (IOException e) {
      throw new UncheckedIOException(f + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(f + ": not a valid truecase file: " + e.getMessage(), e);
    }
  }

  private static String string(JsonObject o, String field) {
    JsonElement e = o.get(field);
    if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
      throw new IllegalArgumentException(field + " must be a string");
    }
    return e.getAsString();
  }

  private static JsonObject object(JsonObject o, String field) {
    JsonElement e = o.get(field);
    if (e == null || !e.isJsonObject()) {
      throw new IllegalArgumentException(field + " must be an object");
    }
    return e.getAsJsonObject();
  }
}
