// Selection of the best checkpoint and early stopping of one phase: one score per validation, one decision back.
package dev.reason2decide.train;

/**
 * A validation improves when its score (higher is better) beats the best so far. A validation that does not
 * improve counts against the patience once the phase is past {@code patienceDelay} steps; the phase stops when
 * {@code patience} such validations have followed the best one (and the delay is over). The counters are part of
 * a phase's saved state, so a resumed phase decides as the uninterrupted one would.
 */
public final class EarlyStopping {
  /** What one validation means: a new best checkpoint, and whether the phase stops now. */
  public record Decision(boolean improved, boolean stop) {}

  private final int patience;
  private final int patienceDelay;
  private Double best;
  private int bestStep;
  private int badEvaluations;

  /** Starts from saved counters ({@code best} null: nothing validated yet). */
  public EarlyStopping(int patience, int patienceDelay, Double best, int bestStep, int badEvaluations) {
    this.patience = patience;
    this.patienceDelay = patienceDelay;
    this.best = best;
    this.bestStep = bestStep;
    this.badEvaluations = badEvaluations;
  }

  /** Takes the validation {@code score} at {@code step}. */
  public Decision observe(int step, double score) {
    boolean improved = best == null || score > best;
    if (improved) {
      best = score;
      bestStep = step;
      badEvaluations = 0;
    } else if (step >= patienceDelay) {
      badEvaluations++;
    }
    return new Decision(improved, badEvaluations >= patience && step >= patienceDelay);
  }

  public Double best() {
    return best;
  }

  public int bestStep() {
    return bestStep;
  }

  public int badEvaluations() {
    return badEvaluations;
  }
}
