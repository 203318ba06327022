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
public record OptimConfig(int steps, double stage1Fraction, float learningRate, int warmupSteps,
    LrSchedule lrSchedule, float weightDecay, float maxGradNorm, int gradAccumulation, Float dropout,
    ScratchInit scratchInit, float positionLrScale, boolean scratchTied) {

  /** The learning rate after the warm-up: {@code linear} decay to 0 at the end of the phase, or {@code constant}. */
  public enum LrSchedule { LINEAR, CONSTANT }

  /** The initialisation of a model trained from scratch (spelled {@code transformers}, {@code scaled-head}, ...). */
  public enum ScratchInit {
    /** transformers' {@code _init_weights} as it is. */
    TRANSFORMERS,
    /**
     * transformers' initialisation except the untied {@code lm_head}: standard deviation d_model^-½ instead of 1, so
     * the first logits have unit scale (with 1, a 128-wide model starts at a loss near 40 instead of ln V).
     */
    SCALED_HEAD,
    /**
     * {@link #SCALED_HEAD}, and every whole-number piece of the tokenizer starts with magnitude coordinates
     * ({@code model.NumberEmbeddings}), so comparing a value with a threshold need not be learned per value.
     */
    SCALED_HEAD_NUMBERS
  }

  public OptimConfig {
    SettingCheck.require(steps > 0, "steps must be positive, got " + steps);
    SettingCheck.require(stage1Fraction > 0 && stage1Fraction < 1,
        "stage1-fraction must be in (0, 1), got " + stage1Fraction);
    SettingCheck.require(learningRate > 0, "learning rate must be positive, got " + learningRate);
    SettingCheck.require(warmupSteps >= 0, "warm-up steps must be >= 0");
    SettingCheck.require(lrSchedule != null && scratchInit != null, "lr-schedule and scratch-init are required");
    SettingCheck.require(gradAccumulation >= 1, "grad-accumulation must be >= 1");
    SettingCheck.require(positionLrScale > 0 && Float.isFinite(positionLrScale),
        "position-lr-scale must be positive, got " + positionLrScale);
  }

  /** Hugging Face Trainer's, as the authors ran it: 80k steps (50k Stage-1), lr 5e-5 decaying linearly, no warm-up,
   * no weight decay, clipping at 1.0. */
  public static OptimConfig reference() {
    return new OptimConfig(80_000, 0.625, 5e-5f, 0, LrSchedule.LINEAR, 0f, 1.0f, 1, null, ScratchInit.TRANSFORMERS,
        1f, false);
  }

  /**
   * {@link #reference()} with the authors' budget of {@code recipe}: Reason2Decide-C's code trains Stage-1 for 30k
   * steps ({@code r2dc_stage1.py}'s {@code max_steps}) and Stage-2 for 30k ({@code r2dc_stage2.py}'s), so its recipes
   * default to 60k steps, half of them Stage-1; every other recipe has R2D's 50k + 30k.
   */
  public static OptimConfig reference(Recipe recipe) {
    return recipe.isR2dc() ? RecordPaths.with(RecordPaths.with(reference(), "steps", 60_000), "stage1Fraction", 0.5)
        : reference();
  }

  /** The learning-rate multiplier of parameter {@code name}: {@link #positionLrScale} for relative-attention biases. */
  public float lrScale(String name) {
    return name.endsWith("relative_attention_bias.weight") ? positionLrScale : 1f;
  }
}
