// Command-line options that make a TrainConfig: every setting of a run, with the reference defaults.
package dev.reason2decide.cli;

import dev.reason2decide.prompts.PromptTemplates;
import dev.reason2decide.train.AlphaSchedule;
import dev.reason2decide.train.Recipe;
import dev.reason2decide.train.SamplingSchedule;
import dev.reason2decide.train.TrainConfig;
import picocli.CommandLine.Option;

/** A picocli mixin shared by {@code train}, {@code schedule}, {@code quickstart} and {@code experiment}. */
public final class TrainOptions {
  @Option(names = "--recipe", defaultValue = "r2d", description = "r2d, r2d-stage1, r2d-stage2, sft, dss, "
      + "r2d-no-stage1, r2d-gold-only, r2d-pred-only (default: ${DEFAULT-VALUE}).")
  String recipe;

  @Option(names = "--steps", defaultValue = "80000",
      description = "Step budget of the whole recipe, Stage-1 and Stage-2 together (default: ${DEFAULT-VALUE}).")
  int steps;

  @Option(names = "--stage1-fraction", defaultValue = "0.625",
      description = "Share of the budget for Stage-1 in two-stage recipes (default: ${DEFAULT-VALUE} = 50k of 80k).")
  double stage1Fraction;

  @Option(names = "--batch-size", defaultValue = "64", description = "Examples per step (default: ${DEFAULT-VALUE}).")
  int batchSize;

  @Option(names = "--eval-batch-size", defaultValue = "64", description = "(default: ${DEFAULT-VALUE}).")
  int evalBatchSize;

  @Option(names = "--lr", defaultValue = "5e-5", description = "Peak learning rate (default: ${DEFAULT-VALUE}).")
  float lr;

  @Option(names = "--warmup-steps", defaultValue = "0", description = "Linear LR warm-up (default: ${DEFAULT-VALUE}).")
  int warmupSteps;

  @Option(names = "--lr-schedule", defaultValue = "linear", description = "linear (decay to 0) or constant.")
  String lrSchedule;

  @Option(names = "--weight-decay", defaultValue = "0", description = "AdamW weight decay (default: ${DEFAULT-VALUE}).")
  float weightDecay;

  @Option(names = "--max-grad-norm", defaultValue = "1.0", description = "Gradient clipping; 0 turns it off.")
  float maxGradNorm;

  @Option(names = "--grad-accumulation", defaultValue = "1", description = "Micro-batches per optimiser step.")
  int gradAccumulation;

  @Option(names = "--eval-every", defaultValue = "500", description = "Stage-2/SFT/DSS evaluation interval.")
  int evalEvery;

  @Option(names = "--stage1-eval-every", defaultValue = "1000", description = "Stage-1 evaluation interval.")
  int stage1EvalEvery;

  @Option(names = "--patience", defaultValue = "5", description = "Early-stopping patience (macro-F1 phases).")
  int patience;

  @Option(names = "--stage1-patience", defaultValue = "3", description = "Early-stopping patience of Stage-1.")
  int stage1Patience;

  @Option(names = "--alpha", defaultValue = "0.7", description = "Final weight of L_pred in Stage-2.")
  float alpha;

  @Option(names = "--alpha-warmup", defaultValue = "0.05", description = "Fraction W of Stage-2 for the α ramp.")
  double alphaWarmup;

  @Option(names = "--dss-alpha", defaultValue = "0.5", description = "α of the DSS baseline.")
  float dssAlpha;

  @Option(names = "--schedule", defaultValue = "reference",
      description = "Scheduled sampling: reference, linear, exponential, inverse-sigmoid, constant.")
  String schedule;

  @Option(names = "--pi-warmup", defaultValue = "0.05", description = "π = 0 during this fraction of Stage-2.")
  double piWarmup;

  @Option(names = "--pi-mix", defaultValue = "0.6", description = "Reference ramp length as a fraction of Stage-2.")
  double piMix;

  @Option(names = "--pi-cap", defaultValue = "0.9", description = "Upper bound of π.")
  double piCap;

  @Option(names = "--pi-slope", defaultValue = "0.001", description = "linear: π = 1 − max(floor, 1 − slope·i).")
  double piSlope;

  @Option(names = "--pi-floor", defaultValue = "0.0", description = "linear: smallest ε (gold probability).")
  double piFloor;

  @Option(names = "--pi-k", defaultValue = "0.999",
      description = "exponential: π = 1 − k^i (0<k<1); inverse-sigmoid: π = 1 − k/(k+exp(i/k)) (k≥1).")
  double piK;

  @Option(names = "--pi-value", defaultValue = "0.5", description = "constant: π after the warm-up.")
  double piValue;

  @Option(names = "--sampled-label", defaultValue = "greedy",
      description = "How ŷ is made in training: greedy (reference, dropout on) or constrained (best label of the set).")
  String sampledLabel;

  @Option(names = "--max-input-tokens", defaultValue = "1024", description = "Input truncation (counted, reported).")
  int maxInputTokens;

  @Option(names = "--max-target-tokens", defaultValue = "256", description = "Target truncation.")
  int maxTargetTokens;

  @Option(names = "--label-max-new-tokens", defaultValue = "49", description = "Greedy ŷ length (max_length 50).")
  int labelMaxNewTokens;

  @Option(names = "--rationale-max-new-tokens", defaultValue = "255", description = "r̂ length (max_length 256).")
  int rationaleMaxNewTokens;

  @Option(names = "--seed", defaultValue = "42", description = "Seed of initialisation, batches, dropout, coins.")
  long seed;

  @Option(names = "--dropout", description = "Override the checkpoint's dropout rate.")
  Float dropout;

  @Option(names = "--random-batches",
      description = "Random batches padded to their longest member (the reference) instead of length-grouped ones.")
  boolean randomBatches;

  @Option(names = "--threads", defaultValue = "0", description = "PyTorch intra-op threads (0: all cores).")
  int threads;

  @Option(names = "--max-validation", defaultValue = "0", description = "Use at most N validation examples (0: all).")
  int maxValidation;

  @Option(names = "--prompt-predict", defaultValue = "predict: {x}", description = "Prediction prompt.")
  String promptPredict;

  @Option(names = "--prompt-explain", defaultValue = "explain: {x}", description = "Rationale prompt (Stage-1, DSS).")
  String promptExplain;

  @Option(names = "--prompt-labelled", defaultValue = "given label: {y}, explain: {x}",
      description = "Label-conditioned rationale prompt (Stage-2, inference).")
  String promptLabelled;

  /** The configuration these options describe. */
  public TrainConfig toConfig() {
    Recipe r = Recipe.parse(recipe);
    SamplingSchedule.Kind kind = SamplingSchedule.Kind.parse(schedule);
    SamplingSchedule s = new SamplingSchedule(kind, piWarmup, piMix, piCap, piSlope, piFloor, piK, piValue);
    return new TrainConfig(r, steps, stage1Fraction, batchSize, evalBatchSize, lr, warmupSteps, lrSchedule,
        weightDecay, maxGradNorm, gradAccumulation, stage1EvalEvery, evalEvery, stage1Patience, patience,
        new AlphaSchedule(alpha, alphaWarmup), dssAlpha, s, sampledLabel, maxInputTokens, maxTargetTokens,
        labelMaxNewTokens, rationaleMaxNewTokens, seed, dropout, !randomBatches, threads, maxValidation,
        new PromptTemplates(promptPredict, promptExplain, promptLabelled));
  }
}
