// A decision's model-side signals with the rule of the model that made it: a verdict once the rationale is checked.
package dev.reason2decide.trust;

import java.util.List;
import java.util.Set;

/**
 * Inference knows the signals and the model's rule; the rationale checks (which sit above inference) add vetoes.
 *
 * @param signals the model's signals for the decision
 * @param rule the model folder's rule ({@link TrustRule#FALLBACK} without trust statistics)
 * @param knownNumbers numbers the training rationales state without their notes (thresholds, counts: normalised as
 *     {@code UnsupportedNumbers.normalise}); a rationale citing them is not citing numbers the note lacks
 * @param unsupported stretches of the rationale whose learned note words the note lacks ({@link PhraseSupport})
 */
public record ModelTrust(ModelSignals signals, TrustRule rule, Set<String> knownNumbers,
    List<PhraseSupport.Gap> unsupported) {
  public ModelTrust {
    knownNumbers = knownNumbers == null ? Set.of() : Set.copyOf(knownNumbers);
    unsupported = unsupported == null ? List.of() : List.copyOf(unsupported);
  }

  /** Without phrase checks. */
  public ModelTrust(ModelSignals signals, TrustRule rule, Set<String> knownNumbers) {
    this(signals, rule, knownNumbers, List.of());
  }

  /** Without numbers known from training rationales. */
  public ModelTrust(ModelSignals signals, TrustRule rule) {
    this(signals, rule, Set.of());
  }

  /**
   * The trust of a decision whose rationale {@code rationale} was given for {@code note}, under the statistics
   * {@code stats} (null: none; the rule is then {@code rule}).
   */
  public static ModelTrust of(ModelSignals signals, TrustRule rule, TrustFile stats, String note, String rationale) {
    if (stats == null) {
      return new ModelTrust(signals, rule);
    }
    return new ModelTrust(signals, rule, Set.copyOf(stats.knownNumbers()),
        stats.phraseSupport().gaps(note, rationale));
  }

  /** The verdict with the rationale's problems {@code vetoes} (empty when it has none). */
  public TrustVerdict verdict(List<String> vetoes) {
    return rule.verdict(signals, vetoes);
  }
}
