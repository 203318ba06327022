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
}
