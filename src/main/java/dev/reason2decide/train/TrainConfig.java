// Every training setting of a run, grouped by concern, with the authors' defaults; written next to every checkpoint.
package dev.reason2decide.train;

import dev.reason2decide.prompts.PromptTemplates;

/**
 * Resolved training configuration: the recipe, the seed of initialisation, batches, dropout and coins, and one record
 * per concern. The reference defaults live in each record's {@code reference()} (learning rate 5e-5, batch 64, linear
 * decay, no warm-up, weight decay 0, max grad norm 1.0 — Hugging Face Trainer's — 1024 input / 256 target tokens,
 * α = 0.7, W = 5%, π ramp over 60% capped at 0.9, Stage-1 evaluation every 1000 steps with patience 3, Stage-2 every
 * 500 with patience 5, Stage-1 = 50k of an 80k budget (R2D-C's recipes: 30k of 60k), seed 42). Settings are
 * changed by name through {@link TrainSettings} (the CLI flags, the experiment files, config.json, and code:
 * {@link TrainSettings#with}); no record has positional {@code with…} copies.
 */
public record TrainConfig(Recipe recipe, long seed, DataConfig data, OptimConfig optim, ScheduleConfig schedules,
    EvalConfig eval, DecodeConfig decode, RuntimeConfig runtime, PromptTemplates prompts) {

  public TrainConfig {
    SettingCheck.require(recipe != null && data != null && optim != null && schedules != null && eval != null && decode != null
        && runtime != null && prompts != null, "every part of a training configuration is required");
  }

  /** The reference configuration for {@code recipe}, with its authors' step budget ({@link OptimConfig#reference}). */
  public static TrainConfig reference(Recipe recipe) {
    return new TrainConfig(recipe, 42L, DataConfig.reference(), OptimConfig.reference(recipe),
        ScheduleConfig.reference(), EvalConfig.reference(), DecodeConfig.reference(), RuntimeConfig.reference(),
        PromptTemplates.reference());
  }

  /**
   * True when {@code other} trains the same way: everything but the runtime settings is equal, and the sampling
   * schedules give the same π_t (parameters their family never reads are ignored).
   */
  public boolean sameTraining(TrainConfig other) {
    return identity().equals(other.identity());
  }

  private TrainConfig identity() {
    return RecordPaths.with(RecordPaths.with(this, "runtime", RuntimeConfig.reference()), "schedules.sampling",
        schedules.sampling().effective());
  }
}
