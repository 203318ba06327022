// A request the service refuses, with the HTTP status and a message that says what was wrong.
package dev.reason2decide.serve;

import java.util.Map;

/** Thrown by handlers; {@link Routes} turns it into a JSON error reply. */
public final class ApiError extends Exception {
  private final int status;
  private final Map<String, String> headers;

  public ApiError(int status, String message) {
    this(status, message, Map.of());
  }

  public ApiError(int status, String message, Map<String, String> headers) {
    super(message, null, false, false);
    this.status = status;
    this.headers = Map.copyOf(headers);
  }

  public int status() {
    return status;
  }

  /** Extra response headers (e.g. {@code Retry-After}, {@code Allow}). */
  public Map<String, String> headers() {
    return headers;
  }
}
