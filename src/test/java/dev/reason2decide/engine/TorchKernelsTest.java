// The TorchScript kernels against the formulas they implement, computed independently in double precision.
package dev.reason2decide.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class TorchKernelsTest {
  private static final float[] XS = {-9f, -3.5f, -1f, -0.25f, 0f, 1e-4f, 0.3f, 1f, 2.5f, 7f};

  private static double gelu(double x) {
    return 0.5 * x * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (x + 0.044715 * x * x * x)));
  }

  private static double geluGrad(double x) {
    double u = Math.sqrt(2 / Math.PI) * (x + 0.044715 * x * x * x);
    double t = Math.tanh(u);
    return 0.5 * (1 + t) + 0.5 * x * (1 - t * t) * Math.sqrt(2 / Math.PI) * (1 + 3 * 0.044715 * x * x);
  }

  @Test
  void geluTanhMatchesItsFormulaForwardAndBackward() {
    try (NDManager m = Engines.newManager()) {
      NDArray x = Tensors.owned(m, XS, new Shape(XS.length));
      x.setRequiresGradient(true);
      float[] y;
      try (GradientCollector gc = Engines.pytorch().newGradientCollector()) {
        NDArray out = TorchKernels.geluTanh(x);
        y = out.toFloatArray();
        gc.backward(out.sum());
      }
      float[] g = x.getGradient().toFloatArray();
      for (int i = 0; i < XS.length; i++) {
        assertEquals(gelu(XS[i]), y[i], 1e-6 * Math.max(1, Math.abs(XS[i])), "gelu(" + XS[i] + ")");
        assertEquals(geluGrad(XS[i]), g[i], 2e-6, "gelu'(" + XS[i] + ")");
      }
    }
  }

  @Test
  void namedTensorsAreOrdinaryInputs() {
    try (NDManager m = Engines.newManager()) {
      NDArray x = Tensors.owned(m, XS, new Shape(2, 5));
      x.setName("encoder.block.0.x");
      NDArray w = Tensors.owned(m, new float[] {1f, 1f, 1f, 1f, 1f}, new Shape(5));
      w.setName("layer_norm.weight");
      float[] y = TorchKernels.geluTanh(x).toFloatArray();
      for (int i = 0; i < XS.length; i++) {
        assertEquals(gelu(XS[i]), y[i], 1e-6 * Math.max(1, Math.abs(XS[i])));
      }
      assertEquals(new Shape(2, 5), TorchKernels.rmsNorm(x, w, Tensors.scalar(m, 1e-6f)).getShape());
    }
  }

  @Test
  void geluTanhUnderNoGradFeedsLaterGradientWork() {
    try (NDManager m = Engines.newManager()) {
      NDArray w = Tensors.owned(m, new float[] {2f}, new Shape(1));
      w.setRequiresGradient(true);
      NDArray x = Tensors.owned(m, XS, new Shape(XS.length));
      NDArray frozen = Grad.off(() -> TorchKernels.geluTanh(x));
      assertFalse(frozen.hasGradient());
      boolean recordingAfter = Grad.off(() -> {
        TorchKernels.geluTanh(x);
        return ai.djl.pytorch.jni.JniUtils.isGradMode();
      });
      assertFalse(recordingAfter, "the kernel call leaves the caller's no-grad mode as it was");
      try (GradientCollector gc = Engines.pytorch().newGradientCollector()) {
        gc.backward(frozen.mul(w).sum()); // would fail if the no-grad result were an inference tensor
      }
      double expected = 0;
      for (float v : XS) {
        expected += gelu(v);
      }
      assertEquals(expected, w.getGradient().getFloat(0), 1e-5);
    }
  }

  @Test
  void geluTanhIsSafeFromConcurrentThreads() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<float[]>> results = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        results.add(pool.submit(() -> {
          try (NDManager m = Engines.newManager()) {
            float[] last = null;
            for (int i = 0; i < 50; i++) {
              last = Grad.off(() -> TorchKernels.geluTanh(Tensors.owned(m, XS, new Shape(XS.length))).toFloatArray());
            }
            return last;
          }
        }));
      }
      for (Future<float[]> f : results) {
        float[] y = f.get();
        for (int i = 0; i < XS.length; i++) {
          assertEquals(gelu(XS[i]), y[i], 1e-6 * Math.max(1, Math.abs(XS[i])));
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void rmsNormIsT5LayerNormForwardAndBackward() {
    float[] xs = {0.5f, -2f, 3f, 0.25f, 1e-3f, -1e-3f, 0f, 2e-3f};
    float[] ws = {1.5f, -0.5f, 2f, 1f};
    float eps = 1e-6f;
    try (NDManager m = Engines.newManager()) {
      NDArray x = Tensors.owned(m, xs, new Shape(2, 4));
      NDArray w = Tensors.owned(m, ws, new Shape(4));
      x.setRequiresGradient(true);
      float[] y;
      try (GradientCollector gc = Engines.pytorch().newGradientCollector()) {
        NDArray out = TorchKernels.rmsNorm(x, w, Tensors.scalar(m, eps));
        y = out.toFloatArray();
        gc.backward(out.sum());
      }
      float[] gx = x.getGradient().toFloatArray();
      for (int r = 0; r < 2; r++) {
        double ms = 0;
        for (int j = 0; j < 4; j++) {
          ms += (double) xs[4 * r + j] * xs[4 * r + j] / 4;
        }
        double inv = 1 / Math.sqrt(ms + eps);
        double sumWx = 0;
        for (int j = 0; j < 4; j++) {
          sumWx += ws[j] * xs[4 * r + j];
        }
        for (int j = 0; j < 4; j++) {
          double xi = xs[4 * r + j];
          assertEquals(ws[j] * xi * inv, y[4 * r + j], 1e-5 * Math.max(1, Math.abs(ws[j] * xi * inv)), "y");
          // d/dx_i of sum_j w_j x_j inv = w_i inv - inv^3 x_i (sum_j w_j x_j) / D
          double g = ws[j] * inv - inv * inv * inv * xi * sumWx / 4;
          assertEquals(g, gx[4 * r + j], 1e-4 * Math.max(1, Math.abs(g)), "dy/dx row " + r + " col " + j);
        }
      }
    }
  }

  @Test
  void adamwIsTorchsSingleTensorAlgorithm() {
    double lr = 1e-2;
    double beta1 = 0.9;
    double beta2 = 0.999;
    double eps = 1e-8;
    double wd = 0.01;
    float[] p0 = {0.5f, -1.25f, 3f, 0f, 1e-3f, -0.75f};
    float[][] grads = {{0.1f, -0.2f, 0.3f, 0f, 5f, -1e-4f}, {-0.3f, 0.1f, 0.05f, 1f, -5f, 2e-4f},
        {0.2f, 0.2f, -0.4f, -1f, 0.5f, 0f}};
    double[] p = new double[p0.length];
    double[] mo = new double[p0.length];
    double[] ve = new double[p0.length];
    for (int i = 0; i < p0.length; i++) {
      p[i] = p0[i];
    }
    try (NDManager m = Engines.newManager()) {
      NDArray param = Tensors.owned(m, p0, new Shape(2, 3));
      NDArray expAvg = m.zeros(new Shape(2, 3));
      NDArray expAvgSq = m.zeros(new Shape(2, 3));
      for (int step = 1; step <= grads.length; step++) {
        double bc1 = 1 - Math.pow(beta1, step);
        double bc2Sqrt = Math.sqrt(1 - Math.pow(beta2, step));
        NDArray g = Tensors.owned(m, grads[step - 1], new Shape(2, 3));
        TorchKernels.adamw(List.of(param), List.of(g), List.of(expAvg), List.of(expAvgSq), lr, beta1, beta2, eps, wd,
            lr / bc1, bc2Sqrt);
        for (int i = 0; i < p.length; i++) {
          double gi = grads[step - 1][i];
          p[i] *= 1 - lr * wd;
          mo[i] = beta1 * mo[i] + (1 - beta1) * gi;
          ve[i] = beta2 * ve[i] + (1 - beta2) * gi * gi;
          p[i] -= lr / bc1 * mo[i] / (Math.sqrt(ve[i]) / bc2Sqrt + eps);
        }
        float[] got = param.toFloatArray();
        float[] gotM = expAvg.toFloatArray();
        for (int i = 0; i < p.length; i++) {
          assertEquals(p[i], got[i], 1e-6 * Math.max(1, Math.abs(p[i])), "param " + i + " after step " + step);
          assertEquals(mo[i], gotM[i], 1e-6, "exp_avg " + i + " after step " + step);
        }
      }
      assertTrue(param.toFloatArray()[4] < 1e-3f, "a positive gradient moves the weight down");
    }
  }

  @Test
  void adamwRejectsMisalignedLists() {
    try (NDManager m = Engines.newManager()) {
      NDArray a = m.zeros(new Shape(2));
      assertThrows(IllegalArgumentException.class,
          () -> TorchKernels.adamw(List.of(a), List.of(), List.of(a), List.of(a), 1e-3, 0.9, 0.999, 1e-8, 0, 1e-3, 1));
    }
  }
}
