// A decision's model-side signals with the rule of the model that made it: a verdict once the rationale is checked.
package dev.reason2decide.trust;

import java.util.List;

/**
 * Inference knows the signals and the model's rule; the rationale checks (which sit above inference) add vetoes.
 *
 * @param signals the model's signals for the decision
 * @param rule the model folder's rule ({@link TrustRule#FALLBACK} without trust statistics)
 * @param knownNumbers numbers the training rationales state without their notes (thresholds, counts: normalised as
 *     {@code UnsupportedNumbers.normalise}); a rationale citing them is not citing numbers the note lacks
 */
public record ModelTrust(ModelSignals signals, TrustRule rule, java.util.Set<String> knownNumbers) {
  public ModelTrust {
    knownNumbers = knownNumbers == null ? java.util.Set.of() : java.util.Set.copyOf(knownNumbers);
  }

  /** Without numbers known from training rationales. */
  public ModelTrust(ModelSignals signals, TrustRule rule) {
    this(signals, rule, java.util.Set.of());
  }

  /** The verdict with the rationale's problems {@code vetoes} (empty when it has none). */
  public TrustVerdict verdict(List<String> vetoes) {
    return rule.verdict(signals, vetoes);
  }
}
