// A chat request that failed for good: after all retries, or at once when retrying cannot help (most 4xx).
package dev.reason2decide.llm;

/** A failed chat request. {@code status} is the HTTP status, or 0 for network errors and timeouts. */
public final class ChatException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int status;
  private final boolean retryable;
  private final int attempts;

  public ChatException(String message, int status, boolean retryable, int attempts, Throwable cause) {
    super(message, cause);
    this.status = status;
    this.retryable = retryable;
    this.attempts = attempts;
  }

  public int status() {
    return status;
  }

  /** False when the same request would fail again (bad request, wrong key, unknown model). */
  public boolean retryable() {
    return retryable;
  }

  /** Attempts made before giving up. */
  public int attempts() {
    return attempts;
  }
}
