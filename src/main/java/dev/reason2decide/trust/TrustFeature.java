// The signals a trust score can combine, each oriented so that larger means less trustworthy.
package dev.reason2decide.trust;

import java.util.Locale;

/** A continuous signal of {@link ModelSignals}; {@link #key} is its name in trust.json and in reasons. */
public enum TrustFeature {
  /** −log p(ŷ): how unsure the label step is. */
  LABEL_SURPRISE("The model is unsure of this decision"),
  /** 1 − (p₁ − p₂): how close the runner-up label is. */
  MARGIN_GAP("Another decision is nearly as likely"),
  /** Mahalanobis distance of the note's encoder states to the nearest decision's training notes. */
  INPUT_MD("The note is unlike the notes the model learned from"),
  /** The same, relative to the background Gaussian of all training notes. */
  INPUT_RMD("The note is unlike the notes the model learned from"),
  /** The largest Mahalanobis distance of one encoder state of the note to the Gaussian of training tokens. */
  TOKEN_MD("Part of the note is worded unlike the notes the model learned from"),
  /** Mahalanobis distance of the rationale's decoder states to the training rationales. */
  OUTPUT_MD("The explanation is unlike those the model learned to write"),
  /** The same, relative to the background Gaussian. */
  OUTPUT_RMD("The explanation is unlike those the model learned to write"),
  /** Mean negative log-probability of the generated rationale's tokens. */
  RATIONALE_SURPRISE("The model is unsure of its explanation");

  private final String meaning;

  TrustFeature(String meaning) {
    this.meaning = meaning;
  }

  /** The snake_case name. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** What a high value means, as a plain sentence a clinician reads (the figure follows it in a reason). */
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
