// The Gumbel-softmax kernels against softmax((z + g)/τ) in double precision, a finite-difference gradient and seeding.
package dev.reason2decide.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;

class GumbelSoftmaxTest {
  // two rows of five logits and fixed noise
  private static final float[] Z = {1.5f, -0.5f, 0.25f, 3f, -2f, 0f, 0.1f, -0.1f, 2f, 1f};
  private static final float[] G = {0.3f, -0.9f, 1.7f, 0.05f, 2.2f, -0.4f, 0.8f, 0.0f, -1.1f, 0.6f};
  private static final float[] W = {0.7f, -1.3f, 2f, 0.4f, -0.6f, 1.1f, 0.2f, -2.5f, 0.9f, 1.6f};

  /** softmax((z + g) / tau) of one row of five, in double. */
  private static double[] formula(double[] z, int row, double tau) {
    double[] out = new double[5];
    double max = Double.NEGATIVE_INFINITY;
    for (int j = 0; j < 5; j++) {
      max = Math.max(max, (z[row * 5 + j] + G[row * 5 + j]) / tau);
    }
    double sum = 0;
    for (int j = 0; j < 5; j++) {
      out[j] = Math.exp((z[row * 5 + j] + G[row * 5 + j]) / tau - max);
      sum += out[j];
    }
    for (int j = 0; j < 5; j++) {
      out[j] /= sum;
    }
    return out;
  }

  /** f(z) = Σ w · softmax((z + g)/τ) over both rows, in double. */
  private static double objective(double[] z, double tau) {
    double f = 0;
    for (int row = 0; row < 2; row++) {
      double[] y = formula(z, row, tau);
      for (int j = 0; j < 5; j++) {
        f += W[row * 5 + j] * y[j];
      }
    }
    return f;
  }

  private static double[] widen(float[] a) {
    double[] d = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      d[i] = a[i];
    }
    return d;
  }

  @Test
  void matchesItsFormulaWithFixedNoiseAndItsGradientMatchesAFiniteDifference() {
    for (float tau : new float[] {1f, 0.7071f, 0.5f}) {
      try (NDManager m = Engines.newManager()) {
        NDArray z = Tensors.owned(m, Z, new Shape(2, 5));
        z.setRequiresGradient(true);
        NDArray g = Tensors.owned(m, G, new Shape(2, 5));
        NDArray w = Tensors.owned(m, W, new Shape(2, 5));
        float[] y;
        try (GradientCollector gc = Engines.pytorch().newGradientCollector()) {
          NDArray soft = TorchKernels.gumbelSoftmax(z, g, Tensors.scalar(m, tau)); // (2,5)
          y = soft.toFloatArray();
          gc.backward(soft.mul(w).sum());
        }
        float[] grad = z.getGradient().toFloatArray();
        double[] zd = widen(Z);
        for (int row = 0; row < 2; row++) {
          double[] expected = formula(zd, row, tau);
          for (int j = 0; j < 5; j++) {
            assertEquals(expected[j], y[row * 5 + j], 1e-6, "τ " + tau + " y[" + row + "," + j + "]");
          }
        }
        double h = 1e-5;
        for (int i = 0; i < Z.length; i++) {
          double[] up = zd.clone();
          double[] down = zd.clone();
          up[i] += h;
          down[i] -= h;
          double fd = (objective(up, tau) - objective(down, tau)) / (2 * h);
          assertEquals(fd, grad[i], 2e-5, "τ " + tau + " ∂f/∂z[" + i + "]");
        }
      }
    }
  }

  @Test
  void noiseIsStandardGumbelAndRepeatsAfterTheSameSeed() {
    try (NDManager m = Engines.newManager()) {
      NDArray like = m.zeros(new Shape(200, 1000));
      Grad.seed(1234);
      float[] a = TorchKernels.gumbelNoise(like).toFloatArray();
      Grad.seed(1234);
      float[] b = TorchKernels.gumbelNoise(like).toFloatArray();
      assertArrayEquals(a, b, "torch's generator, re-seeded, gives the same noise (exact resume)");
      Grad.seed(1235);
      float[] c = TorchKernels.gumbelNoise(like).toFloatArray();
      assertFalse(java.util.Arrays.equals(a, c));
      double mean = 0;
      for (float v : a) {
        assertTrue(Float.isFinite(v));
        mean += v;
      }
      mean /= a.length;
      double var = 0;
      for (float v : a) {
        var += (v - mean) * (v - mean);
      }
      var /= a.length - 1;
      // Gumbel(0, 1): mean γ = 0.5772…, variance π²/6 = 1.6449…; 200,000 draws: sd of the mean ≈ 0.0029
      assertEquals(0.5772156649, mean, 0.015);
      assertEquals(Math.PI * Math.PI / 6, var, 0.05);
      assertFalse(TorchKernels.gumbelNoise(like).hasGradient());
    }
  }
}
