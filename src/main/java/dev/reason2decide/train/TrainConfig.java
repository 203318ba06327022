// Every training setting of a run, grouped by concern, with the authors' defaults; written next to every checkpoint.
package dev.reason2decide.train;

import dev.reason2decide.prompts.PromptTemplates;

/**
 * Resolved training configuration: the recipe, the seed of initialisation, batches, dropout and coins, and one record
 * per concern. The reference defaults live in each record's {@code reference()} (learning rate 5e-5, batch 64, linear
 * decay, no warm-up, weight decay 0, max grad norm 1.0 — Hugging Face Trainer's — 1024 input / 256 target tokens,
 * α = 0.7, W = 5%, π ramp over 60% capped at 0.9, Stage-1 evaluation every 1000 steps with patience 3, Stage-2 every
 * 500 with patience 5, Stage-1 = 50k of an 80k budget (R2D-C's recipes: 30k of 60k), seed 42). Settings are
 * changed by name through {@link TrainSettings} (the CLI flags, the experiment files, config.json) or with the
 * {@code with…} methods.
 */
public record TrainConfig(Recipe recipe, long seed, DataConfig data, OptimConfig optim, ScheduleConfig schedules,
    EvalConfig eval, DecodeConfig decode, RuntimeConfig runtime, PromptTemplates prompts) {

  public TrainConfig {
    check(recipe != null && data != null && optim != null && schedules != null && eval != null && decode != null
        && runtime != null && prompts != null, "every part of a training configuration is required");
  }

  static void check(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }

  /** The reference configuration for {@code recipe}, with its authors' step budget ({@link OptimConfig#reference}). */
  public static TrainConfig reference(Recipe recipe) {
    return new TrainConfig(recipe, 42L, DataConfig.reference(), OptimConfig.reference(recipe),
        ScheduleConfig.reference(), EvalConfig.reference(), DecodeConfig.reference(), RuntimeConfig.reference(),
        PromptTemplates.reference());
  }

  public TrainConfig withRecipe(Recipe v) {
    return new TrainConfig(v, seed, data, optim, schedules, eval, decode, runtime, prompts);
  }

  public TrainConfig withSeed(long v) {
    return new TrainConfig(recipe, v, data, optim, schedules, eval, decode, runtime, prompts);
  }

  public TrainConfig withData(DataConfig v) {
    return new TrainConfig(recipe, seed, v, optim, schedules, eval, decode, runtime, prompts);
  }

  public TrainConfig withOptim(OptimConfig v) {
    return new TrainConfig(recipe, seed, data, v, schedules, eval, decode, runtime, prompts);
  }

  public TrainConfig withSchedules(ScheduleConfig v) {
    return new TrainConfig(recipe, seed, data, optim, v, eval, decode, runtime, prompts);
  }

  public TrainConfig withEval(EvalConfig v) {
    return new TrainConfig(recipe, seed, data, optim, schedules, v, decode, runtime, prompts);
  }

  public TrainConfig withDecode(DecodeConfig v) {
    return new TrainConfig(recipe, seed, data, optim, schedules, eval, v, runtime, prompts);
  }

  public TrainConfig withRuntime(RuntimeConfig v) {
    return new TrainConfig(recipe, seed, data, optim, schedules, eval, decode, v, prompts);
  }

  public TrainConfig withPrompts(PromptTemplates v) {
    return new TrainConfig(recipe, seed, data, optim, schedules, eval, decode, runtime, v);
  }

  /** Copy with another step budget (the experiment's). */
  public TrainConfig withSteps(int v) {
    return withOptim(optim.withSteps(v));
  }

  /**
   * True when {@code other} trains the same way: everything but the runtime settings is equal, and the sampling
   * schedules give the same π_t (parameters their family never reads are ignored).
   */
  public boolean sameTraining(TrainConfig other) {
    return identity().equals(other.identity());
  }

  private TrainConfig identity() {
    return withRuntime(RuntimeConfig.reference()).withSchedules(schedules.withSampling(schedules.sampling().effective()));
  }
}
