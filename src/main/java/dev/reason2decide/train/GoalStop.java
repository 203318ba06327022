// The goal-based stop: Stage-2 ends once validation has met the goals a given number of validations in a row.
package dev.reason2decide.train;

import java.util.Map;

/**
 * A setting of its own ({@code goal-stop}), separate from the reference's early stopping ({@link EarlyStopping},
 * which stays as it is). At each Stage-2 validation {@link Goals#metBy} reads the validation's goal metrics (see
 * {@code Validator.goalMetrics}); {@link #observe} counts the validations in a row that met them and says stop when
 * the count reaches {@code inARow} (0: never). The streak is part of a phase's saved state, so a resumed phase
 * decides as the uninterrupted one would.
 */
public final class GoalStop {
  /** The metrics.jsonl record of an early end: {@code {"kind":"stop","stage":..,"step":..,"reason":..}}. */
  public static final String REASON_GOALS = "goals";
  public static final String REASON_PATIENCE = "patience";

  /**
   * The bars on validation: the quickstart's goals on held-out notes, less the counterfactual probes (which need a
   * model folder and a probe set: too dear inside the loop).
   *
   * @param accuracy greedy ŷ = y
   * @param decisionAgreement the rationale states ŷ
   * @param citedInNote cited findings that agree with the note
   * @param fullyFaithful rationales passing every exact check
   */
  public record Goals(double accuracy, double decisionAgreement, double citedInNote, double fullyFaithful) {
    /** The quickstart's goals (issue 25's "every goal it prints"). */
    public static final Goals QUICKSTART = new Goals(0.95, 0.97, 0.95, 0.90);

    /** Whether validation {@code metrics} (names as {@code Validator.goalMetrics} writes them) meet every goal. */
    public boolean metBy(Map<String, Object> metrics) {
      return at(metrics, "val_accuracy", accuracy) && at(metrics, "val_decision_agreement", decisionAgreement)
          && at(metrics, "val_cited_findings_in_note", citedInNote) && at(metrics, "val_fully_faithful",
          fullyFaithful);
    }

    private static boolean at(Map<String, Object> m, String key, double goal) {
      return m.get(key) instanceof Number n && n.doubleValue() >= goal; // absent or null (nothing cited): not met
    }
  }

  private final int inARow;
  private int streak;

  /** Stops after {@code inARow} met validations in a row (0: never), counting on from a saved {@code streak}. */
  public GoalStop(int inARow, int streak) {
    SettingCheck.require(inARow >= 0 && streak >= 0, "goal-stop and its streak must be >= 0");
    this.inARow = inARow;
    this.streak = streak;
  }

  /** Takes one validation's verdict; true when the phase stops now. */
  public boolean observe(boolean met) {
    streak = met ? streak + 1 : 0;
    return inARow > 0 && streak >= inARow;
  }

  /** Met validations in a row so far. */
  public int streak() {
    return streak;
  }

  /**
   * The score that selects the best checkpoint while the goal stop is on: a validation that meets the goals ranks
   * above one that does not (1 + macro-F1), so that the model kept is one that met them.
   */
  public static double selectionScore(double macroF1, boolean met) {
    return met ? 1 + macroF1 : macroF1;
  }
}
