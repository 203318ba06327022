// Greedy decoding with the key/value cache, as transformers' generate(num_beams=1, do_sample=False).
package dev.reason2decide.decode;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import dev.reason2decide.model.DecoderCache;
import dev.reason2decide.model.T5Config;
import dev.reason2decide.model.T5Model;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.concurrent.CancellationException;
import java.util.List;

/**
 * Picks the arg-max token at every step; a sequence that produced {@code </s>} is padded with the pad id while
 * the others continue; stops when all are finished or after {@code maxNewTokens}. The encoder output is given,
 * so callers that already encoded the input (Stage-2's prediction pass) do not encode twice.
 */
public final class GreedyDecoder {
  private GreedyDecoder() {}

  /** The arg-max token of every row (N) given the rows decoded so far, each filled up to {@code len}. */
  private interface NextTokens {
    long[] next(long[][] rows, int len);
  }

  /**
   * Greedy decoding that re-runs the decoder over the whole prefix at every step instead of using the key/value
   * cache: O(T²), meant for short outputs. Stage-2 decodes ŷ (a label: a few tokens) this way with dropout on; it
   * uses exactly the operations of a training forward pass and gives the cached decoder's ids (GreedyParityTest).
   */
  public static long[][] generateWithoutCache(T5Model model, NDArray encoderStates, NDArray encoderMask,
      GenerationSettings g) {
    int n = (int) encoderStates.getShape().get(0);
    return decode(model.config(), n, g.maxNewTokens(),
        (rows, len) -> lastLogits(model, encoderStates, encoderMask, g, rows, len).argMax(-1).toLongArray());
  }

  /**
   * Ids (N rows, as {@link #generateWithoutCache}) and, per row, the log-probability of the arg-max token at every
   * step (log-softmax of that step's logits: transformers' {@code output_scores} of greedy decoding, log-softmaxed).
   * {@code logProbs[i][k]} belongs to {@code ids[i][k + 1]}; after a row's {@code </s>} it is the log-probability of
   * the arg-max, not of the pad that was written.
   */
  public record Scored(long[][] ids, float[][] logProbs) {}

  /** {@link #generateWithoutCache} with the log-probability of every chosen token. */
  public static Scored generateWithoutCacheScored(T5Model model, NDArray encoderStates, NDArray encoderMask,
      GenerationSettings g) {
    int n = (int) encoderStates.getShape().get(0);
    List<float[]> steps = new ArrayList<>();
    long[][] ids = decode(model.config(), n, g.maxNewTokens(), (rows, len) -> {
      NDArray logits = lastLogits(model, encoderStates, encoderMask, g, rows, len);          // (N,V)
      steps.add(logits.logSoftmax(-1).max(new int[] {-1}).toFloatArray());                  // (N)
      return logits.argMax(-1).toLongArray();
    });
    float[][] logProbs = new float[n][steps.size()];
    for (int k = 0; k < steps.size(); k++) {
      for (int i = 0; i < n; i++) {
        logProbs[i][k] = steps.get(k)[i];
      }
    }
    return new Scored(ids, logProbs);
  }

  /** The decoder re-run over the rows decoded so far (N,len): logits (N,V) of the last position. */
  private static NDArray lastLogits(T5Model model, NDArray encoderStates, NDArray encoderMask, GenerationSettings g,
      long[][] rows, int len) {
    NDManager m = encoderStates.getManager();
    int n = rows.length;
    long[] flat = new long[n * len];
    for (int i = 0; i < n; i++) {
      System.arraycopy(rows[i], 0, flat, i * len, len);
    }
    NDArray prefix = m.create(flat, new Shape(n, len));
    NDArray hidden = model.decode(prefix, encoderStates, encoderMask, g.sampleWithDropout()); // (N,len,D)
    NDArray last = hidden.get(":, -1:, :");                                                 // (N,1,D)
    return model.logits(last).squeeze(1);
  }

  /**
   * Generates from encoder states (N,S,D) and mask (N,S). Returns N rows that start with the decoder start token;
   * all rows have the same length (transformers' padded output). Every step runs in its own scope; only the
   * cache survives a step.
   */
  public static long[][] generate(T5Model model, NDArray encoderStates, NDArray encoderMask, GenerationSettings g) {
    return cached(model, encoderStates, encoderMask, g, null);
  }

  /**
   * Ids as {@link #generate}, and per row the mean of the decoder's final hidden states over the steps that wrote
   * its tokens (up to and including {@code </s>}) with the mean negative log-probability of those tokens: what the
   * trust verdict reads of a rationale, gathered during the one decoding pass.
   *
   * @param ids the generated rows
   * @param pooledStates (N,D) mean hidden state per row
   * @param meanSurprise (N) mean −log p of the row's tokens
   */
  public record Traced(long[][] ids, float[][] pooledStates, double[] meanSurprise) {}

  /** {@link #generate} with the trace of {@link Traced}. */
  public static Traced generateTraced(T5Model model, NDArray encoderStates, NDArray encoderMask,
      GenerationSettings g) {
    int n = (int) encoderStates.getShape().get(0);
    int d = model.config().dModel();
    long eos = model.config().eosTokenId();
    double[][] sum = new double[n][d];
    double[] nll = new double[n];
    int[] steps = new int[n];
    boolean[] closed = new boolean[n];
    long[][] ids = cached(model, encoderStates, encoderMask, g, (rows, len, hidden, logits) -> {
      float[] h = hidden.toFloatArray();                                                    // (N·D)
      float[] top = logits.logSoftmax(-1).max(new int[] {-1}).toFloatArray();              // (N)
      for (int i = 0; i < n; i++) {
        closed[i] |= len > 1 && rows[i][len - 1] == eos;
        if (!closed[i]) {
          for (int j = 0; j < d; j++) {
            sum[i][j] += h[i * d + j];
          }
          nll[i] -= top[i];
          steps[i]++;
        }
      }
    });
    float[][] pooled = new float[n][d];
    double[] surprise = new double[n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        pooled[i][j] = (float) (sum[i][j] / Math.max(1, steps[i]));
      }
      surprise[i] = nll[i] / Math.max(1, steps[i]);
    }
    return new Traced(ids, pooled, surprise);
  }

  /** Sees every cached decoding step: the rows so far, their length, hidden (N,1,D) and logits (N,V). */
  private interface StepObserver {
    void observe(long[][] rows, int len, NDArray hidden, NDArray logits);
  }

  private static long[][] cached(T5Model model, NDArray encoderStates, NDArray encoderMask, GenerationSettings g,
      StepObserver observer) {
    NDManager m = encoderStates.getManager();
    int n = (int) encoderStates.getShape().get(0);
    DecoderCache cache = model.startDecoding(encoderStates, encoderMask);
    try {
      return decode(model.config(), n, g.maxNewTokens(), (rows, len) -> {
        long[] last = new long[n];
        for (int i = 0; i < n; i++) {
          last[i] = rows[i][len - 1];
        }
        try (NDScope scope = new NDScope()) {
          scope.suppressNotUsedWarning();
          NDArray tokens = m.create(last, new Shape(n, 1));
          NDArray hidden = model.stepHidden(cache, tokens, g.sampleWithDropout()); // (N,1,D)
          NDArray logits = model.logits(hidden).squeeze(1);                       // (N,V)
          long[] next = logits.argMax(-1).toLongArray();
          if (observer != null) {
            observer.observe(rows, len, hidden, logits);
          }
          cache.keep();
          return next;
        }
      });
    } finally {
      cache.release();
    }
  }

  /**
   * The decoding loop both decoders share: start token, arg-max steps, pad after {@code </s>}, trim. An interrupt
   * of the decoding thread stops it before the next step with a {@link CancellationException}.
   */
  private static long[][] decode(T5Config c, int n, int maxNewTokens, NextTokens step) {
    long[][] out = new long[n][maxNewTokens + 1];
    boolean[] done = new boolean[n];
    for (long[] row : out) {
      row[0] = c.decoderStartTokenId();
    }
    int len = 1;
    for (int t = 0; t < maxNewTokens; t++) {
      if (Thread.interrupted()) {
        // the caller gave up (a request's deadline passed): stop between steps and free the thread
        throw new CancellationException("decoding interrupted after " + t + " of " + maxNewTokens + " steps");
      }
      long[] next = step.next(out, len);
      int open = 0;
      for (int i = 0; i < n; i++) {
        long tok = done[i] ? c.padTokenId() : next[i];
        out[i][len] = tok;
        if (!done[i] && tok == c.eosTokenId()) {
          done[i] = true;
        }
        open += done[i] ? 0 : 1;
      }
      len++;
      if (open == 0) {
        break;
      }
    }
    final int finalLen = len;
    return Arrays.stream(out).map(r -> Arrays.copyOf(r, finalLen)).toArray(long[][]::new);
  }
}
