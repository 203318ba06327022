// Refuses, before anything is created, a recipe that would give some phase no step (or a goal stop no Stage-2).
package dev.reason2decide.train;

import dev.reason2decide.runs.PhaseKind;
import java.util.List;
import java.util.Locale;

/**
 * Every phase of a recipe needs at least one step: a phase of 0 steps trains nothing, validates nothing and so has
 * no model to hand to the next phase or to {@code model/}. Such a run is not the recipe that was asked for (R2D
 * without Stage-1 is another recipe), so it is refused up front, naming {@code steps} and {@code stage1-fraction}
 * and the smallest budget that works, rather than run as something else under the recipe's name.
 */
public final class PhaseBudget {
  private PhaseBudget() {}

  /** Throws {@link IllegalArgumentException} (one line) when a phase of {@code c}'s recipe gets no step. */
  public static void check(TrainConfig c) {
    List<Phase> phases = RecipePlan.phases(c);
    if (c.eval().goalStop() > 0 && phases.stream().noneMatch(p -> p.kind() == PhaseKind.STAGE2)) {
      throw new IllegalArgumentException("goal-stop " + c.eval().goalStop() + ": recipe " + c.recipe().cliName()
          + " has no Stage-2, whose label-conditioned rationales the goals judge; use goal-stop 0 with it");
    }
    for (Phase p : phases) {
      if (p.steps() < 1) {
        String split = phases.stream().map(q -> q.name() + " " + q.steps()).reduce((a, b) -> a + ", " + b)
            .orElse("");
        long least = leastSteps(c);
        throw new IllegalArgumentException(String.format(Locale.ROOT, "steps %d with stage1-fraction %s gives "
            + "%s a phase of 0 steps (%s); every phase needs at least one: %s", c.optim().steps(),
            c.optim().stage1Fraction(), c.recipe().cliName(), split, least > 0
                ? "raise --steps to at least " + least + " or move --stage1-fraction towards 0.5"
                : "move --stage1-fraction towards 0.5"));
      }
    }
  }

  /** The smallest step budget whose phases all get a step at {@code c}'s stage1-fraction, or 0 when none fits an int. */
  static long leastSteps(TrainConfig c) {
    double f = c.optim().stage1Fraction();
    // round(f·t) ≥ 1 needs t ≥ 0.5/f; t − round(f·t) ≥ 1 needs t > 0.5/(1 − f); start just below and step up exactly
    long from = Math.max(2L, (long) Math.floor(Math.max(0.5 / f, 0.5 / (1 - f))) - 2);
    for (long t = from; t <= Integer.MAX_VALUE && t < from + 8; t++) {
      TrainConfig trial = TrainSettings.with(c, "steps", (int) t);
      if (RecipePlan.phases(trial).stream().allMatch(p -> p.steps() >= 1)) {
        return t;
      }
    }
    return 0;
  }
}
