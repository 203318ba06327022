// Mahalanobis and relative Mahalanobis distances against small cases computed by hand.
package dev.reason2decide.trust;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class GaussianTest {
  private static float[] v(double... x) {
    float[] f = new float[x.length];
    for (int i = 0; i < x.length; i++) {
      f[i] = (float) x[i];
    }
    return f;
  }

  @Test
  void correlatedCovarianceByHand() {
    // (2,2), (−2,−2), (1,−1), (−1,1): mean 0, covariance ¼·[[10,6],[6,10]] = [[2.5,1.5],[1.5,2.5]],
    // determinant 4, inverse ¼·[[2.5,−1.5],[−1.5,2.5]]
    Gaussian g = Gaussian.fit(List.of(v(2, 2), v(-2, -2), v(1, -1), v(-1, 1)), 0);
    assertArrayEquals(v(0, 0), g.mean(), 1e-7f);
    assertEquals(0.625, g.distance(v(1, 0)), 1e-6);                // 2.5/4
    assertEquals(0.5, g.distance(v(1, 1)), 1e-6);                  // (2.5 − 1.5 − 1.5 + 2.5)/4
    assertEquals(2.0, g.distance(v(1, -1)), 1e-6);                 // (2.5 + 1.5 + 1.5 + 2.5)/4
    assertEquals(0.625, g.precision()[0][0], 1e-6);
    assertEquals(-0.375, g.precision()[0][1], 1e-6);
  }

  @Test
  void shrinkageMovesTheCovarianceTowardsItsMeanVariance() {
    // (1,0), (−1,0), (0,2), (0,−2): covariance diag(0.5, 2), trace/D = 1.25; λ = 0.5 gives diag(0.875, 1.625)
    List<float[]> xs = List.of(v(1, 0), v(-1, 0), v(0, 2), v(0, -2));
    assertEquals(1 / 0.5 + 1 / 2.0, Gaussian.fit(xs, 0).distance(v(1, 1)), 1e-6);
    assertEquals(1 / 0.875 + 1 / 1.625, Gaussian.fit(xs, 0.5).distance(v(1, 1)), 1e-6);
    // λ = 1: the identity times 1.25
    assertEquals(2 / 1.25, Gaussian.fit(xs, 1).distance(v(1, 1)), 1e-6);
  }

  @Test
  void relativeDistanceSubtractsTheBackground() {
    // class A: (2,1), (2,−1), (3,0), (1,0), mean (2,0); class B: the mirror image, mean (−2,0). Pooled within-class
    // scatter diag(4, 4) over 8 vectors: shared covariance diag(0.5, 0.5). Background over all 8: mean 0,
    // covariance diag(36/8, 4/8) = diag(4.5, 0.5).
    List<float[]> xs = List.of(v(2, 1), v(2, -1), v(3, 0), v(1, 0), v(-2, 1), v(-2, -1), v(-1, 0), v(-3, 0));
    List<String> ys = List.of("A", "A", "A", "A", "B", "B", "B", "B");
    RelativeMahalanobis r = RelativeMahalanobis.fit(xs, ys, 0);
    assertEquals(List.of("A", "B"), r.classes());
    assertArrayEquals(v(2, 0), r.classMeans()[0], 1e-7f);
    // x = (2,1): MD_A = 1/0.5 = 2, MD_B = (16 + 1)/0.5 = 34, MD_0 = 4/4.5 + 1/0.5
    assertEquals(2, r.distance(v(2, 1)), 1e-5);
    assertEquals(2 - (4 / 4.5 + 2), r.relativeDistance(v(2, 1)), 1e-5);
    // x = (0,3): MD_A = MD_B = (4 + 9)/0.5 = 26, MD_0 = 0 + 9/0.5 = 18
    assertEquals(26 - 18, r.relativeDistance(v(0, 3)), 1e-4);
  }

  @Test
  void aSingularCovarianceWithoutShrinkageIsAnErrorThatSaysWhatToDo() {
    List<float[]> xs = List.of(v(1, 1), v(2, 2), v(3, 3));               // all on one line
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Gaussian.fit(xs, 0));
    assertEquals(true, e.getMessage().contains("shrinkage"), e.getMessage());
    assertEquals(true, Double.isFinite(Gaussian.fit(xs, 0.1).distance(v(0, 1))));
  }

  @Test
  void largestDistanceIsTheTokenFurthestFromTheMean() {
    // mean (1,2), precision diag(1/4, 1): (1,2) → 0, (3,2) → 2²/4 = 1, (1,5) → 3² = 9, (0,1) → 1/4 + 1 = 1.25
    Gaussian g = new Gaussian(v(1, 2), new float[][] {v(0.25, 0), v(0, 1)});
    assertEquals(9.0, g.largestDistance(new float[][] {v(1, 2), v(3, 2), v(1, 5), v(0, 1)}), 1e-9);
    assertEquals(1.25, g.largestDistance(new float[][] {v(0, 1), v(1, 2)}), 1e-9);
    assertEquals(Double.NaN, g.largestDistance(new float[0][]));
  }
}
