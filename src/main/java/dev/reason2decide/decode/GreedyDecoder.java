// Greedy decoding with the key/value cache, as transformers' generate(num_beams=1, do_sample=False).
package dev.reason2decide.decode;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import dev.reason2decide.model.DecoderCache;
import dev.reason2decide.model.T5Config;
import dev.reason2decide.model.T5Model;
import java.util.Arrays;

/**
 * Picks the arg-max token at every step; a sequence that produced {@code </s>} is padded with the pad id while
 * the others continue; stops when all are finished or after {@code maxNewTokens}. The encoder output is given,
 * so callers that already encoded the input (Stage-2's prediction pass) do not encode twice.
 */
public final class GreedyDecoder {
  private GreedyDecoder() {}

  /**
   * Greedy decoding that re-runs the decoder over the whole prefix at every step instead of using the key/value
   * cache: O(T²), meant for short outputs. Stage-2 decodes ŷ (a label: a few tokens) this way with dropout on; it
   * uses exactly the operations of a training forward pass and gives the cached decoder's ids (GreedyParityTest).
   */
  public static long[][] generateWithoutCache(T5Model model, NDArray encoderStates, NDArray encoderMask,
      GenerationSettings g) {
    T5Config c = model.config();
    NDManager m = encoderStates.getManager();
    int n = (int) encoderStates.getShape().get(0);
    long[][] out = new long[n][g.maxNewTokens() + 1];
    boolean[] done = new boolean[n];
    for (long[] row : out) {
      row[0] = c.decoderStartTokenId();
    }
    int len = 1;
    for (int t = 0; t < g.maxNewTokens(); t++) {
      long[] flat = new long[n * len];
      for (int i = 0; i < n; i++) {
        System.arraycopy(out[i], 0, flat, i * len, len);
      }
      NDArray prefix = m.create(flat, new Shape(n, len));
      NDArray hidden = model.decode(prefix, encoderStates, encoderMask, g.sampleWithDropout()); // (N,len,D)
      NDArray last = hidden.get(":, -1:, :");                                                 // (N,1,D)
      long[] next = model.logits(last).squeeze(1).argMax(-1).toLongArray();
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

  /**
   * Generates from encoder states (N,S,D) and mask (N,S). Returns N rows that start with the decoder start token;
   * all rows have the same length (transformers' padded output).
   */
  public static long[][] generate(T5Model model, NDArray encoderStates, NDArray encoderMask, GenerationSettings g) {
    T5Config c = model.config();
    NDManager m = encoderStates.getManager();
    int n = (int) encoderStates.getShape().get(0);
    long[][] out = new long[n][g.maxNewTokens() + 1];
    boolean[] done = new boolean[n];
    long[] last = new long[n];
    Arrays.fill(last, c.decoderStartTokenId());
    for (long[] row : out) {
      row[0] = c.decoderStartTokenId();
    }
    DecoderCache cache = model.startDecoding(encoderStates, encoderMask);
    int len;
    try {
      len = loop(model, m, cache, g, out, done, last);
    } finally {
      cache.release();
    }
    final int finalLen = len;
    return Arrays.stream(out).map(r -> Arrays.copyOf(r, finalLen)).toArray(long[][]::new);
  }

  /** The decoding steps, each in its own scope (only the cache survives a step); returns the filled length. */
  private static int loop(T5Model model, NDManager m, DecoderCache cache, GenerationSettings g, long[][] out,
      boolean[] done, long[] last) {
    T5Config c = model.config();
    int n = out.length;
    int len = 1;
    for (int t = 0; t < g.maxNewTokens(); t++) {
      long[] next;
      try (NDScope scope = new NDScope()) {
        scope.suppressNotUsedWarning();
        NDArray tokens = m.create(last, new Shape(n, 1));
        NDArray logits = model.step(cache, tokens, g.sampleWithDropout()); // (N,V)
        next = logits.argMax(-1).toLongArray();
        cache.keep();
      }
      int open = 0;
      for (int i = 0; i < n; i++) {
        long tok = done[i] ? c.padTokenId() : next[i];
        out[i][len] = tok;
        last[i] = tok;
        if (!done[i] && tok == c.eosTokenId()) {
          done[i] = true;
        }
        if (!done[i]) {
          open++;
        }
      }
      len++;
      if (open == 0) {
        break;
      }
    }
    return len;
  }
}
