// One phase's forward and backward on a micro-batch: its tasks' losses, with the rationale prompt the phase uses.
package dev.reason2decide.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import dev.reason2decide.batches.TokenBatch;
import dev.reason2decide.decode.GenerationSettings;
import dev.reason2decide.decode.GreedyDecoder;
import dev.reason2decide.decode.SequenceScorer;
import dev.reason2decide.engine.Engines;
import dev.reason2decide.engine.Grad;
import dev.reason2decide.engine.Tensors;
import dev.reason2decide.engine.TorchKernels;
import dev.reason2decide.model.T5Model;
import dev.reason2decide.prompts.PromptTemplates;
import dev.reason2decide.tokens.TextTokenizer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Forward and backward of one micro-batch. In Stage-2 the prediction pass runs first; its encoder output (dropout
 * included) is reused to decode ŷ greedily with dropout on and no gradient for the examples whose coin (probability
 * π_t) chose the model's prediction; ŷ is inserted as text, unvalidated, into {@code given label: ỹ, explain: x}.
 * Reason2Decide-C's options ({@link Phase#adaptive()}, {@link Phase#cycle()}): ŷ and its confidence are decoded for
 * every example and kept by the two coins of {@link AdaptiveSampling} against τ of {@link ConfidenceThreshold};
 * after the cycle warm-up the loss gains λ·L_cycle ({@link CycleLoss}) with the label each prompt used as target.
 * The loss back-propagated is {@link JointLoss}'s α·L_pred + (1−α)·L_rat (+ λ·L_cycle).
 */
public final class JointObjective {
  private final T5Model model;
  private final EncodedExamples data;
  private final TextTokenizer tok;
  private final TrainConfig cfg;
  private final Phase phase;
  private final long[][] labelCandidates;
  private final List<String> labelSet;
  private final ConfidenceThreshold threshold;
  private final long[] cyclePrefix;

  public JointObjective(T5Model model, EncodedExamples data, TextTokenizer tok, TrainConfig cfg, Phase phase,
      List<String> labelSet) {
    this(model, data, tok, cfg, phase, labelSet, phase.adaptive() ? ConfidenceThreshold.of(
        cfg.schedules().consistency(), phase.steps()) : null);
  }

  /** With the τ tracker of a confidence-adaptive phase (its state is the trainer's, saved with the phase). */
  public JointObjective(T5Model model, EncodedExamples data, TextTokenizer tok, TrainConfig cfg, Phase phase,
      List<String> labelSet, ConfidenceThreshold threshold) {
    SettingCheck.require(!phase.adaptive() || threshold != null, "a confidence-adaptive phase needs its τ tracker");
    this.threshold = threshold;
    this.cyclePrefix = phase.cycle() ? CycleLoss.prefixIds(tok, cfg.prompts()) : new long[0];
    this.model = model;
    this.data = data;
    this.tok = tok;
    this.cfg = cfg;
    this.phase = phase;
    this.labelSet = labelSet;
    this.labelCandidates = SequenceScorer.encodeCandidates(tok, labelSet);
  }

  /** Runs forward and backward for {@code batch} at step t; the loss is multiplied by {@code scale}. */
  public StepLosses forwardBackward(NDManager m, int[] batch, int t, float scale, SplittableRandom coins) {
    double a = phase.alpha().at(t, phase.steps());
    boolean labelled = phase.rationale() == Phase.RationaleTask.LABELLED;
    Double pi = labelled ? phase.sampling().at(t, phase.steps()) : null;
    ConsistencyConfig consistency = cfg.schedules().consistency();
    boolean adaptive = phase.adaptive();
    boolean cycle = phase.cycle() && consistency.cycleOn(t, phase.steps());
    boolean[] usePred = new boolean[batch.length];
    int predicted = 0;
    if (labelled && !adaptive) {
      for (int i = 0; i < batch.length; i++) { // one independent coin per example
        usePred[i] = coins.nextDouble() < pi;
        predicted += usePred[i] ? 1 : 0;
      }
    }
    boolean rationaleTask = phase.rationale() != Phase.RationaleTask.NONE && a < 1.0;
    boolean predTask = a > 0.0 || predicted > 0 || adaptive;
    Double lPred = null;
    Double lRat = null;
    Double lCycle = null;
    Double cycleAccuracy = null;
    double confidenceSum = 0;
    Double tau = null;
    Double temperature = cycle ? consistency.gumbelTemperature(t, phase.steps()) : null;
    long tokens = 0;
    Integer explainCut = null;
    JointLoss weights = new JointLoss(a, consistency.cycleWeight());
    try (GradientCollector gc = Engines.pytorch().newGradientCollector()) {
      NDArray predLoss = null;
      NDArray ratLoss = null;
      NDArray cycleLoss = null;
      NDArray encPred = null;
      NDArray maskPred = null;
      if (predTask) {
        List<long[]> in = rows(data.predict, batch);
        List<long[]> out = rows(data.label, batch);
        tokens += TokenBatch.tokens(in) + TokenBatch.tokens(out);
        NDArray[] im = TokenBatch.inputs(m, in, model.config().padTokenId());
        long[][] labels = TokenBatch.labels(out);
        encPred = model.encode(im[0], im[1], true);                                    // (B,S,D)
        maskPred = im[1];
        predLoss = model.teacherForcedLoss(m, encPred, im[1], labels, true);
        lPred = (double) predLoss.getFloat();
      }
      String[] yhat = null;
      if (adaptive) { // ŷ and c for every example; the coins after them, as in the code
        double[] confidences = new double[batch.length];
        yhat = sampleWithConfidence(m, encPred, maskPred, confidences);
        tau = threshold.observe(t, confidences);
        for (int i = 0; i < batch.length; i++) {
          confidenceSum += confidences[i];
          if (pi > 0) { // the code draws no coin while π = 0
            usePred[i] = AdaptiveSampling.usePrediction(coins, pi, consistency.acceptance(confidences[i], tau));
            predicted += usePred[i] ? 1 : 0;
          }
        }
      }
      if (rationaleTask) {
        List<long[]> in = new ArrayList<>();
        if (labelled) {
          if (yhat == null) {
            yhat = predicted > 0 ? sampleLabels(m, encPred, maskPred, usePred) : new String[batch.length];
          }
          ExplanationPrompts prompts = explanationPrompts(batch, usePred, yhat, pi);
          in = prompts.ids();
          explainCut = prompts.cutAtExplainLimit();
        } else {
          in = rows(data.explain, batch);
        }
        List<long[]> out = rows(data.rationale, batch);
        tokens += TokenBatch.tokens(in) + TokenBatch.tokens(out);
        NDArray[] im = TokenBatch.inputs(m, in, model.config().padTokenId());
        long[][] labels = TokenBatch.labels(out);
        NDArray enc = model.encode(im[0], im[1], true);
        if (cycle) { // the same ops as teacherForcedLoss, keeping the logits for L_cycle
          NDArray logits = model.logits(model.decode(TokenBatch.matrix(m, model.shiftRight(labels)), enc, im[1],
              true));                                                                            // (B,R,V)
          ratLoss = T5Model.loss(logits, TokenBatch.matrix(m, labels));
          List<long[]> used = new ArrayList<>(batch.length); // the label each rationale prompt was given
          for (int i = 0; i < batch.length; i++) {
            used.add(usePred[i] ? tok.encode(yhat[i], cfg.data().maxTargetTokens()).ids() : data.label[batch[i]]);
          }
          tokens += TokenBatch.tokens(used);
          CycleLoss.Result c = CycleLoss.compute(model, m, logits, labels, TorchKernels.gumbelNoise(logits),
              temperature.floatValue(), cyclePrefix, TokenBatch.labels(used), true);
          cycleLoss = c.loss();
          lCycle = (double) cycleLoss.getFloat();
          cycleAccuracy = c.accuracy();
        } else {
          ratLoss = model.teacherForcedLoss(m, enc, im[1], labels, true);
        }
        lRat = (double) ratLoss.getFloat();
      }
      NDArray total = weights.of(m, predLoss, ratLoss, cycleLoss);
      if (total != null) {
        gc.backward(total.mul(Tensors.scalar(m, scale)));
      }
    }
    return new StepLosses(weights, lPred, lRat, lCycle, cycleAccuracy, pi, predicted, batch.length, tokens, explainCut,
        confidenceSum, adaptive ? batch.length : 0, tau, temperature);
  }

  /** Token ids of a batch's {@code given label: ỹ, explain: x} prompts and how many the explanation limit cut. */
  record ExplanationPrompts(List<long[]> ids, Integer cutAtExplainLimit) {}

  /**
   * The batch's explanation prompts with ỹ = {@code yhat[i]} where {@code usePred[i]}, else the gold label. While
   * π_t &gt; 0 and {@code explain-max-input-tokens} is set, every prompt, gold ones too, is tokenised afresh at that
   * limit (the reference, {@code train_stage2.py} 234–237, at 512); otherwise gold prompts are the ones tokenised at
   * {@code max-input-tokens} up front and ŷ prompts are cut there too.
   */
  ExplanationPrompts explanationPrompts(int[] batch, boolean[] usePred, String[] yhat, double pi) {
    boolean explainLimit = pi > 0 && cfg.data().explainMaxInputTokens() > 0;
    int limit = cfg.data().explainLimit(pi);
    List<long[]> ids = new ArrayList<>(batch.length);
    int cut = 0;
    for (int i = 0; i < batch.length; i++) {
      int e = batch[i];
      if (!usePred[i] && !explainLimit) {
        ids.add(data.goldLabelled[e]);
        continue;
      }
      String label = usePred[i] ? yhat[i] : data.examples.get(e).label();
      TextTokenizer.Tokens t = tok.encode(cfg.prompts().labelled(label, data.modelInputs.get(e)), limit);
      ids.add(t.ids());
      cut += t.truncated() ? 1 : 0;
    }
    return new ExplanationPrompts(ids, explainLimit ? cut : null);
  }

  /**
   * ŷ for every row with its confidence c (into {@code confidences}): greedy with dropout and the exp of the mean
   * log-probability of its tokens (reference), or the best label of the set and the exp of its mean token
   * log-probability (constrained).
   */
  private String[] sampleWithConfidence(NDManager m, NDArray enc, NDArray mask, double[] confidences) {
    return Grad.off(() -> {
      NDArray e = enc.stopGradient();
      String[] res = new String[confidences.length];
      if (cfg.schedules().sampledLabel() == ScheduleConfig.SampledLabel.CONSTRAINED) {
        float[][] s = SequenceScorer.scoreEncoded(model, e, mask, labelCandidates, m, res.length);
        for (int i = 0; i < res.length; i++) {
          int best = bestCandidate(s[i]);
          res[i] = labelSet.get(best);
          confidences[i] = Math.exp(s[i][best] / labelCandidates[best].length);
        }
      } else {
        GreedyDecoder.Scored g = GreedyDecoder.generateWithoutCacheScored(model, e, mask,
            GenerationSettings.greedy(cfg.decode().labelMaxNewTokens()).withDropout(true));
        for (int i = 0; i < res.length; i++) {
          res[i] = tok.decode(g.ids()[i]);
          confidences[i] = AdaptiveSampling.confidence(g.ids()[i], g.logProbs()[i], model.config().eosTokenId());
        }
      }
      return res;
    });
  }

  /** The index of the highest-scoring label candidate, the first on ties. */
  private static int bestCandidate(float[] scores) {
    int best = 0;
    for (int j = 1; j < scores.length; j++) {
      best = scores[j] > scores[best] ? j : best;
    }
    return best;
  }

  /** ŷ for the rows with {@code use[i]}: greedy with dropout (reference) or the best-scoring label of the set. */
  private String[] sampleLabels(NDManager m, NDArray enc, NDArray mask, boolean[] use) {
    long[] rows = new long[countTrue(use)];
    int k = 0;
    for (int i = 0; i < use.length; i++) {
      if (use[i]) {
        rows[k++] = i;
      }
    }
    NDArray idx = m.create(rows);
    String[] out = new String[use.length];
    String[] decoded = Grad.off(() -> {
      NDArray e = enc.stopGradient().get(idx);
      NDArray msk = mask.get(idx);
      String[] res = new String[rows.length];
      if (cfg.schedules().sampledLabel() == ScheduleConfig.SampledLabel.CONSTRAINED) {
        float[][] s = SequenceScorer.scoreEncoded(model, e, msk, labelCandidates, m, rows.length);
        for (int i = 0; i < rows.length; i++) {
          res[i] = labelSet.get(bestCandidate(s[i]));
        }
      } else {
        long[][] ids = GreedyDecoder.generateWithoutCache(model, e, msk,
            GenerationSettings.greedy(cfg.decode().labelMaxNewTokens()).withDropout(true));
        for (int i = 0; i < rows.length; i++) {
          res[i] = tok.decode(ids[i]);
        }
      }
      return res;
    });
    for (int i = 0; i < rows.length; i++) {
      out[(int) rows[i]] = decoded[i];
    }
    return out;
  }

  private static int countTrue(boolean[] b) {
    int n = 0;
    for (boolean x : b) {
      n += x ? 1 : 0;
    }
    return n;
  }

  static List<long[]> rows(long[][] all, int[] batch) {
    List<long[]> out = new ArrayList<>(batch.length);
    for (int i : batch) {
      out.add(all[i]);
    }
    return out;
  }

  /** Prompt templates in use (for provenance). */
  public PromptTemplates prompts() {
    return cfg.prompts();
  }
}
