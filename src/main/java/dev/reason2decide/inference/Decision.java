// One decision with its rationale: what a clinician sees for a note.
package dev.reason2decide.inference;

import dev.reason2decide.trust.ModelSignals;
import dev.reason2decide.trust.ModelTrust;
import dev.reason2decide.trust.TrustRule;
import java.util.Map;

/**
 * The predicted label, the probability of every label in the label set, the rationale for the label, the label
 * decoder's raw text and what the model says about its own trustworthiness. {@code label} is always one of the
 * labels: when {@code labelText} is not, it is the most probable label and the trust verdict never decides.
 *
 * @param label the decision, one of the model's labels
 * @param probabilities label → probability, in the model's label order
 * @param rationale the generated rationale
 * @param labelText what the label step wrote
 * @param trust the model-side trust signals and rule
 */
public record Decision(String label, Map<String, Double> probabilities, String rationale, String labelText,
    ModelTrust trust) {

  /** A decision without trust signals (tests, samples): the label's probability as its only signal. */
  public Decision(String label, Map<String, Double> probabilities, String rationale) {
    this(label, probabilities, rationale, label, new ModelTrust(signalsOf(label, probabilities), TrustRule.FALLBACK));
  }

  private static ModelSignals signalsOf(String label, Map<String, Double> p) {
    double mine = p.getOrDefault(label, 1.0);
    double other = p.entrySet().stream().filter(e -> !e.getKey().equals(label)).mapToDouble(Map.Entry::getValue)
        .max().orElse(0);
    return new ModelSignals(label, true, mine, mine - other, null, null, null, null, 0);
  }
}
