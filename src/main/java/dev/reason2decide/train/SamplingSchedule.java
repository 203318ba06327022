// π_t, the probability that Stage-2 conditions the rationale on the model's own prediction instead of the gold label.
package dev.reason2decide.train;

import com.google.gson.annotations.SerializedName;
import java.util.Locale;

/**
 * Task-level scheduled sampling. π_t = 0 during the warm-up t &lt; W = ⌊warmupFraction·T⌋; afterwards, with
 * i = t − W:
 * <ul>
 *   <li>{@code reference}: min(cap, i / max(1, ⌊mixFraction·T⌋)) — the authors' linear ramp to 0.9;</li>
 *   <li>{@code linear}: 1 − max(floor, 1 − slope·i) (Bengio et al. 2015, ε_i = max(ε, k − c·i) with k = 1);</li>
 *   <li>{@code exponential}: 1 − k^i (k &lt; 1);</li>
 *   <li>{@code inverse-sigmoid}: 1 − k / (k + exp(i/k)) (k ≥ 1);</li>
 *   <li>{@code constant}: {@code value} (π ≡ 0 is gold-only, π ≡ 1 prediction-only).</li>
 * </ul>
 * Every value is finally capped at {@code cap} except for {@code constant}.
 */
public record SamplingSchedule(Kind kind, double warmupFraction, double mixFraction, double cap, double slope,
    double floor, double k, double value) {

  /** Schedule families. */
  public enum Kind {
    // written as the CLI spells them; the upper-case names are what config.json held before
    @SerializedName(value = "reference", alternate = "REFERENCE") REFERENCE,
    @SerializedName(value = "linear", alternate = "LINEAR") LINEAR,
    @SerializedName(value = "exponential", alternate = "EXPONENTIAL") EXPONENTIAL,
    @SerializedName(value = "inverse-sigmoid", alternate = "INVERSE_SIGMOID") INVERSE_SIGMOID,
    @SerializedName(value = "constant", alternate = "CONSTANT") CONSTANT;

    public static Kind parse(String s) {
      try {
        return valueOf(s.toUpperCase(Locale.ROOT).replace('-', '_'));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("unknown sampling schedule '" + s
            + "' (reference, linear, exponential, inverse-sigmoid, constant)");
      }
    }

    public String label() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  public SamplingSchedule {
    if (warmupFraction < 0 || warmupFraction >= 1 || mixFraction <= 0 || cap < 0 || cap > 1 || value < 0
        || value > 1) {
      throw new IllegalArgumentException("sampling schedule out of range: warmup " + warmupFraction + ", mix "
          + mixFraction + ", cap " + cap + ", value " + value);
    }
    if (kind == Kind.EXPONENTIAL && !(k > 0 && k < 1)) {
      throw new IllegalArgumentException("exponential schedule needs 0 < k < 1, got " + k);
    }
    if (kind == Kind.INVERSE_SIGMOID && !(k >= 1)) {
      throw new IllegalArgumentException("inverse-sigmoid schedule needs k >= 1, got " + k);
    }
  }

  /**
   * The authors' schedule: W = 5% of T, ramp over 60% of T, cap 0.9; the other families' parameters default to
   * slope 0.001, floor 0, k 0.999 and value 0.5.
   */
  public static SamplingSchedule reference() {
    return new SamplingSchedule(Kind.REFERENCE, 0.05, 0.6, 0.9, 0.001, 0.0, 0.999, 0.5);
  }

  /**
   * The same schedule with the parameters its family never reads set to 0, so that two schedules that give the same
   * π_t (and the same early-stopping delay, which reads W and the mix length) compare equal.
   */
  public SamplingSchedule effective() {
    boolean slopes = kind == Kind.LINEAR;
    boolean ks = kind == Kind.EXPONENTIAL || kind == Kind.INVERSE_SIGMOID;
    return new SamplingSchedule(kind, warmupFraction, mixFraction, kind == Kind.CONSTANT ? 1.0 : cap,
        slopes ? slope : 0, slopes ? floor : 0, ks ? k : 0, kind == Kind.CONSTANT ? value : 0);
  }

  /** π ≡ value after the warm-up. */
  public static SamplingSchedule constant(double value) {
    return new SamplingSchedule(Kind.CONSTANT, 0.05, 0.6, 1.0, 0, 0, 0, value);
  }

  public int warmupSteps(int total) {
    return (int) (warmupFraction * total);
  }

  public int mixSteps(int total) {
    return (int) (mixFraction * total);
  }

  /** π at step t (0-based) of a budget of {@code total} steps. */
  public double at(int t, int total) {
    int w = warmupSteps(total);
    if (t < w) {
      return 0.0;
    }
    double i = t - w;
    double pi = switch (kind) {
      case REFERENCE -> i / Math.max(1, mixSteps(total));
      case LINEAR -> 1 - Math.max(floor, 1 - slope * i);
      case EXPONENTIAL -> 1 - Math.pow(k, i);
      case INVERSE_SIGMOID -> 1 - k / (k + Math.exp(i / k));
      case CONSTANT -> value;
    };
    return kind == Kind.CONSTANT ? pi : Math.min(cap, pi);
  }
}
