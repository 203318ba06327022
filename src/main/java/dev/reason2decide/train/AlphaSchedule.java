// α_t, the weight of the prediction loss in Stage-2: a linear ramp to α over the warm-up, then constant.
package dev.reason2decide.train;

/**
 * α_t = α·t/W for t &lt; W, else α, with W = ⌊warmupFraction·T⌋ (the authors' {@code current_alpha}; t is the
 * number of optimiser steps already taken). {@code warmupFraction} 0 gives a constant α (DSS uses α = 0.5).
 */
public record AlphaSchedule(float alpha, double warmupFraction) {
  public AlphaSchedule {
    if (alpha < 0 || alpha > 1) {
      throw new IllegalArgumentException("alpha must be in [0, 1], got " + alpha);
    }
    if (warmupFraction < 0 || warmupFraction >= 1) {
      throw new IllegalArgumentException("alpha warm-up fraction must be in [0, 1), got " + warmupFraction);
    }
  }

  public static AlphaSchedule reference() {
    return new AlphaSchedule(0.7f, 0.05);
  }

  public static AlphaSchedule constant(float alpha) {
    return new AlphaSchedule(alpha, 0);
  }

  /** W for a budget of {@code total} steps. */
  public int warmupSteps(int total) {
    return (int) (warmupFraction * total);
  }

  /** α at step t (0-based) of a budget of {@code total} steps. */
  public double at(int t, int total) {
    int w = warmupSteps(total);
    if (t >= w) {
      return alpha;
    }
    return alpha * (double) t / Math.max(1, w);
  }
}
