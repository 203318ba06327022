// Selection of the best checkpoint and early stopping of one phase: one score per validation, one decision back.
package dev.reason2decide.train;

/**
 * Two rules over one score per validation (higher is better).
 *
 * <p><b>Selection</b>: a validation improves when its score beats the best of all earlier validations of the
 * phase (strictly, so the earliest of equal scores is kept).
 *
 * <p><b>Stopping</b> (the reference's {@code DelayedEarlyStoppingCallback}, {@code train_stage2.py} 93–131):
 * validations before step {@code armedFrom} are ignored; the first at or after it sets a fresh baseline; a later
 * one that beats the baseline strictly replaces it, any other counts as a failure; the phase stops when
 * {@code patience} failures follow each other. With {@code armedFrom} = 0 the baseline is the selection best, which
 * is Hugging Face's plain {@code EarlyStoppingCallback} (Stage-1, SFT, DSS). {@code patience} 0 never stops.
 *
 * <p>{@link Counters} are part of a phase's saved state, so a resumed phase decides as the uninterrupted one would.
 */
public final class EarlyStopping {
  /** What one validation means: a new best checkpoint, and whether the phase stops now. */
  public record Decision(boolean improved, boolean stop) {}

  /**
   * The state of both rules: the selection best ({@code best} null: nothing validated yet) and its step, the
   * stopping baseline ({@code baseline} null: not armed or nothing validated since) and the failures since it.
   */
  public record Counters(Double best, int bestStep, Double baseline, int failures) {
    public static final Counters START = new Counters(null, 0, null, 0);

    public Counters {
      SettingCheck.require(bestStep >= 0 && failures >= 0, "early-stopping counters must be >= 0");
    }
  }

  private final int patience;
  private final int armedFrom;
  private Counters c;

  /** Starts from saved {@code counters} ({@link Counters#START} for a new phase). */
  public EarlyStopping(int patience, int armedFrom, Counters counters) {
    SettingCheck.require(patience >= 0 && armedFrom >= 0, "patience and arming step must be >= 0");
    this.patience = patience;
    this.armedFrom = armedFrom;
    this.c = counters;
  }

  /** Takes the validation {@code score} at {@code step} (optimiser steps completed in the phase). */
  public Decision observe(int step, double score) {
    boolean improved = c.best() == null || score > c.best();
    Double best = improved ? score : c.best();
    int bestStep = improved ? step : c.bestStep();
    Double baseline = c.baseline();
    int failures = c.failures();
    if (step >= armedFrom) {
      if (baseline == null || score > baseline) {
        baseline = score;
        failures = 0;
      } else {
        failures++;
      }
    }
    c = new Counters(best, bestStep, baseline, failures);
    return new Decision(improved, patience > 0 && failures >= patience);
  }

  public Counters counters() {
    return c;
  }

  public Double best() {
    return c.best();
  }

  public int bestStep() {
    return c.bestStep();
  }
}
