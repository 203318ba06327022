// Evaluation and selection settings of a run: validation intervals, early-stopping patience per phase kind, goal stop.
package dev.reason2decide.train;

/**
 * Stage-1 is validated every {@code stage1EvalEvery} steps and stops after {@code stage1Patience} validations
 * without improvement; Stage-2, SFT and DSS every {@code evalEvery} steps, Stage-2 and SFT with {@code patience},
 * DSS with {@code dssPatience} (0: no early stopping; the DSS authors' code has none, 5 is this project's choice).
 * {@code goalStop} &gt; 0 ends Stage-2 once that many validations in a row meet the goals ({@link GoalStop}; 0: off,
 * the reference).
 */
public record EvalConfig(int stage1EvalEvery, int evalEvery, int stage1Patience, int patience, int dssPatience,
    int goalStop) {

  public EvalConfig {
    SettingCheck.require(stage1EvalEvery > 0 && evalEvery > 0, "evaluation intervals must be positive");
    SettingCheck.require(patience > 0 && stage1Patience > 0, "patience must be positive");
    SettingCheck.require(dssPatience >= 0, "dss-patience must be >= 0 (0 = no early stopping), got " + dssPatience);
    SettingCheck.require(goalStop >= 0, "goal-stop must be >= 0 (0 = off), got " + goalStop);
  }

  /** Stage-1 every 1000 steps with patience 3, the rest every 500 with patience 5. */
  public static EvalConfig reference() {
    return new EvalConfig(1000, 500, 3, 5, 5, 0);
  }
}
