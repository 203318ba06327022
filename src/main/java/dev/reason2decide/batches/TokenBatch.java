// A padded batch of token sequences as NDArrays: inputs with their mask, and targets with -100 at padding.
package dev.reason2decide.batches;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;

/** Dynamic padding: each batch is padded to its own longest member. */
public final class TokenBatch {
  private TokenBatch() {}

  /** Input ids (B,L) padded with {@code pad} and mask (B,L) of 1/0. */
  public static NDArray[] inputs(NDManager m, List<long[]> seqs, long pad) {
    int b = seqs.size();
    int l = seqs.stream().mapToInt(s -> s.length).max().orElse(1);
    long[] ids = new long[b * l];
    long[] mask = new long[b * l];
    for (int i = 0; i < b; i++) {
      long[] s = seqs.get(i);
      for (int j = 0; j < l; j++) {
        ids[i * l + j] = j < s.length ? s[j] : pad;
        mask[i * l + j] = j < s.length ? 1 : 0;
      }
    }
    return new NDArray[] {m.create(ids, new Shape(b, l)), m.create(mask, new Shape(b, l))};
  }

  /** Targets as rows padded with -100 (ignored by the loss). */
  public static long[][] labels(List<long[]> seqs) {
    int l = seqs.stream().mapToInt(s -> s.length).max().orElse(1);
    long[][] out = new long[seqs.size()][l];
    for (int i = 0; i < seqs.size(); i++) {
      java.util.Arrays.fill(out[i], -100L);
      System.arraycopy(seqs.get(i), 0, out[i], 0, seqs.get(i).length);
    }
    return out;
  }

  /** A (B,T) int64 array of rows. */
  public static NDArray matrix(NDManager m, long[][] rows) {
    int b = rows.length;
    int t = rows[0].length;
    long[] flat = new long[b * t];
    for (int i = 0; i < b; i++) {
      System.arraycopy(rows[i], 0, flat, i * t, t);
    }
    return m.create(flat, new Shape(b, t));
  }

  /** Number of real (non-pad) tokens. */
  public static long tokens(List<long[]> seqs) {
    return seqs.stream().mapToLong(s -> s.length).sum();
  }
}
