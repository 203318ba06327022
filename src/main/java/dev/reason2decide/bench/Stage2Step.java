// One Reason2Decide Stage-2 step on random tokens, and the same work split into separately timed parts.
package dev.reason2decide.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.training.GradientCollector;
import dev.reason2decide.batches.TokenBatch;
import dev.reason2decide.decode.GenerationSettings;
import dev.reason2decide.decode.GreedyDecoder;
import dev.reason2decide.engine.Engines;
import dev.reason2decide.engine.Grad;
import dev.reason2decide.train.AdamW;
import dev.reason2decide.train.JointLoss;

/**
 * The work of {@code train.JointObjective} plus the optimiser, at the token level (random weights produce no
 * text worth re-tokenising): L_pred on (x → y); ŷ decoded greedily, with dropout as configured and no gradient, from
 * the prediction pass's encoder output; the label-conditioned rationale input ŷ ⧺ x (cut to S tokens); L_rat on
 * it; one backward of α·L_pred + (1−α)·L_rat ({@code train.JointLoss}); one AdamW step. Every example takes its ŷ
 * (π = 1, the costliest case).
 */
final class Stage2Step {
  private final BenchModel b;
  private final NDArray ids;
  private final NDArray mask;
  private final long[][] source;
  private final long[][] labels;
  private final long[][] rationale;
  private final int labelNew;
  private final JointLoss weights;

  Stage2Step(BenchModel b, int batch, int src, int labelTokens, int labelNew, int tgt, float alpha) {
    this.b = b;
    this.source = b.randomIds(batch, src);
    this.ids = TokenBatch.matrix(b.root, source);
    this.mask = BenchModel.ones(b.root, batch, src);
    this.labels = b.randomIds(batch, labelTokens);
    this.rationale = b.randomIds(batch, tgt);
    this.labelNew = labelNew;
    this.weights = new JointLoss(alpha, 0);
    b.model.parameters().requireGradients(true);
  }

  /** ŷ ⧺ x cut to S tokens: the label-conditioned input (ŷ without the start token). */
  private NDArray conditioned(NDManager m, long[][] yhat) {
    int s = source[0].length;
    long[][] rows = new long[source.length][s];
    for (int i = 0; i < rows.length; i++) {
      int k = 0;
      for (int j = 1; j < yhat[i].length && k < s; j++) {
        rows[i][k++] = yhat[i][j];
      }
      for (int j = 0; k < s; j++) {
        rows[i][k++] = source[i][j];
      }
    }
    return TokenBatch.matrix(m, rows);
  }

  private long[][] greedy(NDArray enc) {
    return Grad.off(() -> GreedyDecoder.generate(b.model, enc.stopGradient(), mask,
        GenerationSettings.greedy(labelNew).withDropout(true)));
  }

  /** The whole step, the encoder output of the prediction pass reused for ŷ. */
  Runnable whole() {
    return () -> {
      try (NDScope scope = new NDScope(); NDManager m = b.root.newSubManager()) {
        scope.suppressNotUsedWarning();
        AdamW.zeroGradients(b.params);
        try (GradientCollector gc = Engines.pytorch().newGradientCollector()) {
          NDArray enc = b.model.encode(ids, mask, true);
          NDArray lp = lossFrom(m, enc, mask, labels);
          NDArray cond = conditioned(m, greedy(enc));
          NDArray lr = b.loss(m, cond, mask, rationale);
          gc.backward(weights.of(m, lp, lr, null));
        }
        b.optimizerStep();
      }
    };
  }

  private NDArray lossFrom(NDManager m, NDArray enc, NDArray msk, long[][] y) {
    return b.model.teacherForcedLoss(m, enc, msk, y, true);
  }

  /** Part 1: prediction loss forward and backward. */
  Runnable prediction() {
    return scoped(m -> b.forwardBackward(m, ids, mask, labels));
  }

  /** Part 2: ŷ with its own encoder pass (dropout on, no gradient). */
  Runnable labelDecoding() {
    return scoped(m -> Grad.off(() -> GreedyDecoder.generate(b.model, b.model.encode(ids, mask, true), mask,
        GenerationSettings.greedy(labelNew).withDropout(true))));
  }

  /** Part 3: rationale loss forward and backward on a label-conditioned input of the same shape. */
  Runnable rationale() {
    long[][] fixedYhat = b.randomIds(source.length, labelNew + 1);
    return scoped(m -> b.forwardBackward(m, conditioned(m, fixedYhat), mask, rationale));
  }

  /** Part 4: one AdamW step over the gradients left by the previous part. */
  Runnable optimizer() {
    return scoped(m -> b.optimizerStep());
  }

  private Runnable scoped(java.util.function.Consumer<NDManager> body) {
    return () -> {
      try (NDScope scope = new NDScope(); NDManager m = b.root.newSubManager()) {
        scope.suppressNotUsedWarning();
        body.accept(m);
      }
    };
  }
}
