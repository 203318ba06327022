// Optimisation settings of a run: step budget, learning rate and its schedule, AdamW, clipping, accumulation, dropout.
package dev.reason2decide.train;

/**
 * {@code steps} is the budget of the whole recipe (Stage-1 and Stage-2 together), {@code stage1Fraction} Stage-1's
 * share in two-stage recipes; AdamW at peak {@code learningRate} after {@code warmupSteps} of linear warm-up, then
 * {@code lrSchedule} (linear decay to 0, or constant); gradients clipped to {@code maxGradNorm} (0: off) and
 * accumulated over {@code gradAccumulation} micro-batches; {@code dropout} overrides the checkpoint's (null: keep);
 * {@code scratchInit} says how a model trained from scratch is initialised (no effect on a checkpoint).
 */
public record OptimConfig(int steps, double stage1Fraction, float learningRate, int warmupSteps, String lrSchedule,
    float weightDecay, float maxGradNorm, int gradAccumulation, Float dropout, String scratchInit) {
  /** The initialisation of a model trained from scratch: transformers' {@code _init_weights} as it is. */
  public static final String INIT_TRANSFORMERS = "transformers";
  /**
   * transformers' initialisation except the untied {@code lm_head}: standard deviation d_model^-½ instead of 1, so
   * the first logits have unit scale (with 1, a 128-wide model starts at a loss near 40 instead of ln V).
   */
  public static final String INIT_SCALED_HEAD = "scaled-head";


  public OptimConfig {
    TrainConfig.check(steps > 0, "steps must be positive, got " + steps);
    TrainConfig.check(stage1Fraction > 0 && stage1Fraction < 1,
        "stage1-fraction must be in (0, 1), got " + stage1Fraction);
    TrainConfig.check(learningRate > 0, "learning rate must be positive, got " + learningRate);
    TrainConfig.check(warmupSteps >= 0, "warm-up steps must be >= 0");
    TrainConfig.check(lrSchedule.equals("linear") || lrSchedule.equals("constant"),
        "lr-schedule must be linear or constant, got " + lrSchedule);
    TrainConfig.check(INIT_TRANSFORMERS.equals(scratchInit) || INIT_SCALED_HEAD.equals(scratchInit),
        "scratch-init must be " + INIT_TRANSFORMERS + " or " + INIT_SCALED_HEAD + ", got " + scratchInit);
    TrainConfig.check(gradAccumulation >= 1, "grad-accumulation must be >= 1");
  }

  /** Hugging Face Trainer's, as the authors ran it: 80k steps (50k Stage-1), lr 5e-5 decaying linearly, no warm-up,
   * no weight decay, clipping at 1.0. */
  public static OptimConfig reference() {
    return new OptimConfig(80_000, 0.625, 5e-5f, 0, "linear", 0f, 1.0f, 1, null, INIT_TRANSFORMERS);
  }

  public OptimConfig withSteps(int v) {
    return new OptimConfig(v, stage1Fraction, learningRate, warmupSteps, lrSchedule, weightDecay, maxGradNorm,
        gradAccumulation, dropout, scratchInit);
  }

  public OptimConfig withStage1Fraction(double v) {
    return new OptimConfig(steps, v, learningRate, warmupSteps, lrSchedule, weightDecay, maxGradNorm,
        gradAccumulation, dropout, scratchInit);
  }

  public OptimConfig withLearningRate(float v) {
    return new OptimConfig(steps, stage1Fraction, v, warmupSteps, lrSchedule, weightDecay, maxGradNorm,
        gradAccumulation, dropout, scratchInit);
  }

  public OptimConfig withWarmupSteps(int v) {
    return new OptimConfig(steps, stage1Fraction, learningRate, v, lrSchedule, weightDecay, maxGradNorm,
        gradAccumulation, dropout, scratchInit);
  }

  public OptimConfig withLrSchedule(String v) {
    return new OptimConfig(steps, stage1Fraction, learningRate, warmupSteps, v, weightDecay, maxGradNorm,
        gradAccumulation, dropout, scratchInit);
  }

  public OptimConfig withWeightDecay(float v) {
    return new OptimConfig(steps, stage1Fraction, learningRate, warmupSteps, lrSchedule, v, maxGradNorm,
        gradAccumulation, dropout, scratchInit);
  }

  public OptimConfig withMaxGradNorm(float v) {
    return new OptimConfig(steps, stage1Fraction, learningRate, warmupSteps, lrSchedule, weightDecay, v,
        gradAccumulation, dropout, scratchInit);
  }

  public OptimConfig withGradAccumulation(int v) {
    return new OptimConfig(steps, stage1Fraction, learningRate, warmupSteps, lrSchedule, weightDecay, maxGradNorm, v,
        dropout, scratchInit);
  }

  public OptimConfig withDropout(Float v) {
    return new OptimConfig(steps, stage1Fraction, learningRate, warmupSteps, lrSchedule, weightDecay, maxGradNorm,
        gradAccumulation, v, scratchInit);
  }

  public OptimConfig withScratchInit(String v) {
    return new OptimConfig(steps, stage1Fraction, learningRate, warmupSteps, lrSchedule, weightDecay, maxGradNorm,
        gradAccumulation, dropout, v);
  }
}
