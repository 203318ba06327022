// A randomly initialised T5 with random token inputs and an AdamW, and the steps the benchmarks time on it.
package dev.reason2decide.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.reason2decide.decode.GenerationSettings;
import dev.reason2decide.decode.GreedyDecoder;
import dev.reason2decide.engine.Engines;
import dev.reason2decide.engine.Grad;
import dev.reason2decide.model.T5Config;
import dev.reason2decide.model.T5Init;
import dev.reason2decide.model.T5Model;
import dev.reason2decide.train.AdamW;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * What the peer's {@code train} and {@code greedy} modes do, on our model: weights from {@link T5Init} (seeded),
 * input ids uniform in [2, V), an all-ones mask, random labels, AdamW with torch's defaults (lr 5e-5, weight decay
 * 0.01). Every step runs in its own {@link NDScope} and sub-manager, as the trainer's steps do.
 */
public final class BenchModel implements AutoCloseable {
  /** torch.optim.AdamW(params, lr=5e-5): betas (0.9, 0.999), eps 1e-8, weight decay 0.01. */
  static final AdamW.Settings TORCH_ADAMW = new AdamW.Settings(0.9f, 0.999f, 1e-8f, 0.01f);
  static final float LR = 5e-5f;

  final NDManager root;
  final T5Config config;
  final T5Model model;
  final Map<String, NDArray> params;
  final AdamW optimizer;
  private final SplittableRandom rnd;

  public BenchModel(T5Config config, long seed) {
    this.root = Engines.newManager();
    this.config = config;
    this.model = T5Init.create(config, seed, root);
    this.params = model.parameters().all();
    this.optimizer = new AdamW(TORCH_ADAMW, root);
    this.rnd = new SplittableRandom(seed + 1);
  }

  /** Rows of random token ids in [2, V). */
  long[][] randomIds(int rows, int length) {
    long[][] out = new long[rows][length];
    for (long[] r : out) {
      for (int j = 0; j < length; j++) {
        r[j] = 2 + rnd.nextInt(config.vocabSize() - 2);
      }
    }
    return out;
  }

  /** An all-ones (B,L) mask. */
  static NDArray ones(NDManager m, int b, int l) {
    long[] v = new long[b * l];
    java.util.Arrays.fill(v, 1L);
    return m.create(v, new Shape(b, l));
  }

  /** Forward and backward of teacher-forced cross-entropy, with the loss scaled by {@code weight}. */
  NDArray loss(NDManager m, NDArray ids, NDArray mask, long[][] labels) {
    NDArray enc = model.encode(ids, mask, true);                                            // (B,S,D)
    return model.teacherForcedLoss(m, enc, mask, labels, true);
  }

  /** zero_grad; loss; backward — in the caller's scope. */
  void forwardBackward(NDManager m, NDArray ids, NDArray mask, long[][] labels) {
    AdamW.zeroGradients(params);
    try (GradientCollector gc = Engines.pytorch().newGradientCollector()) {
      gc.backward(loss(m, ids, mask, labels));
    }
  }

  /** One optimiser step over the gradients present now. */
  void optimizerStep() {
    Map<String, NDArray> grads = new LinkedHashMap<>();
    for (Map.Entry<String, NDArray> e : params.entrySet()) {
      grads.put(e.getKey(), e.getValue().getGradient());
    }
    optimizer.step(params, grads, LR);
  }

  /** The peer's train step: zero_grad, forward, loss, backward, AdamW step. */
  public Runnable trainStep(NDArray ids, NDArray mask, long[][] labels) {
    model.parameters().requireGradients(true);
    return () -> {
      try (NDScope scope = new NDScope(); NDManager m = root.newSubManager()) {
        scope.suppressNotUsedWarning();
        forwardBackward(m, ids, mask, labels);
        optimizerStep();
      }
    };
  }

  /**
   * The training step in three timed parts — zero_grad + forward + loss, backward, optimiser step — for
   * {@code steps} steps after {@code warmup}; returns each part's seconds per step in that order.
   */
  public StepTimes[] trainStepParts(NDArray ids, NDArray mask, long[][] labels, int steps, int warmup) {
    model.parameters().requireGradients(true);
    double[][] t = new double[3][steps];
    for (int i = -warmup; i < steps; i++) {
      try (NDScope scope = new NDScope(); NDManager m = root.newSubManager()) {
        scope.suppressNotUsedWarning();
        long t0 = System.nanoTime();
        AdamW.zeroGradients(params);
        try (GradientCollector gc = Engines.pytorch().newGradientCollector()) {
          NDArray loss = loss(m, ids, mask, labels);
          loss.getFloat(); // forward finished (CPU ops are synchronous; this only reads the value)
          long t1 = System.nanoTime();
          gc.backward(loss);
          long t2 = System.nanoTime();
          optimizerStep();
          long t3 = System.nanoTime();
          if (i >= 0) {
            t[0][i] = (t1 - t0) / 1e9;
            t[1][i] = (t2 - t1) / 1e9;
            t[2][i] = (t3 - t2) / 1e9;
          }
        }
      }
    }
    StepTimes[] out = new StepTimes[3];
    for (int k = 0; k < 3; k++) {
      java.util.Arrays.sort(t[k]);
      out[k] = new StepTimes(t[k]);
    }
    return out;
  }

  /** The peer's greedy mode: encode, then {@code newTokens} cached decoder steps with arg-max, no gradients. */
  public Runnable greedy(NDArray ids, NDArray mask, int newTokens) {
    model.parameters().requireGradients(false);
    return () -> Grad.off(() -> {
      try (NDScope scope = new NDScope()) {
        scope.suppressNotUsedWarning();
        NDArray enc = model.encode(ids, mask, false);
        return GreedyDecoder.generate(model, enc, mask, GenerationSettings.greedy(newTokens));
      }
    });
  }

  @Override
  public void close() {
    optimizer.close();
    root.close();
  }
}
