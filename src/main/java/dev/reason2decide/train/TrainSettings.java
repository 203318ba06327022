// The table of named training settings: the one path by which the CLI, experiment files and config.json set a config.
package dev.reason2decide.train;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.reason2decide.engine.DeviceSpec;
import dev.reason2decide.io.Json;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every setting of {@link TrainConfig} by name; the name is the {@code r2d train} flag without {@code --}, the key
 * of an experiment file's {@code train} object and of config.json's {@code train} object. Each row names the record
 * component it sets by its path ({@link SettingPaths}); its type is the component's. To add a training option: a
 * component in the right record ({@link DataConfig}, {@link OptimConfig}, {@link ScheduleConfig},
 * {@link EvalConfig}, {@link DecodeConfig}, {@link RuntimeConfig}) with its reference default, and one row here.
 */
public final class TrainSettings {
  private TrainSettings() {}

  /** In the order {@code r2d train --help} shows them: name, the component it sets (a path), help text. */
  public static final List<TrainSetting<?>> ALL = List.of(
      s("recipe", "recipe", String.join(", ", Arrays.stream(Recipe.values()).map(Recipe::cliName).toList())
          + " (default: ${DEFAULT-VALUE})."),
      s("steps", "optim.steps", "Step budget of the whole recipe, Stage-1 and Stage-2 together (default: "
          + "${DEFAULT-VALUE}; r2dc recipes: 60000)."),
      s("stage1-fraction", "optim.stage1Fraction", "Share of the budget for Stage-1 in two-stage recipes (default: "
          + "${DEFAULT-VALUE} = 50k of 80k; r2dc recipes: 0.5 = 30k of 60k, as R2D-C's code)."),
      s("batch-size", "data.batchSize", "Examples per step (default: ${DEFAULT-VALUE})."),
      s("eval-batch-size", "data.evalBatchSize", "(default: ${DEFAULT-VALUE})."),
      s("lr", "optim.learningRate", "Peak learning rate (default: ${DEFAULT-VALUE})."),
      s("warmup-steps", "optim.warmupSteps", "Linear LR warm-up (default: ${DEFAULT-VALUE})."),
      s("lr-schedule", "optim.lrSchedule", "linear (decay to 0) or constant."),
      s("weight-decay", "optim.weightDecay", "AdamW weight decay (default: ${DEFAULT-VALUE})."),
      s("max-grad-norm", "optim.maxGradNorm", "Gradient clipping; 0 turns it off."),
      s("grad-accumulation", "optim.gradAccumulation", "Micro-batches per optimiser step."),
      s("eval-every", "eval.evalEvery", "Stage-2/SFT/DSS evaluation interval."),
      s("stage1-eval-every", "eval.stage1EvalEvery", "Stage-1 evaluation interval."),
      s("patience", "eval.patience", "Early-stopping patience (macro-F1 phases)."),
      s("stage1-patience", "eval.stage1Patience", "Early-stopping patience of Stage-1."),
      s("dss-patience", "eval.dssPatience", "Early-stopping patience of DSS; 0 turns it off (the DSS authors' code "
          + "has none)."),
      s("goal-stop", "eval.goalStop", "End Stage-2 once this many validations in a row meet the quickstart's goals on "
          + "the validation split (accuracy, rationale states the decision, cited findings agree, fully faithful; "
          + "synthetic triage only); 0: off. Separate from early stopping."),
      s("alpha", "schedules.alpha.alpha", "Final weight of L_pred in Stage-2."),
      s("alpha-warmup", "schedules.alpha.warmupFraction", "Fraction W of Stage-2 for the α ramp."),
      s("dss-alpha", "schedules.dssAlpha", "α of the DSS baseline."),
      s("schedule", "schedules.sampling.kind", "Scheduled sampling: reference, linear, exponential, inverse-sigmoid, "
          + "constant."),
      s("pi-warmup", "schedules.sampling.warmupFraction", "π = 0 during this fraction of Stage-2."),
      s("pi-mix", "schedules.sampling.mixFraction", "Reference ramp length as a fraction of Stage-2."),
      s("pi-cap", "schedules.sampling.cap", "Upper bound of π."),
      s("pi-slope", "schedules.sampling.slope", "linear: π = 1 − max(floor, 1 − slope·i)."),
      s("pi-floor", "schedules.sampling.floor", "linear: smallest ε (gold probability)."),
      s("pi-k", "schedules.sampling.k", "exponential: π = 1 − k^i (0<k<1); inverse-sigmoid: π = 1 − k/(k+exp(i/k)) "
          + "(k≥1)."),
      s("pi-value", "schedules.sampling.value", "constant: π after the warm-up."),
      s("sampled-label", "schedules.sampledLabel", "How ŷ is made in training: greedy (reference, dropout on) or "
          + "constrained (best label of the set)."),
      s("cycle-weight", "schedules.consistency.cycleWeight", "r2dc: weight λ of the cycle-consistency loss "
          + "(rationale → label)."),
      s("cycle-warmup", "schedules.consistency.cycleWarmupFraction", "r2dc: fraction of Stage-2 before the cycle loss "
          + "starts and τ is first set."),
      s("tau-window", "schedules.consistency.tauWindowFraction", "r2dc: τ is re-estimated after every such fraction "
          + "of Stage-2 (1/30: the code's 1,000 of 30,000 steps)."),
      s("confidence-slope", "schedules.consistency.confidenceSlope", "r2dc: ŷ is kept with probability "
          + "σ(slope·(c − τ)) after the π coin."),
      s("gumbel-start", "schedules.consistency.gumbelStart", "r2dc: Gumbel-softmax temperature at the start of "
          + "Stage-2."),
      s("gumbel-floor", "schedules.consistency.gumbelFloor", "r2dc: lowest Gumbel-softmax temperature."),
      s("gumbel-half-life", "schedules.consistency.gumbelHalfLife", "r2dc: the temperature halves over this fraction "
          + "of Stage-2."),
      s("max-input-tokens", "data.maxInputTokens", "Input truncation (counted, reported)."),
      s("explain-max-input-tokens", "data.explainMaxInputTokens", "While π > 0, every Stage-2 explanation prompt, gold "
          + "ones too, is cut here (the reference: 512); 0: max-input-tokens."),
      s("max-target-tokens", "data.maxTargetTokens", "Target truncation."),
      s("label-max-new-tokens", "decode.labelMaxNewTokens", "Greedy ŷ length (max_length 50)."),
      s("rationale-max-new-tokens", "decode.rationaleMaxNewTokens", "r̂ length (max_length 256)."),
      s("seed", "seed", "Seed of initialisation, batches, dropout, coins."),
      SettingPaths.nullable("dropout", "optim.dropout", "Override the checkpoint's dropout rate."),
      s("scratch-init", "optim.scratchInit", "Initialisation of a model trained from scratch: transformers (its "
          + "_init_weights), scaled-head (the untied lm_head at std d_model^-1/2, first logits at unit scale) or "
          + "scaled-head-numbers (also: number pieces start with magnitude coordinates, docs/training.md)."),
      s("position-lr-scale", "optim.positionLrScale", "The relative-attention biases (T5's only position information) "
          + "learn at lr times this (1: the reference); from scratch at small budgets positions are otherwise learned "
          + "slowly."),
      s("scratch-tied-embeddings", "optim.scratchTied", "A model trained from scratch ties lm_head to the input "
          + "embeddings (T5's original layout; flan-t5 unties them): a rare value copied from the input is scored by "
          + "the vector that read it."),
      SettingPaths.negated("random-batches", "data.groupByLength", "Random batches padded to their longest member "
          + "(the reference) instead of length-grouped ones."),
      s("threads", "runtime.threads", "PyTorch intra-op threads (0: all cores)."),
      SettingPaths.text("device", "runtime.device", DeviceSpec::parse, "cpu, gpu or gpu:N: where the model and every "
          + "tensor of the run live (default: R2D_DEVICE, else cpu; a resume may change it, docs/gpu.md)."),
      s("max-validation", "data.maxValidationExamples", "Use at most N validation examples (0: all)."),
      s("prompt-predict", "prompts.predict", "Prediction prompt."),
      s("prompt-explain", "prompts.explain", "Rationale prompt (Stage-1, DSS)."),
      s("prompt-labelled", "prompts.labelled", "Label-conditioned rationale prompt (Stage-2, inference)."));

  private static final Map<String, TrainSetting<?>> BY_NAME = index();

  private static TrainSetting<?> s(String name, String path, String description) {
    return SettingPaths.plain(name, path, description);
  }

  private static Map<String, TrainSetting<?>> index() {
    Map<String, TrainSetting<?>> m = new LinkedHashMap<>();
    for (TrainSetting<?> s : ALL) {
      if (m.put(s.name(), s) != null) {
        throw new IllegalStateException("training setting named twice: " + s.name());
      }
    }
    return m;
  }

  /** The setting called {@code name}, or null. */
  public static TrainSetting<?> named(String name) {
    return BY_NAME.get(name);
  }

  /** The names of all settings, in table order. */
  public static Set<String> names() {
    return BY_NAME.keySet();
  }

  /**
   * {@code base} with {@code settings} (name → JSON value) applied. Old names (the flat config.json and experiment
   * keys written before settings had names, e.g. {@code batch_size}, {@code learningRate}) are translated by
   * {@link LegacySettings}. Settings are applied in table order, except that {@code schedule} comes after the π
   * parameters, so that a family's own checks (e.g. inverse-sigmoid needs k ≥ 1) see its parameters. Errors start
   * with {@code where}, e.g. {@code "x.json: train."}.
   */
  public static TrainConfig apply(TrainConfig base, JsonObject settings, String where) {
    JsonObject named = LegacySettings.translate(settings, where);
    List<TrainSetting<?>> order = new ArrayList<>(ALL);
    order.sort(Comparator.comparingInt(s -> s.name().equals("schedule") ? 1 : 0));
    TrainConfig c = base;
    for (TrainSetting<?> s : order) {
      if (named.has(s.name())) {
        c = s.apply(c, named.get(s.name()), where);
      }
    }
    return c;
  }

  /**
   * The reference configuration of the recipe {@code settings} name ({@code r2d} when they name none), with
   * {@code settings} applied: a recipe's own defaults (R2D-C's step budget) hold unless a setting overrides them.
   */
  public static TrainConfig applyToReference(JsonObject settings, String where) {
    Recipe recipe = apply(TrainConfig.reference(Recipe.R2D), settings, where).recipe();
    return apply(TrainConfig.reference(recipe), settings, where);
  }

  /**
   * {@code base} with settings given in code as name, value, name, value, ... (e.g. {@code "batch-size", 16}); the
   * same path as the CLI and the experiment files.
   */
  public static TrainConfig with(TrainConfig base, Object... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("settings come in name, value pairs");
    }
    JsonObject o = new JsonObject();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      o.add((String) namesAndValues[i], Json.COMPACT.toJsonTree(namesAndValues[i + 1]));
    }
    return apply(base, o, "");
  }

  /** Every setting of {@code c} by name, in table order (config.json's {@code train} object). */
  public static JsonObject toJson(TrainConfig c) {
    JsonObject o = new JsonObject();
    for (TrainSetting<?> s : ALL) {
      o.add(s.name(), s.toJson(c));
    }
    return o;
  }

  /** The configuration config.json's {@code train} object describes, in today's form or the flat form before it. */
  public static TrainConfig fromJson(JsonElement train, String where) {
    if (train == null || !train.isJsonObject()) {
      throw new IllegalArgumentException(where + " must be a JSON object of training settings");
    }
    TrainConfig c = applyToReference(train.getAsJsonObject(), where);
    // a DSS run written before dss-patience existed stopped with --patience
    return c.recipe() != Recipe.DSS || train.getAsJsonObject().has("dss-patience") ? c
        : with(c, "dss-patience", c.eval().patience());
  }
}
