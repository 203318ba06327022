// Typed reading of one JSON object of an experiment configuration, with errors that name the file and the field.
package dev.reason2decide.experiment;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/** A JSON object at {@code prefix} (e.g. {@code "data."}) of the configuration {@code origin}. */
final class ConfigFields {
  private final JsonObject o;
  private final String origin;
  private final String prefix;

  ConfigFields(JsonObject o, String origin, String prefix) {
    this.o = o;
    this.origin = origin;
    this.prefix = prefix;
  }

  IllegalArgumentException error(String key, String message) {
    return new IllegalArgumentException(origin + ": " + prefix + key + " " + message);
  }

  void require(boolean ok, String key, String message) {
    if (!ok) {
      throw error(key, message);
    }
  }

  /** Fails on a key not in {@code keys} (a typo must not be ignored). */
  void allow(String... keys) {
    List<String> known = Arrays.asList(keys);
    for (String k : o.keySet()) {
      if (!known.contains(k)) {
        throw error(k, "is not a known setting here (known: " + String.join(", ", known) + ")");
      }
    }
  }

  boolean has(String key) {
    return o.has(key);
  }

  boolean isNull(String key) {
    return o.get(key).isJsonNull();
  }

  ConfigFields child(String key) {
    require(o.has(key), key, "is missing");
    return new ConfigFields(object(key), origin, prefix + key + ".");
  }

  ConfigFields optionalChild(String key) {
    return o.has(key) ? child(key) : null;
  }

  JsonObject object(String key) {
    JsonElement e = o.get(key);
    require(e.isJsonObject(), key, "must be a JSON object");
    return e.getAsJsonObject();
  }

  String string(String key, String dflt) {
    if (!o.has(key)) {
      return dflt;
    }
    JsonElement e = o.get(key);
    require(e.isJsonPrimitive() && e.getAsJsonPrimitive().isString(), key, "must be a string");
    return e.getAsString();
  }

  boolean bool(String key, boolean dflt) {
    if (!o.has(key)) {
      return dflt;
    }
    JsonElement e = o.get(key);
    require(e.isJsonPrimitive() && e.getAsJsonPrimitive().isBoolean(), key, "must be true or false");
    return e.getAsBoolean();
  }

  int integer(String key, int dflt) {
    return (int) number(key, dflt, true, Integer.MIN_VALUE, Integer.MAX_VALUE);
  }

  long longValue(String key, long dflt) {
    return (long) number(key, dflt, true, Long.MIN_VALUE, Long.MAX_VALUE);
  }

  /** A number, whole or not. */
  double decimal(String key, double dflt) {
    return number(key, dflt, false, 0, 0);
  }

  private double number(String key, double dflt, boolean whole, double min, double max) {
    if (!o.has(key)) {
      return dflt;
    }
    return asNumber(o.get(key), key, whole, min, max);
  }

  private double asNumber(JsonElement e, String key, boolean whole, double min, double max) {
    require(e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber(), key, "must be a number, got " + e);
    double v = e.getAsDouble();
    require(!whole || (v == Math.rint(v) && v >= min && v <= max), key, "must be a whole number, got " + e);
    return v;
  }

  List<String> strings(String key, List<String> dflt) {
    return list(key, dflt, e -> {
      require(e.isJsonPrimitive() && e.getAsJsonPrimitive().isString(), key, "must list strings, got " + e);
      return e.getAsString();
    });
  }

  List<Long> longs(String key, List<Long> dflt) {
    return list(key, dflt, e -> (long) asNumber(e, key, true, Long.MIN_VALUE, Long.MAX_VALUE));
  }

  List<Double> doubles(String key, List<Double> dflt) {
    return list(key, dflt, e -> asNumber(e, key, false, 0, 0));
  }

  private <T> List<T> list(String key, List<T> dflt, Function<JsonElement, T> item) {
    if (!o.has(key)) {
      return dflt;
    }
    require(o.get(key).isJsonArray(), key, "must be a JSON array");
    JsonArray a = o.get(key).getAsJsonArray();
    List<T> out = new ArrayList<>();
    for (JsonElement e : a) {
      out.add(item.apply(e));
    }
    return out;
  }

  /**
   * A path that must exist (a folder when {@code folder}): absolute as given, else under {@code baseDir} (when
   * given) or the working directory, in that order.
   */
  Path path(String key, Path baseDir, boolean folder) {
    String s = string(key, null);
    require(s != null && !s.isBlank(), key, "must be a path");
    Path p = Path.of(s);
    List<Path> tried = new ArrayList<>();
    if (p.isAbsolute()) {
      tried.add(p);
    } else {
      if (baseDir != null) {
        tried.add(baseDir.resolve(p).normalize());
      }
      tried.add(p.toAbsolutePath().normalize());
    }
    for (Path t : tried) {
      if (folder ? Files.isDirectory(t) : Files.isRegularFile(t)) {
        return t;
      }
    }
    throw error(key, "'" + s + "': no such " + (folder ? "folder" : "file") + " (looked at " + tried + ")"
        + (key.equals("dir") || key.equals("train") ? "; create the dataset folder first, e.g. "
        + "`r2d data pubmedqa --raw RAW --out DIR` (docs/experiments.md)" : ""));
  }
}
