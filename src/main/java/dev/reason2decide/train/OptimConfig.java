// Optimisation settings of a run: step budget, learning rate and its schedule, AdamW, clipping, accumulation, dropout.
package dev.reason2decide.train;

/**
 * {@code steps} is the budget of the whole recipe (Stage-1 and Stage-2 together), {@code stage1Fraction} Stage-1's
 * share in two-stage recipes; AdamW at peak {@code learningRate} after {@code warmupSteps} of linear warm-up, then
 * {@code lrSchedule} (linear decay to 0, or constant); gradients clipped to {@code maxGradNorm} (0: off) and
 * accumulated over {@code gradAccumulation} micro-batches; {@code dropout} overrides the checkpoint's (null: keep);
 * {@code scratchInit} says how a model trained from scratch is initialised (no effect on a checkpoint);
 * {@code positionLrScale} multiplies the learning rate of the relative-attention biases (1: the reference). T5 has no
 * position information but those biases, they start near 0 (std d_model^-½) and AdamW moves a weight by about the
 * learning rate per step, so a model trained from scratch for a few thousand steps cannot make a head look at the
 * previous word sharply (a bias of ~5) before about 5 / lr steps; a larger rate for these few weights lifts that limit.
 * {@code scratchTied}: a model trained from scratch ties its output layer to the input embeddings (T5's original
 * layout), so a value the decoder copies from the note is scored by the same vector that read it.
 */
public record OptimConfig(int steps, double stage1Fraction, float learningRate, int warmupSteps, String lrSchedule,
    float weightDecay, float maxGradNorm, int gradAccumulation, Float dropout, String scratchInit,
    float positionLrScale, boolean scratchTied) {
  /** The initialisation of a model trained from scratch: transformers' {@code _init_weights} as it is. */
  public static final String INIT_TRANSFORMERS = "transformers";
  /**
   * transformers' initialisation except the untied {@code lm_head}: standard deviation d_model^-½ instead of 1, so
   * the first logits have unit scale (with 1, a 128-wide model starts at a loss near 40 instead of ln V).
   */
  public static final String INIT_SCALED_HEAD = "scaled-head";
  /**
   * {@link #INIT_SCALED_HEAD}, and every whole-number piece of the tokenizer starts with magnitude coordinates
   * ({@code model.NumberEmbeddings}), so comparing a value with a threshold need not be learned per value.
   */
  public static final String INIT_NUMBERS = "scaled-head-numbers";


  public OptimConfig {
    TrainConfig.check(steps > 0, "steps must be positive, got " + steps);
    TrainConfig.check(stage1Fraction > 0 && stage1Fraction < 1,
        "stage1-fraction must be in (0, 1), got " + stage1Fraction);
    TrainConfig.check(learningRate > 0, "learning rate must be positive, got " + learningRate);
    TrainConfig.check(warmupSteps >= 0, "warm-up steps must be >= 0");
    TrainConfig.check(lrSchedule.equals("linear") || lrSchedule.equals("constant"),
        "lr-schedule must be linear or constant, got " + lrSchedule);
    TrainConfig.check(INIT_TRANSFORMERS.equals(scratchInit) || INIT_SCALED_HEAD.equals(scratchInit)
        || INIT_NUMBERS.equals(scratchInit), "scratch-init must be " + INIT_TRANSFORMERS + ", " + INIT_SCALED_HEAD
        + " or " + INIT_NUMBERS + ", got " + scratchInit);
    TrainConfig.check(gradAccumulation >= 1, "grad-accumulation must be >= 1");
    TrainConfig.check(positionLrScale > 0 && Float.isFinite(positionLrScale),
        "position-lr-scale must be positive, got " + positionLrScale);
  }

  /** Hugging Face Trainer's, as the authors ran it: 80k steps (50k Stage-1), lr 5e-5 decaying linearly, no warm-up,
   * no weight decay, clipping at 1.0. */
  public static OptimConfig reference() {
    return new OptimConfig(80_000, 0.625, 5e-5f, 0, "linear", 0f, 1.0f, 1, null, INIT_TRANSFORMERS, 1f, false);
  }

  /**
   * {@link #reference()} with the authors' budget of {@code recipe}: Reason2Decide-C's code trains Stage-1 for 30k
   * steps ({@code r2dc_stage1.py}'s {@code max_steps}) and Stage-2 for 30k ({@code r2dc_stage2.py}'s), so its recipes
   * default to 60k steps, half of them Stage-1; every other recipe has R2D's 50k + 30k.
   */
  public static OptimConfig reference(Recipe recipe) {
    return recipe.isR2dc() ? reference().withSteps(60_000).withStage1Fraction(0.5) : reference();
  }

  public OptimConfig withSteps(int v) {
    return new OptimConfig(v, stage1Fraction, learningRate, warmupSteps, lrSchedule, weightDecay, maxGradNorm,
        gradAccumulation, dropout, scratchInit, positionLrScale, scratchTied);
  }

  public OptimConfig withStage1Fraction(double v) {
    return new OptimConfig(steps, v, learningRate, warmupSteps, lrSchedule, weightDecay, maxGradNorm,
        gradAccumulation, dropout, scratchInit, positionLrScale, scratchTied);
  }

  public OptimConfig withLearningRate(float v) {
    return new OptimConfig(steps, stage1Fraction, v, warmupSteps, lrSchedule, weightDecay, maxGradNorm,
        gradAccumulation, dropout, scratchInit, positionLrScale, scratchTied);
  }

  public OptimConfig withWarmupSteps(int v) {
    return new OptimConfig(steps, stage1Fraction, learningRate, v, lrSchedule, weightDecay, maxGradNorm,
        gradAccumulation, dropout, scratchInit, positionLrScale, scratchTied);
  }

  public OptimConfig withLrSchedule(String v) {
    return new OptimConfig(steps, stage1Fraction, learningRate, warmupSteps, v, weightDecay, maxGradNorm,
        gradAccumulation, dropout, scratchInit, positionLrScale, scratchTied);
  }

  public OptimConfig withWeightDecay(float v) {
    return new OptimConfig(steps, stage1Fraction, learningRate, warmupSteps, lrSchedule, v, maxGradNorm,
        gradAccumulation, dropout, scratchInit, positionLrScale, scratchTied);
  }

  public OptimConfig withMaxGradNorm(float v) {
    return new OptimConfig(steps, stage1Fraction, learningRate, warmupSteps, lrSchedule, weightDecay, v,
        gradAccumulation, dropout, scratchInit, positionLrScale, scratchTied);
  }

  public OptimConfig withGradAccumulation(int v) {
    return new OptimConfig(steps, stage1Fraction, learningRate, warmupSteps, lrSchedule, weightDecay, maxGradNorm, v,
        dropout, scratchInit, positionLrScale, scratchTied);
  }

  public OptimConfig withDropout(Float v) {
    return new OptimConfig(steps, stage1Fraction, learningRate, warmupSteps, lrSchedule, weightDecay, maxGradNorm,
        gradAccumulation, v, scratchInit, positionLrScale, scratchTied);
  }

  public OptimConfig withScratchInit(String v) {
    return new OptimConfig(steps, stage1Fraction, learningRate, warmupSteps, lrSchedule, weightDecay, maxGradNorm,
        gradAccumulation, dropout, v, positionLrScale, scratchTied);
  }

  public OptimConfig withPositionLrScale(float v) {
    return new OptimConfig(steps, stage1Fraction, learningRate, warmupSteps, lrSchedule, weightDecay, maxGradNorm,
        gradAccumulation, dropout, scratchInit, v, scratchTied);
  }

  public OptimConfig withScratchTied(boolean v) {
    return new OptimConfig(steps, stage1Fraction, learningRate, warmupSteps, lrSchedule, weightDecay, maxGradNorm,
        gradAccumulation, dropout, scratchInit, positionLrScale, v);
  }

  /** The learning-rate multiplier of parameter {@code name}: {@link #positionLrScale} for relative-attention biases. */
  public float lrScale(String name) {
    return name.endsWith("relative_attention_bias.weight") ? positionLrScale : 1f;
  }
}
