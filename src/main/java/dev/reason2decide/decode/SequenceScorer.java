// Scores candidate target strings under the model: the basis of label probabilities.
package dev.reason2decide.decode;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.reason2decide.model.T5Model;
import dev.reason2decide.tokens.TextTokenizer;
import java.util.List;

/**
 * Teacher-forced sum of token log-probabilities (the closing {@code </s>} included) of each candidate for each
 * input. The encoder runs once per input; candidates are scored together.
 */
public final class SequenceScorer {
  private SequenceScorer() {}

  /** Token ids (with {@code </s>}) of each candidate text. */
  public static long[][] encodeCandidates(TextTokenizer tok, List<String> candidates) {
    return candidates.stream().map(tok::encode).toArray(long[][]::new);
  }

  /** Scores (B,C): inputs ids/mask (B,S), candidates C token sequences. */
  public static float[][] score(T5Model model, NDArray inputIds, NDArray mask, long[][] candidates) {
    NDManager m = inputIds.getManager();
    int b = (int) inputIds.getShape().get(0);
    NDArray enc = model.encode(inputIds, mask, false);
    return scoreEncoded(model, enc, mask, candidates, m, b);
  }

  /** As {@link #score} for an already-encoded batch (B,S,D). */
  public static float[][] scoreEncoded(T5Model model, NDArray enc, NDArray mask, long[][] candidates, NDManager m,
      int b) {
    int c = candidates.length;
    int t = 0;
    for (long[] cand : candidates) {
      t = Math.max(t, cand.length);
    }
    long[][] labels = new long[b * c][t];
    long[] rowOf = new long[b * c];
    for (int i = 0; i < b; i++) {
      for (int j = 0; j < c; j++) {
        int r = i * c + j;
        rowOf[r] = i;
        java.util.Arrays.fill(labels[r], -100L);
        System.arraycopy(candidates[j], 0, labels[r], 0, candidates[j].length);
      }
    }
    NDArray idx = m.create(rowOf);
    long[][] dec = model.shiftRight(labels);
    NDArray decNd = m.create(flat(dec), new Shape(b * c, t));
    NDArray labelsNd = m.create(flat(labels), new Shape(b * c, t));
    NDArray logits = model.logits(model.decode(decNd, enc.get(idx), mask.get(idx), false));
    float[] s = T5Model.sequenceLogProb(logits, labelsNd).toFloatArray();
    float[][] out = new float[b][c];
    for (int i = 0; i < b; i++) {
      System.arraycopy(s, i * c, out[i], 0, c);
    }
    return out;
  }

  static long[] flat(long[][] a) {
    return java.util.Arrays.stream(a).flatMapToLong(java.util.Arrays::stream).toArray();
  }
}
