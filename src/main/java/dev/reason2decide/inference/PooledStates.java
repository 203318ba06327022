// Mean-pooled hidden states of a batch: what the trust statistics of a model are fitted on and compared with.
package dev.reason2decide.inference;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

/** Masked means over the sequence axis, read back to Java as one float vector per row. */
final class PooledStates {
  private PooledStates() {}

  /** states (B,S,D), mask (B,S) of 0/1 → B vectors of D: the mean of each row's unmasked states. */
  static float[][] mean(NDArray states, NDArray mask) {
    NDArray w = mask.toType(DataType.FLOAT32, false).expandDims(-1);             // (B,S,1)
    NDArray sum = states.mul(w).sum(new int[] {1});                              // (B,D)
    NDArray count = w.sum(new int[] {1}).maximum(1f);                             // (B,1)
    NDArray mean = sum.div(count);                                               // (B,D)
    int b = (int) mean.getShape().get(0);
    int d = (int) mean.getShape().get(1);
    float[] flat = mean.toFloatArray();
    float[][] out = new float[b][d];
    for (int i = 0; i < b; i++) {
      System.arraycopy(flat, i * d, out[i], 0, d);
    }
    return out;
  }

  /**
   * states (B,S,D), mask (B,S) of 0/1 → per row its unmasked states, (S_i,D) each: what the token-level distance
   * takes its largest value over.
   */
  static float[][][] tokens(NDArray states, NDArray mask) {
    int b = (int) states.getShape().get(0);
    int s = (int) states.getShape().get(1);
    int d = (int) states.getShape().get(2);
    float[] flat = states.toType(DataType.FLOAT32, false).toFloatArray();        // B·S·D
    float[] keep = mask.toType(DataType.FLOAT32, false).toFloatArray();          // B·S
    float[][][] out = new float[b][][];
    for (int i = 0; i < b; i++) {
      java.util.List<float[]> rows = new java.util.ArrayList<>();
      for (int t = 0; t < s; t++) {
        if (keep[i * s + t] > 0) {
          float[] v = new float[d];
          System.arraycopy(flat, (i * s + t) * d, v, 0, d);
          rows.add(v);
        }
      }
      out[i] = rows.toArray(new float[0][]);
    }
    return out;
  }
}
