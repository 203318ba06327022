// The range of every numeric training setting, checked wherever a setting is given: CLI, experiment file, config.json.
package dev.reason2decide.train;

import dev.reason2decide.runs.ModelCard;
import java.util.Map;

/**
 * Both ends included. The token lengths are the bounds a model folder's {@code r2d.json} is read with
 * ({@link ModelCard}), so training never writes a model that {@code predict} and {@code serve} refuse. The records'
 * own checks (e.g. a fraction strictly below 1, π's family rules) still apply inside these ranges.
 */
public final class SettingRanges {
  private SettingRanges() {}

  private static final double BIG = 1e9; // a step count or interval no run reaches
  private static final Map<String, double[]> RANGES = Map.ofEntries(
      r("steps", 1, BIG), r("stage1-fraction", 0, 1), r("batch-size", 1, 65_536), r("eval-batch-size", 1, 65_536),
      r("lr", 0, 10), r("warmup-steps", 0, BIG), r("weight-decay", 0, 1), r("max-grad-norm", 0, 1e6),
      r("grad-accumulation", 1, 4096), r("eval-every", 1, BIG), r("stage1-eval-every", 1, BIG),
      r("patience", 1, 1e6), r("stage1-patience", 1, 1e6), r("dss-patience", 0, 1e6), r("alpha", 0, 1),
      r("alpha-warmup", 0, 1), r("dss-alpha", 0, 1), r("pi-warmup", 0, 1), r("pi-mix", 0, 1), r("pi-cap", 0, 1),
      r("pi-slope", 0, 1e6), r("pi-floor", 0, 1), r("pi-k", 0, 1e9), r("pi-value", 0, 1), r("cycle-weight", 0, 1e3),
      r("cycle-warmup", 0, 1), r("tau-window", 0, 1), r("confidence-slope", 0, 1e6), r("gumbel-start", 0, 1e6),
      r("gumbel-floor", 0, 1e6), r("gumbel-half-life", 0, 1e6),
      r("max-input-tokens", 8, ModelCard.MAX_INPUT_TOKENS),
      r("explain-max-input-tokens", 0, ModelCard.MAX_INPUT_TOKENS),
      r("max-target-tokens", 2, ModelCard.MAX_RATIONALE_TOKENS),
      r("label-max-new-tokens", 1, ModelCard.MAX_LABEL_TOKENS),
      r("rationale-max-new-tokens", 1, ModelCard.MAX_RATIONALE_TOKENS),
      r("seed", Long.MIN_VALUE, Long.MAX_VALUE), r("dropout", 0, 1), r("position-lr-scale", 0, 1e3),
      r("threads", 0, 1024), r("max-validation", 0, Integer.MAX_VALUE), r("goal-stop", 0, 1e6));

  private static Map.Entry<String, double[]> r(String name, double min, double max) {
    return Map.entry(name, new double[] {min, max});
  }

  /** {min, max} of the numeric setting {@code name}, or null for one that is not numeric (or unknown). */
  public static double[] of(String name) {
    double[] r = RANGES.get(name);
    return r == null ? null : r.clone();
  }

  /** Null when {@code v} is inside {@code name}'s range, else "must be between A and B, got v". */
  static String outside(String name, Number v) {
    double[] r = RANGES.get(name);
    if (r == null || (v.doubleValue() >= r[0] && v.doubleValue() <= r[1])) {
      return null;
    }
    return "must be between " + text(r[0]) + " and " + text(r[1]) + ", got " + v;
  }

  /** A bound as people write it: 8,192, 1e9 as 1,000,000,000, 0.5. */
  public static String text(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return String.format(java.util.Locale.ROOT, "%,d", (long) v);
    }
    return v == Long.MIN_VALUE || v == Long.MAX_VALUE ? String.valueOf((long) v) : Double.toString(v);
  }
}
