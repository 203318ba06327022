// How trust statistics are fitted: the one place of their defaults.
package dev.reason2decide.trust.fit;

import dev.reason2decide.trust.RiskBound;
import dev.reason2decide.trust.TrustFeature;
import java.util.List;

/**
 * Settings of {@link TrustFit}.
 *
 * @param shrinkage λ of the covariance shrinkage, in [0, 1]
 * @param maxTrainNotes at most this many training notes (evenly spaced) for the Gaussians; 0: all
 * @param targetCoverage the share of validation notes the threshold decides
 * @param features the signals the score combines
 * @param batchSize notes per model call
 * @param maxRisk the largest share of wrong decisions among the validation notes the threshold decides (1: no bound)
 * @param riskConfidence the confidence with which the decided validation notes must show it ({@link RiskBound}; 0:
 *     their share itself)
 */
public record TrustSettings(double shrinkage, int maxTrainNotes, double targetCoverage, List<TrustFeature> features,
    int batchSize, double maxRisk, double riskConfidence) {
  /** The signals kept by default (docs/trust.md says what each bought). */
  public static final List<TrustFeature> DEFAULT_FEATURES = List.of(TrustFeature.INPUT_RMD,
      TrustFeature.INPUT_MD, TrustFeature.LABEL_SURPRISE, TrustFeature.TOKEN_MD);

  public TrustSettings {
    features = List.copyOf(features);
    if (!(shrinkage >= 0 && shrinkage <= 1)) {
      throw new IllegalArgumentException("--trust-shrinkage must be in [0, 1]: " + shrinkage);
    }
    if (!(targetCoverage > 0 && targetCoverage <= 1)) {
      throw new IllegalArgumentException("--trust-coverage must be in (0, 1]: " + targetCoverage);
    }
    if (!(maxRisk > 0 && maxRisk <= 1)) {
      throw new IllegalArgumentException("--max-risk must be in (0, 1]: " + maxRisk);
    }
    if (!(riskConfidence >= 0 && riskConfidence < 1)) {
      throw new IllegalArgumentException("--risk-confidence must be in [0, 1): " + riskConfidence);
    }
    if (maxTrainNotes < 0 || batchSize < 1) {
      throw new IllegalArgumentException("--trust-max-train must be ≥ 0 and the batch size ≥ 1");
    }
  }

  /**
   * The defaults: λ 0.1, 2,000 training notes, 98 % coverage, {@link #DEFAULT_FEATURES}, batches of 32, at most 5 %
   * wrong among the decided validation notes (the bound on shifted notes, applied in distribution), shown
   * with 95 % confidence (docs/trust.md, *A risk bound that holds beyond validation*).
   */
  public static TrustSettings defaults() {
    return new TrustSettings(0.1, 2000, 0.98, DEFAULT_FEATURES, 32, 0.05, 0.95);
  }

  /** The bound on wrong decisions the threshold must meet. */
  public RiskBound risk() {
    return new RiskBound(maxRisk, riskConfidence);
  }

  public TrustSettings withMaxRisk(double r) {
    return new TrustSettings(shrinkage, maxTrainNotes, targetCoverage, features, batchSize, r, riskConfidence);
  }

  public TrustSettings withRiskConfidence(double c) {
    return new TrustSettings(shrinkage, maxTrainNotes, targetCoverage, features, batchSize, maxRisk, c);
  }

  public TrustSettings withTargetCoverage(double c) {
    return new TrustSettings(shrinkage, maxTrainNotes, c, features, batchSize, maxRisk, riskConfidence);
  }

  public TrustSettings withShrinkage(double s) {
    return new TrustSettings(s, maxTrainNotes, targetCoverage, features, batchSize, maxRisk, riskConfidence);
  }

  public TrustSettings withMaxTrainNotes(int n) {
    return new TrustSettings(shrinkage, n, targetCoverage, features, batchSize, maxRisk, riskConfidence);
  }

  public TrustSettings withFeatures(List<TrustFeature> f) {
    return new TrustSettings(shrinkage, maxTrainNotes, targetCoverage, f, batchSize, maxRisk, riskConfidence);
  }
}
