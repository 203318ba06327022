// Reason2Decide-C's threshold τ: the mean confidence of ŷ, set at the end of the cycle warm-up, then per window.
package dev.reason2decide.train;

import com.google.gson.JsonObject;
import dev.reason2decide.io.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * τ as {@code r2dc_stage2.py} keeps it, with W_c the cycle warm-up and N the window (both in steps, t 0-based):
 * every micro-batch's confidences join the window; for its coins a micro-batch at t &lt; W_c gets τ = 1.0, at
 * t = W_c the mean of the window so far (everything collected since step 0, this micro-batch included), after W_c
 * the current τ. At the end of step W_c, τ becomes the window's mean and the window is emptied; at the end of every
 * step t = W_c + k·N (k ≥ 1), τ becomes the window's mean (the steps W_c + (k−1)·N + 1 … t) and the window is
 * emptied. An empty window leaves τ as it was (0.75, the code's initial value, if it was never set) and, at W_c,
 * is not emptied. State: τ and the window's sum and count, saved with a phase's state for an exact resume.
 */
public final class ConfidenceThreshold {
  /** The code's τ while the warm-up runs (σ(slope·(c − 1)) ≤ ½: ŷ is rarely kept). */
  static final double DURING_WARMUP = 1.0;
  /** The code's initial τ, the fallback when no confidence was collected. */
  static final double INITIAL = 0.75;

  private final int warmup;
  private final int window;
  private double tau = INITIAL;
  private double sum;
  private long count;

  public ConfidenceThreshold(int warmupSteps, int windowSteps) {
    SettingCheck.require(warmupSteps >= 0 && windowSteps >= 1, "τ needs a warm-up ≥ 0 and a window ≥ 1 step, got "
        + warmupSteps + " and " + windowSteps);
    this.warmup = warmupSteps;
    this.window = windowSteps;
  }

  /** The threshold of a Stage-2 phase of {@code steps} steps under {@code c}. */
  public static ConfidenceThreshold of(ConsistencyConfig c, int steps) {
    return new ConfidenceThreshold(c.cycleWarmupSteps(steps), c.tauWindowSteps(steps));
  }

  /** Adds a micro-batch's confidences at step t and returns the τ its coins use. */
  public double observe(int t, double[] confidences) {
    for (double c : confidences) {
      sum += c;
      count++;
    }
    if (t < warmup) {
      return DURING_WARMUP;
    }
    if (t == warmup) {
      return count > 0 ? sum / count : INITIAL;
    }
    return tau;
  }

  /** Called once after all micro-batches of step t: sets or re-estimates τ when t is W_c or a window's end. */
  public void endStep(int t) {
    if (t == warmup) {
      if (count > 0) {
        tau = sum / count;
        reset();
      }
    } else if (t > warmup && (t - warmup) % window == 0) {
      if (count > 0) {
        tau = sum / count;
      }
      reset();
    }
  }

  private void reset() {
    sum = 0;
    count = 0;
  }

  /** The current τ (the value steps after W_c use). */
  public double tau() {
    return tau;
  }

  /** Confidences in the current window. */
  public long windowCount() {
    return count;
  }

  /** Writes τ and the window to {@code file} (JSON; doubles written exactly). */
  public void save(Path file) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("tau", tau);
    m.put("window_sum", sum);
    m.put("window_count", count);
    m.put("warmup_steps", warmup);
    m.put("window_steps", window);
    Json.writePretty(file, m);
  }

  /** Restores τ and the window from {@code file}, written by {@link #save} for the same warm-up and window. */
  public void restore(Path file) {
    if (!Files.exists(file)) {
      throw new IllegalArgumentException(file + ": missing; a confidence-adaptive phase cannot resume without τ");
    }
    try {
      JsonObject o = Json.readObject(file);
      if (o.get("warmup_steps").getAsInt() != warmup || o.get("window_steps").getAsInt() != window) {
        throw new IllegalArgumentException("saved for a warm-up of " + o.get("warmup_steps") + " and a window of "
            + o.get("window_steps") + " steps, this phase has " + warmup + " and " + window);
      }
      tau = o.get("tau").getAsDouble();
      sum = o.get("window_sum").getAsDouble();
      count = o.get("window_count").getAsLong();
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(file + ": unreadable confidence threshold: " + e.getMessage(), e);
    }
  }
}
