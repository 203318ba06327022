// What a handler answers: status, content type, body and extra headers.
package dev.reason2decide.serve;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** An HTTP response before it is written. */
public record Reply(int status, String contentType, byte[] body, Map<String, String> headers) {
  static final String JSON = "application/json; charset=utf-8";
  /** Compact, with absent values written as {@code null} so clients see every documented field. */
  private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().serializeNulls().create();

  public Reply {
    headers = Map.copyOf(headers);
  }

  /** A JSON reply of {@code value} (serialised compactly). */
  public static Reply json(int status, Object value) {
    return new Reply(status, JSON, GSON.toJson(value).getBytes(StandardCharsets.UTF_8), Map.of());
  }

  /** The JSON error reply for {@code error}: {@code {"status", "error", "message"}}. */
  public static Reply error(ApiError error) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", error.status());
    body.put("error", reason(error.status()));
    body.put("message", error.getMessage());
    Reply r = json(error.status(), body);
    return new Reply(r.status(), r.contentType(), r.body(), error.headers());
  }

  /** The standard reason phrase of the statuses this service uses. */
  static String reason(int status) {
    return switch (status) {
      case 200 -> "OK";
      case 400 -> "Bad Request";
      case 404 -> "Not Found";
      case 405 -> "Method Not Allowed";
      case 413 -> "Payload Too Large";
      case 415 -> "Unsupported Media Type";
      case 422 -> "Unprocessable Content";
      case 500 -> "Internal Server Error";
      case 503 -> "Service Unavailable";
      case 504 -> "Gateway Timeout";
      default -> "HTTP " + status;
    };
  }
}
