// Measured FLOP/s of single-precision matrix products on this machine: the denominator of model FLOP utilisation.
package dev.reason2decide.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import dev.reason2decide.model.T5Config;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Times x·Wᵀ (torch.nn.functional.linear, the call every projection of the model makes) for the model's own GEMM
 * shapes at a given batch: the feed-forward input (B·S × D → F), its output (B·S × F → D), and the LM head
 * (B·T × D → V). The best of them is taken as the attainable matmul rate.
 */
public final class MatmulProbe {
  private MatmulProbe() {}

  /** GEMM (M,K)·(N,K)ᵀ: FLOP/s measured, median of {@code steps} after one warm-up. */
  public static double flopsPerSecond(NDManager root, int m, int k, int n, int steps) {
    try (NDManager g = root.newSubManager()) {
      NDArray x = g.randomNormal(new Shape(m, k));
      NDArray w = g.randomNormal(new Shape(n, k));
      StepTimes t = StepTimes.measure(() -> {
        try (NDScope scope = new NDScope()) {
          scope.suppressNotUsedWarning();
          Linear.linear(x, w).singletonOrThrow();
        }
      }, steps, 1);
      return 2.0 * m * k * n / t.median();
    }
  }

  /** Per shape "MxKxN" its FLOP/s, plus "best". */
  public static Map<String, Double> modelShapes(NDManager root, T5Config c, int batch, int src, int tgt, int steps) {
    List<int[]> shapes = new ArrayList<>();
    shapes.add(new int[] {batch * src, c.dModel(), c.dFf()});
    shapes.add(new int[] {batch * src, c.dFf(), c.dModel()});
    shapes.add(new int[] {batch * tgt, c.dModel(), c.vocabSize()});
    Map<String, Double> out = new LinkedHashMap<>();
    double best = 0;
    for (int[] s : shapes) {
      double f = flopsPerSecond(root, s[0], s[1], s[2], steps);
      out.put(s[0] + "x" + s[1] + "x" + s[2], f);
      best = Math.max(best, f);
    }
    out.put("best", best);
    return out;
  }
}
