// The table of named training settings: the one path by which the CLI, experiment files and config.json set a config.
package dev.reason2decide.train;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.reason2decide.engine.DeviceSpec;
import dev.reason2decide.io.Json;
import dev.reason2decide.prompts.PromptTemplates;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Every setting of {@link TrainConfig} by name; the name is the {@code r2d train} flag without {@code --}, the key
 * of an experiment file's {@code train} object and of config.json's {@code train} object. To add a training option:
 * a component in the right record ({@link DataConfig}, {@link OptimConfig}, {@link ScheduleConfig},
 * {@link EvalConfig}, {@link DecodeConfig}, {@link RuntimeConfig}) with its reference default, and one row here.
 */
public final class TrainSettings {
  private TrainSettings() {}

  /** In the order {@code r2d train --help} shows them. */
  public static final List<TrainSetting<?>> ALL = List.of(
      s("recipe", String.class, String.join(", ", Arrays.stream(Recipe.values()).map(Recipe::cliName).toList())
          + " (default: ${DEFAULT-VALUE}).", c -> c.recipe().cliName(), (c, v) -> c.withRecipe(Recipe.parse(v))),
      s("steps", Integer.class, "Step budget of the whole recipe, Stage-1 and Stage-2 together (default: "
          + "${DEFAULT-VALUE}; r2dc recipes: 60000).", c -> c.optim().steps(),
          (c, v) -> c.withOptim(c.optim().withSteps(v))),
      s("stage1-fraction", Double.class, "Share of the budget for Stage-1 in two-stage recipes (default: "
          + "${DEFAULT-VALUE} = 50k of 80k; r2dc recipes: 0.5 = 30k of 60k, as R2D-C's code).",
          c -> c.optim().stage1Fraction(),
          (c, v) -> c.withOptim(c.optim().withStage1Fraction(v))),
      s("batch-size", Integer.class, "Examples per step (default: ${DEFAULT-VALUE}).", c -> c.data().batchSize(),
          (c, v) -> c.withData(c.data().withBatchSize(v))),
      s("eval-batch-size", Integer.class, "(default: ${DEFAULT-VALUE}).", c -> c.data().evalBatchSize(),
          (c, v) -> c.withData(c.data().withEvalBatchSize(v))),
      s("lr", Float.class, "Peak learning rate (default: ${DEFAULT-VALUE}).", c -> c.optim().learningRate(),
          (c, v) -> c.withOptim(c.optim().withLearningRate(v))),
      s("warmup-steps", Integer.class, "Linear LR warm-up (default: ${DEFAULT-VALUE}).", c -> c.optim().warmupSteps(),
          (c, v) -> c.withOptim(c.optim().withWarmupSteps(v))),
      s("lr-schedule", String.class, "linear (decay to 0) or constant.", c -> c.optim().lrSchedule(),
          (c, v) -> c.withOptim(c.optim().withLrSchedule(v))),
      s("weight-decay", Float.class, "AdamW weight decay (default: ${DEFAULT-VALUE}).", c -> c.optim().weightDecay(),
          (c, v) -> c.withOptim(c.optim().withWeightDecay(v))),
      s("max-grad-norm", Float.class, "Gradient clipping; 0 turns it off.", c -> c.optim().maxGradNorm(),
          (c, v) -> c.withOptim(c.optim().withMaxGradNorm(v))),
      s("grad-accumulation", Integer.class, "Micro-batches per optimiser step.", c -> c.optim().gradAccumulation(),
          (c, v) -> c.withOptim(c.optim().withGradAccumulation(v))),
      s("eval-every", Integer.class, "Stage-2/SFT/DSS evaluation interval.", c -> c.eval().evalEvery(),
          (c, v) -> c.withEval(c.eval().withEvalEvery(v))),
      s("stage1-eval-every", Integer.class, "Stage-1 evaluation interval.", c -> c.eval().stage1EvalEvery(),
          (c, v) -> c.withEval(c.eval().withStage1EvalEvery(v))),
      s("patience", Integer.class, "Early-stopping patience (macro-F1 phases).", c -> c.eval().patience(),
          (c, v) -> c.withEval(c.eval().withPatience(v))),
      s("stage1-patience", Integer.class, "Early-stopping patience of Stage-1.", c -> c.eval().stage1Patience(),
          (c, v) -> c.withEval(c.eval().withStage1Patience(v))),
      s("dss-patience", Integer.class, "Early-stopping patience of DSS; 0 turns it off (the DSS authors' code has "
          + "none).", c -> c.eval().dssPatience(), (c, v) -> c.withEval(c.eval().withDssPatience(v))),
      s("goal-stop", Integer.class, "End Stage-2 once this many validations in a row meet the quickstart's goals on "
          + "the validation split (accuracy, rationale states the decision, cited findings agree, fully faithful; "
          + "synthetic triage only); 0: off. Separate from early stopping.", c -> c.eval().goalStop(),
          (c, v) -> c.withEval(c.eval().withGoalStop(v))),
      s("alpha", Float.class, "Final weight of L_pred in Stage-2.", c -> c.schedules().alpha().alpha(),
          (c, v) -> alpha(c, c.schedules().alpha().withAlpha(v))),
      s("alpha-warmup", Double.class, "Fraction W of Stage-2 for the α ramp.",
          c -> c.schedules().alpha().warmupFraction(), (c, v) -> alpha(c, c.schedules().alpha().withWarmupFraction(v))),
      s("dss-alpha", Float.class, "α of the DSS baseline.", c -> c.schedules().dssAlpha(),
          (c, v) -> c.withSchedules(c.schedules().withDssAlpha(v))),
      s("schedule", String.class, "Scheduled sampling: reference, linear, exponential, inverse-sigmoid, constant.",
          c -> c.schedules().sampling().kind().label(),
          (c, v) -> sampling(c, c.schedules().sampling().withKind(SamplingSchedule.Kind.parse(v)))),
      s("pi-warmup", Double.class, "π = 0 during this fraction of Stage-2.",
          c -> c.schedules().sampling().warmupFraction(),
          (c, v) -> sampling(c, c.schedules().sampling().withWarmupFraction(v))),
      s("pi-mix", Double.class, "Reference ramp length as a fraction of Stage-2.",
          c -> c.schedules().sampling().mixFraction(), (c, v) -> sampling(c, c.schedules().sampling().withMixFraction(v))),
      s("pi-cap", Double.class, "Upper bound of π.", c -> c.schedules().sampling().cap(),
          (c, v) -> sampling(c, c.schedules().sampling().withCap(v))),
      s("pi-slope", Double.class, "linear: π = 1 − max(floor, 1 − slope·i).", c -> c.schedules().sampling().slope(),
          (c, v) -> sampling(c, c.schedules().sampling().withSlope(v))),
      s("pi-floor", Double.class, "linear: smallest ε (gold probability).", c -> c.schedules().sampling().floor(),
          (c, v) -> sampling(c, c.schedules().sampling().withFloor(v))),
      s("pi-k", Double.class, "exponential: π = 1 − k^i (0<k<1); inverse-sigmoid: π = 1 − k/(k+exp(i/k)) (k≥1).",
          c -> c.schedules().sampling().k(), (c, v) -> sampling(c, c.schedules().sampling().withK(v))),
      s("pi-value", Double.class, "constant: π after the warm-up.", c -> c.schedules().sampling().value(),
          (c, v) -> sampling(c, c.schedules().sampling().withValue(v))),
      s("sampled-label", String.class, "How ŷ is made in training: greedy (reference, dropout on) or constrained (best "
          + "label of the set).", c -> c.schedules().sampledLabel(),
          (c, v) -> c.withSchedules(c.schedules().withSampledLabel(v))),
      s("cycle-weight", Float.class, "r2dc: weight λ of the cycle-consistency loss (rationale → label).",
          c -> c.schedules().consistency().cycleWeight(), (c, v) -> consistency(c, c.schedules().consistency()
          .withCycleWeight(v))),
      s("cycle-warmup", Double.class, "r2dc: fraction of Stage-2 before the cycle loss starts and τ is first set.",
          c -> c.schedules().consistency().cycleWarmupFraction(), (c, v) -> consistency(c, c.schedules().consistency()
          .withCycleWarmupFraction(v))),
      s("tau-window", Double.class, "r2dc: τ is re-estimated after every such fraction of Stage-2 (1/30: the code's "
          + "1,000 of 30,000 steps).", c -> c.schedules().consistency().tauWindowFraction(),
          (c, v) -> consistency(c, c.schedules().consistency().withTauWindowFraction(v))),
      s("confidence-slope", Double.class, "r2dc: ŷ is kept with probability σ(slope·(c − τ)) after the π coin.",
          c -> c.schedules().consistency().confidenceSlope(), (c, v) -> consistency(c, c.schedules().consistency()
          .withConfidenceSlope(v))),
      s("gumbel-start", Double.class, "r2dc: Gumbel-softmax temperature at the start of Stage-2.",
          c -> c.schedules().consistency().gumbelStart(), (c, v) -> consistency(c, c.schedules().consistency()
          .withGumbelStart(v))),
      s("gumbel-floor", Double.class, "r2dc: lowest Gumbel-softmax temperature.",
          c -> c.schedules().consistency().gumbelFloor(), (c, v) -> consistency(c, c.schedules().consistency()
          .withGumbelFloor(v))),
      s("gumbel-half-life", Double.class, "r2dc: the temperature halves over this fraction of Stage-2.",
          c -> c.schedules().consistency().gumbelHalfLife(), (c, v) -> consistency(c, c.schedules().consistency()
          .withGumbelHalfLife(v))),
      s("max-input-tokens", Integer.class, "Input truncation (counted, reported).", c -> c.data().maxInputTokens(),
          (c, v) -> c.withData(c.data().withMaxInputTokens(v))),
      s("explain-max-input-tokens", Integer.class, "While π > 0, every Stage-2 explanation prompt, gold ones too, is "
          + "cut here (the reference: 512); 0: max-input-tokens.", c -> c.data().explainMaxInputTokens(),
          (c, v) -> c.withData(c.data().withExplainMaxInputTokens(v))),
      s("max-target-tokens", Integer.class, "Target truncation.", c -> c.data().maxTargetTokens(),
          (c, v) -> c.withData(c.data().withMaxTargetTokens(v))),
      s("label-max-new-tokens", Integer.class, "Greedy ŷ length (max_length 50).",
          c -> c.decode().labelMaxNewTokens(), (c, v) -> c.withDecode(c.decode().withLabelMaxNewTokens(v))),
      s("rationale-max-new-tokens", Integer.class, "r̂ length (max_length 256).",
          c -> c.decode().rationaleMaxNewTokens(), (c, v) -> c.withDecode(c.decode().withRationaleMaxNewTokens(v))),
      s("seed", Long.class, "Seed of initialisation, batches, dropout, coins.", TrainConfig::seed, TrainConfig::withSeed),
      new TrainSetting<>("dropout", Float.class, true, "Override the checkpoint's dropout rate.",
          c -> c.optim().dropout(), (c, v) -> c.withOptim(c.optim().withDropout(v))),
      s("scratch-init", String.class, "Initialisation of a model trained from scratch: transformers (its "
          + "_init_weights), scaled-head (the untied lm_head at std d_model^-1/2, first logits at unit scale) or "
          + "scaled-head-numbers (also: number pieces start with magnitude coordinates, docs/training.md).",
          c -> c.optim().scratchInit(), (c, v) -> c.withOptim(c.optim().withScratchInit(v))),
      s("position-lr-scale", Float.class, "The relative-attention biases (T5's only position information) learn at "
          + "lr times this (1: the reference); from scratch at small budgets positions are otherwise learned slowly.",
          c -> c.optim().positionLrScale(), (c, v) -> c.withOptim(c.optim().withPositionLrScale(v))),
      s("scratch-tied-embeddings", Boolean.class, "A model trained from scratch ties lm_head to the input embeddings "
          + "(T5's original layout; flan-t5 unties them): a rare value copied from the input is scored by the vector "
          + "that read it.", c -> c.optim().scratchTied(), (c, v) -> c.withOptim(c.optim().withScratchTied(v))),
      s("random-batches", Boolean.class, "Random batches padded to their longest member (the reference) instead of "
          + "length-grouped ones.", c -> !c.data().groupByLength(), (c, v) -> c.withData(c.data().withGroupByLength(!v))),
      s("threads", Integer.class, "PyTorch intra-op threads (0: all cores).", c -> c.runtime().threads(),
          (c, v) -> c.withRuntime(c.runtime().withThreads(v))),
      s("device", String.class, "cpu, gpu or gpu:N: where the model and every tensor of the run live (default: "
          + "R2D_DEVICE, else cpu; a resume may change it, docs/gpu.md).", c -> c.runtime().device().toString(),
          (c, v) -> c.withRuntime(c.runtime().withDevice(DeviceSpec.parse(v)))),
      s("max-validation", Integer.class, "Use at most N validation examples (0: all).",
          c -> c.data().maxValidationExamples(), (c, v) -> c.withData(c.data().withMaxValidationExamples(v))),
      s("prompt-predict", String.class, "Prediction prompt.", c -> c.prompts().predict(),
          (c, v) -> c.withPrompts(new PromptTemplates(v, c.prompts().explain(), c.prompts().labelled()))),
      s("prompt-explain", String.class, "Rationale prompt (Stage-1, DSS).", c -> c.prompts().explain(),
          (c, v) -> c.withPrompts(new PromptTemplates(c.prompts().predict(), v, c.prompts().labelled()))),
      s("prompt-labelled", String.class, "Label-conditioned rationale prompt (Stage-2, inference).",
          c -> c.prompts().labelled(),
          (c, v) -> c.withPrompts(new PromptTemplates(c.prompts().predict(), c.prompts().explain(), v))));

  private static final Map<String, TrainSetting<?>> BY_NAME = index();

  private static <T> TrainSetting<T> s(String name, Class<T> type, String description, Function<TrainConfig, T> get,
      BiFunction<TrainConfig, T, TrainConfig> set) {
    return new TrainSetting<>(name, type, false, description, get, set);
  }

  private static TrainConfig alpha(TrainConfig c, AlphaSchedule a) {
    return c.withSchedules(c.schedules().withAlpha(a));
  }

  private static TrainConfig consistency(TrainConfig c, ConsistencyConfig v) {
    return c.withSchedules(c.schedules().withConsistency(v));
  }

  private static TrainConfig sampling(TrainConfig c, SamplingSchedule s) {
    return c.withSchedules(c.schedules().withSampling(s));
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
        : c.withEval(c.eval().withDssPatience(c.eval().patience()));
  }
}
