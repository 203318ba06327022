// A model description fit for any client: file and folder names instead of the server's paths.
package dev.reason2decide.serve;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Copies a description (maps, lists, values) with every string that is a file-system path ({@code /…}, {@code ~/…},
 * {@code C:\…}) replaced by its last name, and entries named {@code path} left out: a client learns which model
 * answers, not where the server keeps its files. A run's JSON files ({@link #ofJson}) keep their {@code path}
 * entries, as names: the runs view shows which data a run used, not where it lies.
 */
final class PublicDescription {
  private PublicDescription() {}

  static Map<String, Object> of(Map<?, ?> description) {
    Map<String, Object> out = new LinkedHashMap<>();
    description.forEach((k, v) -> {
      if (!"path".equals(k)) {
        out.put(String.valueOf(k), value(v));
      }
    });
    return out;
  }

  /** A copy of {@code json} with every string that is a path replaced by its last name; numbers kept as written. */
  static JsonElement ofJson(JsonElement json) {
    if (json == null || json.isJsonNull()) {
      return json;
    }
    if (json.isJsonObject()) {
      JsonObject out = new JsonObject();
      json.getAsJsonObject().entrySet().forEach(e -> out.add(e.getKey(), ofJson(e.getValue())));
      return out;
    }
    if (json.isJsonArray()) {
      JsonArray out = new JsonArray();
      json.getAsJsonArray().forEach(x -> out.add(ofJson(x)));
      return out;
    }
    JsonPrimitive p = json.getAsJsonPrimitive();
    return p.isString() && isPath(p.getAsString()) ? new JsonPrimitive(lastName(p.getAsString())) : p;
  }

  private static Object value(Object v) {
    if (v instanceof Map<?, ?> m) {
      return of(m);
    }
    if (v instanceof List<?> l) {
      List<Object> out = new ArrayList<>(l.size());
      l.forEach(x -> out.add(value(x)));
      return out;
    }
    if (v instanceof String s && isPath(s)) {
      return lastName(s);
    }
    return v;
  }

  private static boolean isPath(String s) {
    return s.startsWith("/") || s.startsWith("~/") || s.matches("(?s)[A-Za-z]:[\\\\/].*") || s.startsWith("\\\\")
        || s.startsWith("./") || s.startsWith("../");
  }

  private static String lastName(String s) {
    String t = s.replaceAll("[\\\\/]+$", "");
    int cut = Math.max(t.lastIndexOf('/'), t.lastIndexOf('\\'));
    return cut < 0 ? t : t.substring(cut + 1);
  }
}
