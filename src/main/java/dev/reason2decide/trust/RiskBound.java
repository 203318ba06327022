// The bound on wrong decisions a trust threshold must meet on validation: a share, held with a stated confidence.
package dev.reason2decide.trust;

/**
 * At most {@code maxRisk} of the decided notes wrong. With {@code confidence} 0 the share counted on the validation
 * notes must not exceed it (a point estimate: with few decided notes it says little — 4 decided, none wrong, passes);
 * with confidence c in (0, 1) the one-sided Clopper–Pearson upper bound at level c on the error rate must not: the
 * observed count of wrong decisions, w of n, must be improbable (at most 1 − c) were the true rate {@code maxRisk},
 * P(X ≤ w; n, maxRisk) ≤ 1 − c. With no error at all that takes n ≥ ln(1 − c) / ln(1 − maxRisk) decided notes
 * (59 at 95 % and 5 %). The bound holds threshold by threshold, not for the scan over thresholds at once.
 *
 * @param maxRisk the largest share of wrong decisions, in (0, 1]; 1: no bound
 * @param confidence 0 (the share on validation itself) or the level of the upper bound, in (0, 1)
 */
public record RiskBound(double maxRisk, double confidence) {
  /** No bound: every threshold passes. */
  public static final RiskBound NONE = new RiskBound(1, 0);

  public RiskBound {
    if (!(maxRisk > 0 && maxRisk <= 1)) {
      throw new IllegalArgumentException("the largest error among decided notes must be in (0, 1]: " + maxRisk);
    }
    if (!(confidence >= 0 && confidence < 1)) {
      throw new IllegalArgumentException("the confidence of the risk bound must be in [0, 1): " + confidence);
    }
  }

  /** Whether this bound is any bound at all. */
  public boolean bounds() {
    return maxRisk < 1;
  }

  /** Whether {@code wrong} of {@code decided} decisions meet the bound (no decision always does). */
  public boolean admits(int wrong, int decided) {
    if (wrong < 0 || wrong > decided) {
      throw new IllegalArgumentException("wrong decisions must be between 0 and " + decided + ": " + wrong);
    }
    if (decided == 0 || !bounds()) {
      return true;
    }
    if (wrong > maxRisk * decided + 1e-12) {
      return false;                         // the upper bound is never below the observed share
    }
    return confidence == 0 || binomialCdf(wrong, decided, maxRisk) <= 1 - confidence;
  }

  /** P(X ≤ k) for X ~ Binomial(n, p), 0 < p < 1, summed in log space (no underflow at large n). */
  static double binomialCdf(int k, int n, double p) {
    double logRatio = Math.log(p) - Math.log1p(-p);
    double logTerm = n * Math.log1p(-p);    // i = 0: (1 − p)^n
    double max = logTerm;
    double[] logs = new double[k + 1];
    logs[0] = logTerm;
    for (int i = 1; i <= k; i++) {
      logTerm += Math.log((double) (n - i + 1) / i) + logRatio;
      logs[i] = logTerm;
      max = Math.max(max, logTerm);
    }
    double sum = 0;
    for (double l : logs) {
      sum += Math.exp(l - max);
    }
    return Math.min(1, Math.exp(max + Math.log(sum)));
  }
}
