// The phases a configuration's recipe runs: each with its share of the step budget, weights, sampling and selection.
package dev.reason2decide.train;

import dev.reason2decide.runs.PhaseKind;
import java.util.List;

/** Where {@link Recipe}, {@link TrainConfig} and {@link Phase} meet: the one place that turns a config into phases. */
public final class RecipePlan {
  private RecipePlan() {}

  /** The phases of {@code c.recipe()} under {@code c}, each with its share of the step budget. */
  public static List<Phase> phases(TrainConfig c) {
    int t = c.optim().steps();
    int s1 = (int) Math.round(c.optim().stage1Fraction() * t);
    SamplingSchedule sampling = c.schedules().sampling();
    return switch (c.recipe()) {
      case R2D -> List.of(stage1(s1, c), stage2(t - s1, c, sampling));
      case R2D_STAGE1 -> List.of(stage1(t, c));
      case R2D_STAGE2, R2D_NO_STAGE1 -> List.of(stage2(t, c, sampling));
      case R2D_GOLD_ONLY -> List.of(stage1(s1, c), stage2(t - s1, c, SamplingSchedule.constant(0)));
      case R2D_PRED_ONLY -> List.of(stage1(s1, c), stage2(t - s1, c, SamplingSchedule.constant(1)));
      case R2DC -> List.of(stage1(s1, c), stage2(t - s1, c, sampling).withConsistency(true, true));
      case R2DC_NO_CYCLE -> List.of(stage1(s1, c), stage2(t - s1, c, sampling).withConsistency(true, false));
      case R2DC_NO_ADAPTIVE -> List.of(stage1(s1, c), stage2(t - s1, c, sampling).withConsistency(false, true));
      case SFT -> List.of(sft(t, c));
      case DSS -> List.of(dss(t, c));
    };
  }

  static Phase stage1(int steps, TrainConfig c) {
    return new Phase(PhaseKind.STAGE1, steps, AlphaSchedule.constant(0f), Phase.RationaleTask.EXPLAIN, null,
        Phase.Selection.VALIDATION_LOSS, c.eval().stage1EvalEvery(), c.eval().stage1Patience(), 0);
  }

  static Phase stage2(int steps, TrainConfig c, SamplingSchedule s) {
    int delay = s.warmupSteps(steps) + s.mixSteps(steps);
    return new Phase(PhaseKind.STAGE2, steps, c.schedules().alpha(), Phase.RationaleTask.LABELLED, s,
        Phase.Selection.MACRO_F1, c.eval().evalEvery(), c.eval().patience(), delay);
  }

  static Phase sft(int steps, TrainConfig c) {
    return new Phase(PhaseKind.SFT, steps, AlphaSchedule.constant(1f), Phase.RationaleTask.NONE, null,
        Phase.Selection.MACRO_F1, c.eval().evalEvery(), c.eval().patience(), 0);
  }

  static Phase dss(int steps, TrainConfig c) {
    return new Phase(PhaseKind.DSS, steps, AlphaSchedule.constant(c.schedules().dssAlpha()),
        Phase.RationaleTask.EXPLAIN, null, Phase.Selection.MACRO_F1, c.eval().evalEvery(), c.eval().dssPatience(), 0);
  }
}
