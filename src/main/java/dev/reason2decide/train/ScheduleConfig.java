// Schedule settings of a run: α_t (the prediction loss weight), DSS's α, π_t (scheduled sampling), how ŷ is made, R2D-C's.
package dev.reason2decide.train;

/**
 * Stage-2 weighs L_pred by {@code alpha} and conditions rationales on the model's own ŷ with probability given by
 * {@code sampling}; ŷ is decoded {@code greedy} (the reference, dropout on) or {@code constrained} (best label of
 * the set). DSS uses the constant weight {@code dssAlpha}. {@code consistency} holds the parameters of
 * Reason2Decide-C's options, read only by the {@code r2dc} recipes.
 */
public record ScheduleConfig(AlphaSchedule alpha, float dssAlpha, SamplingSchedule sampling, SampledLabel sampledLabel,
    ConsistencyConfig consistency) {

  /** How ŷ is made in training: {@code greedy} decoding with dropout (the reference) or the {@code constrained} best. */
  public enum SampledLabel { GREEDY, CONSTRAINED }

  public ScheduleConfig {
    SettingCheck.require(alpha != null && sampling != null && sampledLabel != null && consistency != null,
        "alpha, sampling, sampled-label and consistency settings are required");
  }

  /** α = 0.7 with W = 5%, DSS α = 0.5, the authors' π ramp, greedy ŷ, R2D-C's code defaults. */
  public static ScheduleConfig reference() {
    return new ScheduleConfig(AlphaSchedule.reference(), 0.5f, SamplingSchedule.reference(), SampledLabel.GREEDY,
        ConsistencyConfig.reference());
  }
}
