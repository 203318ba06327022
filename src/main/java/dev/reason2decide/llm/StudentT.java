// Student's t distribution for whole degrees of freedom: the quantile behind the judge's confidence intervals.
package dev.reason2decide.llm;

/**
 * Exact two-sided probability {@code P(|T| <= t)} for integer degrees of freedom by the finite series of
 * Abramowitz and Stegun 26.7.3 and 26.7.4, and its quantiles by bisection.
 */
final class StudentT {
  private StudentT() {}

  /** P(|T| <= t) for {@code df} degrees of freedom, t >= 0. */
  static double twoSided(double t, int df) {
    if (df < 1) {
      throw new IllegalArgumentException("degrees of freedom must be >= 1, got " + df);
    }
    double theta = Math.atan(t / Math.sqrt(df));
    double s = Math.sin(theta);
    double c2 = Math.cos(theta) * Math.cos(theta);
    if (df % 2 == 0) {
      // sin θ · [1 + 1/2 cos²θ + (1·3)/(2·4) cos⁴θ + ... up to cos^(df-2)θ]
      double term = 1;
      double sum = 1;
      for (int k = 2; k <= df - 2; k += 2) {
        term *= c2 * (k - 1) / k;
        sum += term;
      }
      return s * sum;
    }
    // (2/π) · [θ + sin θ cos θ · (1 + 2/3 cos²θ + (2·4)/(3·5) cos⁴θ + ... up to cos^(df-3)θ)]
    double sum = 0;
    if (df > 1) {
      double term = 1;
      sum = 1;
      for (int k = 2; k <= df - 3; k += 2) {
        term *= c2 * k / (k + 1);
        sum += term;
      }
      sum *= s * Math.cos(theta);
    }
    return 2 / Math.PI * (theta + sum);
  }

  /** The t with P(|T| <= t) = {@code coverage} (0.95 gives the 97.5 % quantile). */
  static double twoSidedQuantile(double coverage, int df) {
    if (!(coverage > 0 && coverage < 1)) {
      throw new IllegalArgumentException("coverage must be in (0, 1), got " + coverage);
    }
    double lo = 0;
    double hi = 1;
    while (twoSided(hi, df) < coverage) {
      hi *= 2;
    }
    for (int i = 0; i < 200 && hi - lo > 1e-12 * hi; i++) {
      double mid = (lo + hi) / 2;
      if (twoSided(mid, df) < coverage) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return (lo + hi) / 2;
  }
}
