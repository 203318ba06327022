// How the decision service gathers single-note requests into one model call: the window and the batch bound.
package dev.reason2decide.serve;

import java.time.Duration;

/**
 * Batched serving settings. With a positive {@code window}, {@code POST /v1/predict} requests that arrive within
 * {@code window} of the first waiting one are decided together by one {@code decideAll} call of at most
 * {@code maxNotes} notes (see {@link DecisionBatcher}); a zero window decides each request alone.
 *
 * @param window how long the first waiting note waits for others; zero turns batching off
 * @param maxNotes most notes decided in one model call; a full batch is decided at once
 */
public record BatchPolicy(Duration window, int maxNotes) {
  /** Each request decided alone (the behaviour without batching). */
  public static final BatchPolicy OFF = new BatchPolicy(Duration.ZERO, 1);
  public static final int DEFAULT_WINDOW_MS = 0;
  public static final int DEFAULT_MAX_NOTES = 32;

  public BatchPolicy {
    if (window == null) {
      throw new IllegalArgumentException("batch window must be given");
    }
    if (window.isNegative()) {
      throw new IllegalArgumentException("batch window (--batch-window-ms) must be 0 or more, got "
          + window.toMillis() + " ms");
    }
    if (maxNotes < 1) {
      throw new IllegalArgumentException("batch max notes (--batch-max-notes) must be at least 1, got " + maxNotes);
    }
  }

  /** Whether single-note requests are gathered into batches. */
  public boolean enabled() {
    return !window.isZero() && maxNotes > 1;
  }
}
