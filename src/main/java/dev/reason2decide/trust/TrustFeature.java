// The signals a trust score can combine, each oriented so that larger means less trustworthy.
package dev.reason2decide.trust;

import java.util.Locale;

/** A continuous signal of {@link ModelSignals}; {@link #key} is its name in trust.json and in reasons. */
public enum TrustFeature {
  /** −log p(ŷ): how unsure the label step is. */
  LABEL_SURPRISE("the decision's probability is low"),
  /** 1 − (p₁ − p₂): how close the runner-up label is. */
  MARGIN_GAP("another decision is nearly as likely"),
  /** Mahalanobis distance of the note's encoder states to the nearest decision's training notes. */
  INPUT_MD("the note is unlike the training notes"),
  /** The same, relative to the background Gaussian of all training notes. */
  INPUT_RMD("the note is unlike the training notes"),
  /** The largest Mahalanobis distance of one encoder state of the note to the Gaussian of training tokens. */
  TOKEN_MD("a part of the note is unlike the training notes"),
  /** Mahalanobis distance of the rationale's decoder states to the training rationales. */
  OUTPUT_MD("the rationale is unlike the training rationales"),
  /** The same, relative to the background Gaussian. */
  OUTPUT_RMD("the rationale is unlike the training rationales"),
  /** Mean negative log-probability of the generated rationale's tokens. */
  RATIONALE_SURPRISE("the model is unsure of its rationale");

  private final String meaning;

  TrustFeature(String meaning) {
    this.meaning = meaning;
  }

  /** The snake_case name. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** What a high value means, for a reason a reader sees. */
  public String meaning() {
    return meaning;
  }

  /** The feature named {@code key}; an error naming it otherwise. */
  public static TrustFeature of(String key) {
    for (TrustFeature f : values()) {
      if (f.key().equals(key)) {
        return f;
      }
    }
    throw new IllegalArgumentException("unknown trust feature '" + key + "'");
  }
}
