// Schedule settings of a run: α_t (the prediction loss weight), DSS's α, π_t (scheduled sampling), how ŷ is made, R2D-C's.
package dev.reason2decide.train;

/**
 * Stage-2 weighs L_pred by {@code alpha} and conditions rationales on the model's own ŷ with probability given by
 * {@code sampling}; ŷ is decoded {@code greedy} (the reference, dropout on) or {@code constrained} (best label of
 * the set). DSS uses the constant weight {@code dssAlpha}. {@code consistency} holds the parameters of
 * Reason2Decide-C's options, read only by the {@code r2dc} recipes.
 */
public record ScheduleConfig(AlphaSchedule alpha, float dssAlpha, SamplingSchedule sampling, String sampledLabel,
    ConsistencyConfig consistency) {

  public ScheduleConfig {
    TrainConfig.check(alpha != null && sampling != null && consistency != null,
        "alpha, sampling and consistency settings are required");
    TrainConfig.check(sampledLabel.equals("greedy") || sampledLabel.equals("constrained"),
        "sampled-label must be greedy or constrained, got " + sampledLabel);
  }

  /** α = 0.7 with W = 5%, DSS α = 0.5, the authors' π ramp, greedy ŷ, R2D-C's code defaults. */
  public static ScheduleConfig reference() {
    return new ScheduleConfig(AlphaSchedule.reference(), 0.5f, SamplingSchedule.reference(), "greedy",
        ConsistencyConfig.reference());
  }

  public ScheduleConfig withAlpha(AlphaSchedule v) {
    return new ScheduleConfig(v, dssAlpha, sampling, sampledLabel, consistency);
  }

  public ScheduleConfig withDssAlpha(float v) {
    return new ScheduleConfig(alpha, v, sampling, sampledLabel, consistency);
  }

  public ScheduleConfig withSampling(SamplingSchedule v) {
    return new ScheduleConfig(alpha, dssAlpha, v, sampledLabel, consistency);
  }

  public ScheduleConfig withSampledLabel(String v) {
    return new ScheduleConfig(alpha, dssAlpha, sampling, v, consistency);
  }

  public ScheduleConfig withConsistency(ConsistencyConfig v) {
    return new ScheduleConfig(alpha, dssAlpha, sampling, sampledLabel, v);
  }
}
