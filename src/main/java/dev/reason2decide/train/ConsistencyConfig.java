// Reason2Decide-C's Stage-2 settings: the cycle-consistency loss, its warm-up, the τ window and the Gumbel temperature.
package dev.reason2decide.train;

/**
 * The parameters of Reason2Decide-C's two Stage-2 options (Hasan et al., MDPI Computers 15(5):279, 2026; their
 * {@code r2dc_stage2.py}); the recipes {@code r2dc}, {@code r2dc-no-cycle} and {@code r2dc-no-adaptive} switch the
 * options on ({@link Phase#adaptive()}, {@link Phase#cycle()}), every other recipe ignores these settings.
 * Lengths are fractions of the Stage-2 budget T, like the α and π schedules:
 * <ul>
 *   <li>{@code cycleWeight} λ: L = α·L_pred + (1 − α)·L_rat + λ·L_cycle (the code's {@code lambda_cycle} 0.1);</li>
 *   <li>{@code cycleWarmupFraction}: W_c = ⌊fraction·T⌋ (the code's {@code cycle_warmup_steps} = ⌊0.05·T⌋); the
 *       cycle loss is on for steps t &gt; W_c, τ is first set at t = W_c;</li>
 *   <li>{@code tauWindowFraction}: τ is re-estimated every round(fraction·T) steps after W_c (the code: every 1,000
 *       steps of its default T = 30,000, hence 1/30);</li>
 *   <li>{@code confidenceSlope}: the second coin's probability σ(slope·(c − τ)) (the code's 10);</li>
 *   <li>{@code gumbelStart}, {@code gumbelFloor}, {@code gumbelHalfLife}: the Gumbel-softmax temperature
 *       max(floor, start·2^(−t / (halfLife·T))) (the code: max(0.5, 1.0·exp(−0.6931·t/T)), a half-life of T).</li>
 * </ul>
 */
public record ConsistencyConfig(float cycleWeight, double cycleWarmupFraction, double tauWindowFraction,
    double confidenceSlope, double gumbelStart, double gumbelFloor, double gumbelHalfLife) {

  public ConsistencyConfig {
    SettingCheck.require(cycleWeight >= 0 && Float.isFinite(cycleWeight), "cycle-weight must be ≥ 0, got " + cycleWeight);
    SettingCheck.require(cycleWarmupFraction >= 0 && cycleWarmupFraction < 1,
        "cycle-warmup must be in [0, 1), got " + cycleWarmupFraction);
    SettingCheck.require(tauWindowFraction > 0 && tauWindowFraction <= 1,
        "tau-window must be in (0, 1], got " + tauWindowFraction);
    SettingCheck.require(confidenceSlope > 0 && Double.isFinite(confidenceSlope),
        "confidence-slope must be > 0, got " + confidenceSlope);
    SettingCheck.require(gumbelStart > 0 && Double.isFinite(gumbelStart), "gumbel-start must be > 0, got " + gumbelStart);
    // a floor above the start is allowed (a constant temperature): settings are applied one at a time
    SettingCheck.require(gumbelFloor > 0 && Double.isFinite(gumbelFloor), "gumbel-floor must be > 0, got " + gumbelFloor);
    SettingCheck.require(gumbelHalfLife > 0 && Double.isFinite(gumbelHalfLife),
        "gumbel-half-life must be > 0, got " + gumbelHalfLife);
  }

  /** The code's defaults: λ = 0.1, W_c = 5%, τ window 1/30 of T, slope 10, temperature 1.0 → 0.5 over T. */
  public static ConsistencyConfig reference() {
    return new ConsistencyConfig(0.1f, 0.05, 1.0 / 30, 10.0, 1.0, 0.5, 1.0);
  }

  /** W_c for a Stage-2 budget of {@code total} steps. */
  public int cycleWarmupSteps(int total) {
    return (int) (cycleWarmupFraction * total);
  }

  /** Steps between two re-estimations of τ (at least 1). */
  public int tauWindowSteps(int total) {
    return Math.max(1, (int) Math.round(tauWindowFraction * total));
  }

  /** True when the cycle loss is computed at step t (0-based): strictly after the cycle warm-up. */
  public boolean cycleOn(int t, int total) {
    return t > cycleWarmupSteps(total);
  }

  /** The Gumbel-softmax temperature at step t (0-based) of a budget of {@code total} steps. */
  public double gumbelTemperature(int t, int total) {
    double halfLife = gumbelHalfLife * Math.max(1, total);
    return Math.max(gumbelFloor, gumbelStart * Math.exp(-Math.log(2) * t / halfLife));
  }

  /** The probability of the second coin: σ(slope·(c − τ)). */
  public double acceptance(double confidence, double tau) {
    return 1 / (1 + Math.exp(-confidenceSlope * (confidence - tau)));
  }
}
