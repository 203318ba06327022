// When and how long to wait before asking again: exponential back-off with jitter, Retry-After honoured.
package dev.reason2decide.llm;

import java.time.Duration;
import java.util.Random;

/**
 * Retry rules for transient failures (HTTP 408, 409, 425, 429, 5xx, network errors, timeouts).
 * Attempt k (1-based) that failed without a Retry-After waits a uniformly random time in
 * [d/2, d] with d = min(maxDelay, initialDelay * 2^(k-1)) ("equal jitter", so that many clients that failed
 * together do not come back together). A Retry-After from the server is waited exactly, unless it exceeds
 * {@code maxRetryAfter}, in which case the request fails with that message instead of hanging.
 *
 * @param maxAttempts   attempts in all, the first included (1 = no retry)
 * @param initialDelay  back-off after the first failure, before jitter
 * @param maxDelay      cap of the exponential back-off
 * @param maxRetryAfter longest Retry-After that is honoured
 */
public record RetryPolicy(int maxAttempts, Duration initialDelay, Duration maxDelay, Duration maxRetryAfter) {
  /** 6 attempts, 1 s doubling to 30 s, Retry-After up to 5 minutes. */
  public static final RetryPolicy DEFAULT =
      new RetryPolicy(6, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(5));

  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("retries: at least one attempt is needed, got " + maxAttempts);
    }
    if (initialDelay.isNegative() || maxDelay.compareTo(initialDelay) < 0 || maxRetryAfter.isNegative()) {
      throw new IllegalArgumentException("retries: delays must satisfy 0 <= initial <= max, got "
          + initialDelay + ", " + maxDelay);
    }
  }

  /** True for HTTP statuses that a later attempt may fix. */
  public static boolean retryable(int status) {
    return status == 408 || status == 409 || status == 425 || status == 429 || status >= 500;
  }

  /** The back-off before attempt {@code failedAttempt + 1}, when the server gave no Retry-After. */
  public Duration backoff(int failedAttempt, Random random) {
    double d = initialDelay.toNanos() * Math.pow(2, Math.max(0, failedAttempt - 1));
    double capped = Math.min(d, maxDelay.toNanos());
    double jittered = capped * (0.5 + 0.5 * random.nextDouble());
    return Duration.ofNanos((long) jittered);
  }
}
