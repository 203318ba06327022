// Every training setting in one record, with the authors' defaults; written next to every checkpoint.
package dev.reason2decide.train;

import dev.reason2decide.prompts.PromptTemplates;

/**
 * Resolved training configuration. Defaults follow the reference (learning rate 5e-5, batch 64, linear decay, no
 * warm-up, weight decay 0, max grad norm 1.0 — Hugging Face Trainer's — 1024 input / 256 target tokens, α = 0.7,
 * W = 5%, π ramp over 60% capped at 0.9, Stage-1 evaluation every 1000 steps with patience 3, Stage-2 every 500
 * with patience 5, Stage-1 = 50k of an 80k budget, seed 42). {@code steps} is the budget of the whole recipe
 * (Stage-1 and Stage-2 together).
 */
public record TrainConfig(
    Recipe recipe,
    int steps,
    double stage1Fraction,
    int batchSize,
    int evalBatchSize,
    float learningRate,
    int warmupSteps,
    String lrSchedule,
    float weightDecay,
    float maxGradNorm,
    int gradAccumulation,
    int stage1EvalEvery,
    int evalEvery,
    int stage1Patience,
    int patience,
    AlphaSchedule alpha,
    float dssAlpha,
    SamplingSchedule sampling,
    String sampledLabel,
    int maxInputTokens,
    int maxTargetTokens,
    int labelMaxNewTokens,
    int rationaleMaxNewTokens,
    long seed,
    Float dropout,
    boolean groupByLength,
    int threads,
    int maxValidationExamples,
    PromptTemplates prompts) {

  public TrainConfig {
    check(steps > 0, "steps must be positive, got " + steps);
    check(stage1Fraction > 0 && stage1Fraction < 1, "stage1-fraction must be in (0, 1), got " + stage1Fraction);
    check(batchSize > 0 && evalBatchSize > 0, "batch sizes must be positive");
    check(learningRate > 0, "learning rate must be positive, got " + learningRate);
    check(warmupSteps >= 0, "warm-up steps must be >= 0");
    check(lrSchedule.equals("linear") || lrSchedule.equals("constant"),
        "lr-schedule must be linear or constant, got " + lrSchedule);
    check(gradAccumulation >= 1, "grad-accumulation must be >= 1");
    check(stage1EvalEvery > 0 && evalEvery > 0, "evaluation intervals must be positive");
    check(patience > 0 && stage1Patience > 0, "patience must be positive");
    check(sampledLabel.equals("greedy") || sampledLabel.equals("constrained"),
        "sampled-label must be greedy or constrained, got " + sampledLabel);
    check(maxInputTokens >= 8 && maxTargetTokens >= 2, "token limits too small");
    check(threads >= 0, "threads must be >= 0 (0 = all cores)");
  }

  private static void check(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }

  /** The reference configuration for {@code recipe}. */
  public static TrainConfig reference(Recipe recipe) {
    return new TrainConfig(recipe, 80_000, 0.625, 64, 64, 5e-5f, 0, "linear", 0f, 1.0f, 1, 1000, 500, 3, 5,
        AlphaSchedule.reference(), 0.5f, SamplingSchedule.reference(), "greedy", 1024, 256, 49, 255, 42L, null,
        true, 0, 0, PromptTemplates.reference());
  }

  /** Copy with another recipe. */
  public TrainConfig withRecipe(Recipe r) {
    return new TrainConfig(r, steps, stage1Fraction, batchSize, evalBatchSize, learningRate, warmupSteps, lrSchedule,
        weightDecay, maxGradNorm, gradAccumulation, stage1EvalEvery, evalEvery, stage1Patience, patience, alpha,
        dssAlpha, sampling, sampledLabel, maxInputTokens, maxTargetTokens, labelMaxNewTokens, rationaleMaxNewTokens,
        seed, dropout, groupByLength, threads, maxValidationExamples, prompts);
  }

  /** Copy with another seed. */
  public TrainConfig withSeed(long s) {
    return new TrainConfig(recipe, steps, stage1Fraction, batchSize, evalBatchSize, learningRate, warmupSteps,
        lrSchedule, weightDecay, maxGradNorm, gradAccumulation, stage1EvalEvery, evalEvery, stage1Patience, patience,
        alpha, dssAlpha, sampling, sampledLabel, maxInputTokens, maxTargetTokens, labelMaxNewTokens,
        rationaleMaxNewTokens, s, dropout, groupByLength, threads, maxValidationExamples, prompts);
  }

  /** Copy with another step budget. */
  public TrainConfig withSteps(int s) {
    return new TrainConfig(recipe, s, stage1Fraction, batchSize, evalBatchSize, learningRate, warmupSteps,
        lrSchedule, weightDecay, maxGradNorm, gradAccumulation, stage1EvalEvery, evalEvery, stage1Patience, patience,
        alpha, dssAlpha, sampling, sampledLabel, maxInputTokens, maxTargetTokens, labelMaxNewTokens,
        rationaleMaxNewTokens, seed, dropout, groupByLength, threads, maxValidationExamples, prompts);
  }
}
