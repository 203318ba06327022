// A model description fit for any client: file and folder names instead of the server's paths.
package dev.reason2decide.serve;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Copies a description (maps, lists, values) with every string that is a file-system path ({@code /…}, {@code ~/…},
 * {@code C:\…}) replaced by its last name, and entries named {@code path} left out: a client learns which model
 * answers, not where the server keeps its files.
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
