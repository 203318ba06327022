// The web page's files (HTML, CSS, JS, icon), read once from the jar and served by the process itself.
package dev.reason2decide.serve;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** A fixed set of classpath assets under {@code dev/reason2decide/serve/web/}; nothing else can be named. */
final class WebAssets {
  private static final String BASE = "/dev/reason2decide/serve/web/";
  private final Map<String, Reply> byPath = new LinkedHashMap<>();

  WebAssets() {
    add("/", "index.html");
    add("/runs", "runs.html");
    add("/assets/app.css", "app.css");
    add("/assets/common.js", "common.js");
    add("/assets/decide.js", "decide.js");
    add("/assets/charts.js", "charts.js");
    add("/assets/runs.js", "runs.js");
    add("/assets/icon.svg", "icon.svg");
    add("/openapi.json", "openapi.json");
  }

  /** The served paths. */
  Iterable<String> paths() {
    return byPath.keySet();
  }

  Reply get(Call call) {
    return byPath.get(call.path());
  }

  private void add(String path, String file) {
    byPath.put(path, new Reply(200, type(file), read(file), Map.of()));
  }

  private static byte[] read(String file) {
    try (InputStream in = WebAssets.class.getResourceAsStream(BASE + file)) {
      if (in == null) {
        throw new IllegalStateException("web asset missing from the jar: " + BASE + file);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("web asset " + file + " cannot be read", e);
    }
  }

  private static String type(String file) {
    String ext = file.substring(file.lastIndexOf('.') + 1);
    return switch (ext) {
      case "html" -> "text/html; charset=utf-8";
      case "css" -> "text/css; charset=utf-8";
      case "js" -> "text/javascript; charset=utf-8";
      case "svg" -> "image/svg+xml";
      case "json" -> Reply.JSON;
      default -> throw new IllegalArgumentException("no content type for " + file);
    };
  }
}
