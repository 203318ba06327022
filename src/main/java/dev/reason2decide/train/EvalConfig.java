// Evaluation and selection settings of a run: validation intervals and early-stopping patience per phase kind.
package dev.reason2decide.train;

/**
 * Stage-1 is validated every {@code stage1EvalEvery} steps and stops after {@code stage1Patience} validations
 * without improvement; Stage-2, SFT and DSS every {@code evalEvery} steps, Stage-2 and SFT with {@code patience},
 * DSS with {@code dssPatience} (0: no early stopping; the DSS authors' code has none, 5 is this project's choice).
 */
public record EvalConfig(int stage1EvalEvery, int evalEvery, int stage1Patience, int patience, int dssPatience) {

  public EvalConfig {
    TrainConfig.check(stage1EvalEvery > 0 && evalEvery > 0, "evaluation intervals must be positive");
    TrainConfig.check(patience > 0 && stage1Patience > 0, "patience must be positive");
    TrainConfig.check(dssPatience >= 0, "dss-patience must be >= 0 (0 = no early stopping), got " + dssPatience);
  }

  /** Stage-1 every 1000 steps with patience 3, the rest every 500 with patience 5. */
  public static EvalConfig reference() {
    return new EvalConfig(1000, 500, 3, 5, 5);
  }

  public EvalConfig withStage1EvalEvery(int v) {
    return new EvalConfig(v, evalEvery, stage1Patience, patience, dssPatience);
  }

  public EvalConfig withEvalEvery(int v) {
    return new EvalConfig(stage1EvalEvery, v, stage1Patience, patience, dssPatience);
  }

  public EvalConfig withStage1Patience(int v) {
    return new EvalConfig(stage1EvalEvery, evalEvery, v, patience, dssPatience);
  }

  public EvalConfig withPatience(int v) {
    return new EvalConfig(stage1EvalEvery, evalEvery, stage1Patience, v, dssPatience);
  }

  public EvalConfig withDssPatience(int v) {
    return new EvalConfig(stage1EvalEvery, evalEvery, stage1Patience, patience, v);
  }
}
