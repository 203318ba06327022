// A Gaussian over pooled hidden states: mean, shrunk covariance and its inverse; squared Mahalanobis distances.
package dev.reason2decide.trust;

import java.util.List;

/**
 * A mean (D) and a precision matrix (D,D): the inverse of a covariance shrunk towards a multiple of the identity,
 * Σ' = (1−λ)·Σ + λ·(tr Σ / D)·I, because d_model may exceed what the data supports (Ledoit and Wolf's target,
 * with a fixed λ). Covariances are maximum-likelihood (divided by n). All arithmetic is in double.
 *
 * @param mean μ (D)
 * @param precision Σ'⁻¹ (D,D)
 */
public record Gaussian(float[] mean, float[][] precision) {
  public Gaussian {
    if (precision.length != mean.length) {
      throw new IllegalArgumentException("a Gaussian's precision is " + precision.length + " rows for a mean of "
          + mean.length);
    }
  }

  /** Dimension D. */
  public int dim() {
    return mean.length;
  }

  /** Squared Mahalanobis distance (x−μ)ᵀ Σ'⁻¹ (x−μ). */
  public double distance(float[] x) {
    return quadratic(precision, x, mean);
  }

  /**
   * The largest squared distance among {@code xs} (rows of D): the token-level distance of a note, whose one odd
   * token the mean of its states dilutes; NaN for no rows.
   */
  public double largestDistance(float[][] xs) {
    double best = Double.NaN;
    for (float[] x : xs) {
      double v = distance(x);
      best = Double.isNaN(best) ? v : Math.max(best, v);
    }
    return best;
  }

  /** Fits one Gaussian to {@code xs} (each D long) with shrinkage {@code lambda} in [0, 1]. */
  public static Gaussian fit(List<float[]> xs, double lambda) {
    double[] mu = mean(xs);
    double[][] cov = new double[mu.length][mu.length];
    accumulate(cov, xs, mu);
    return new Gaussian(toFloat(mu), precision(cov, xs.size(), lambda));
  }

  /** (x−μ)ᵀ P (x−μ). */
  static double quadratic(float[][] p, float[] x, float[] mu) {
    int d = mu.length;
    if (x.length != d) {
      throw new IllegalArgumentException("a vector of " + x.length + " values for a Gaussian of dimension " + d);
    }
    double[] z = new double[d];
    for (int i = 0; i < d; i++) {
      z[i] = (double) x[i] - mu[i];
    }
    double s = 0;
    for (int i = 0; i < d; i++) {
      double row = 0;
      float[] pi = p[i];
      for (int j = 0; j < d; j++) {
        row += pi[j] * z[j];
      }
      s += z[i] * row;
    }
    return s;
  }

  /** The mean of {@code xs}; an error for none or for vectors of different lengths. */
  static double[] mean(List<float[]> xs) {
    if (xs.isEmpty()) {
      throw new IllegalArgumentException("a Gaussian needs at least one vector");
    }
    int d = xs.get(0).length;
    double[] mu = new double[d];
    for (float[] x : xs) {
      if (x.length != d) {
        throw new IllegalArgumentException("vectors of " + d + " and " + x.length + " values");
      }
      for (int i = 0; i < d; i++) {
        mu[i] += x[i];
      }
    }
    for (int i = 0; i < d; i++) {
      mu[i] /= xs.size();
    }
    return mu;
  }

  /** cov += Σ (x−μ)(x−μ)ᵀ over {@code xs} (the scatter; divide by n for the covariance). */
  static void accumulate(double[][] cov, List<float[]> xs, double[] mu) {
    int d = mu.length;
    double[] z = new double[d];
    for (float[] x : xs) {
      for (int i = 0; i < d; i++) {
        z[i] = x[i] - mu[i];
      }
      for (int i = 0; i < d; i++) {
        double zi = z[i];
        double[] ci = cov[i];
        for (int j = 0; j <= i; j++) {
          ci[j] += zi * z[j];
        }
      }
    }
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < i; j++) {
        cov[j][i] = cov[i][j];
      }
    }
  }

  /** The inverse of the shrunk covariance (scatter / n); the scatter is overwritten. */
  static float[][] precision(double[][] scatter, int n, double lambda) {
    if (!(lambda >= 0 && lambda <= 1)) {
      throw new IllegalArgumentException("shrinkage must be in [0, 1]: " + lambda);
    }
    int d = scatter.length;
    double trace = 0;
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < d; j++) {
        scatter[i][j] /= n;
      }
      trace += scatter[i][i];
    }
    double target = lambda * Math.max(trace / d, 1e-12);
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < d; j++) {
        scatter[i][j] *= 1 - lambda;
      }
      scatter[i][i] += target;
    }
    return toFloat(invertSpd(scatter));
  }

  /** The inverse of a symmetric positive definite matrix through its Cholesky factor L (A = L·Lᵀ). */
  static double[][] invertSpd(double[][] a) {
    int d = a.length;
    double[][] l = new double[d][d];
    for (int i = 0; i < d; i++) {
      for (int j = 0; j <= i; j++) {
        double s = a[i][j];
        for (int k = 0; k < j; k++) {
          s -= l[i][k] * l[j][k];
        }
        if (i == j) {
          if (!(s > 0)) {
            throw new IllegalArgumentException("the covariance is singular (pivot " + i + " is " + s
                + "); fit on more vectors or raise the shrinkage");
          }
          l[i][i] = Math.sqrt(s);
        } else {
          l[i][j] = s / l[j][j];
        }
      }
    }
    // L⁻¹ by forward substitution, then A⁻¹ = L⁻ᵀ·L⁻¹
    double[][] li = new double[d][d];
    for (int c = 0; c < d; c++) {
      li[c][c] = 1 / l[c][c];
      for (int i = c + 1; i < d; i++) {
        double s = 0;
        for (int k = c; k < i; k++) {
          s -= l[i][k] * li[k][c];
        }
        li[i][c] = s / l[i][i];
      }
    }
    double[][] inv = new double[d][d];
    for (int i = 0; i < d; i++) {
      for (int j = 0; j <= i; j++) {
        double s = 0;
        for (int k = i; k < d; k++) {
          s += li[k][i] * li[k][j];
        }
        inv[i][j] = s;
        inv[j][i] = s;
      }
    }
    return inv;
  }

  static float[] toFloat(double[] v) {
    float[] f = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      f[i] = (float) v[i];
    }
    return f;
  }

  static float[][] toFloat(double[][] m) {
    float[][] f = new float[m.length][];
    for (int i = 0; i < m.length; i++) {
      f[i] = toFloat(m[i]);
    }
    return f;
  }
}
