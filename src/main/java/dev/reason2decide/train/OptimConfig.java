// Optimisation settings of a run: step budget, learning rate and its schedule, AdamW, clipping, accumulation, dropout.
package dev.reason2decide.train;

/**
 * {@code steps} is the budget of the whole recipe (Stage-1 and Stage-2 together), {@code stage1Fraction} Stage-1's
 * share in two-stage recipes; AdamW at peak {@code learningRate} after {@code warmupSteps} of linear warm-up, then
 * {@code lrSchedule} (linear decay to 0, or constant); gradients clipped to {@code maxGradNorm} (0: off) and
 * accumulated over {@code gradAccumulation} micro-batches; {@code dropout} overrides the checkpoint's (null: keep).
 */
public record OptimConfig(int steps, double stage1Fraction, float learningRate, int warmupSteps, String lrSchedule,
    float weightDecay, float maxGradNorm, int gradAccumulation, Float dropout) {

  public OptimConfig {
    TrainConfig.check(steps > 0, "steps must be positive, got " + steps);
    TrainConfig.check(stage1Fraction > 0 && stage1Fraction < 1,
        "stage1-fraction must be in (0, 1), got " + stage1Fraction);
    TrainConfig.check(learningRate > 0, "learning rate must be positive, got " + learningRate);
    TrainConfig.check(warmupSteps >= 0, "warm-up steps must be >= 0");
    TrainConfig.check(lrSchedule.equals("linear") || lrSchedule.equals("constant"),
        "lr-schedule must be linear or constant, got " + lrSchedule);
    TrainConfig.check(gradAccumulation >= 1, "grad-accumulation must be >= 1");
  }

  /** Hugging Face Trainer's, as the authors ran it: 80k steps (50k Stage-1), lr 5e-5 decaying linearly, no warm-up,
   * no weight decay, clipping at 1.0. */
  public static OptimConfig reference() {
    return new OptimConfig(80_000, 0.625, 5e-5f, 0, "linear", 0f, 1.0f, 1, null);
  }

  public OptimConfig withSteps(int v) {
    return new OptimConfig(v, stage1Fraction, learningRate, warmupSteps, lrSchedule, weightDecay, maxGradNorm,
        gradAccumulation, dropout);
  }

  public OptimConfig withStage1Fraction(double v) {
    return new OptimConfig(steps, v, learningRate, warmupSteps, lrSchedule, weightDecay, maxGradNorm,
        gradAccumulation, dropout);
  }

  public OptimConfig withLearningRate(float v) {
    return new OptimConfig(steps, stage1Fraction, v, warmupSteps, lrSchedule, weightDecay, maxGradNorm,
        gradAccumulation, dropout);
  }

  public OptimConfig withWarmupSteps(int v) {
    return new OptimConfig(steps, stage1Fraction, learningRate, v, lrSchedule, weightDecay, maxGradNorm,
        gradAccumulation, dropout);
  }

  public OptimConfig withLrSchedule(String v) {
    return new OptimConfig(steps, stage1Fraction, learningRate, warmupSteps, v, weightDecay, maxGradNorm,
        gradAccumulation, dropout);
  }

  public OptimConfig withWeightDecay(float v) {
    return new OptimConfig(steps, stage1Fraction, learningRate, warmupSteps, lrSchedule, v, maxGradNorm,
        gradAccumulation, dropout);
  }

  public OptimConfig withMaxGradNorm(float v) {
    return new OptimConfig(steps, stage1Fraction, learningRate, warmupSteps, lrSchedule, weightDecay, v,
        gradAccumulation, dropout);
  }

  public OptimConfig withGradAccumulation(int v) {
    return new OptimConfig(steps, stage1Fraction, learningRate, warmupSteps, lrSchedule, weightDecay, maxGradNorm,
        v, dropout);
  }

  public OptimConfig withDropout(Float v) {
    return new OptimConfig(steps, stage1Fraction, learningRate, warmupSteps, lrSchedule, weightDecay, maxGradNorm,
        gradAccumulation, v);
  }
}
