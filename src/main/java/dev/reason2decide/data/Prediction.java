// What `r2d predict` writes for one example: the decision, its rationale, a probability per label and its trust.
package dev.reason2decide.data;

import java.util.Map;

/**
 * One prediction. {@code goldLabel} and {@code goldRationale} are carried over from the input file when it has
 * them (null otherwise); {@code trust} is the decision's trust verdict, null when the row has none (files written
 * before trust verdicts, the authors' CSV). JSONL field names: id, input, label, rationale, predicted_label,
 * predicted_rationale, probabilities, trust; CSV columns: question, label, rationale, Predicted_Label,
 * Predicted_Rationale (the authors').
 */
public record Prediction(String id, String input, String goldLabel, String goldRationale, String predictedLabel,
    String predictedRationale, Map<String, Double> probabilities, DecisionTrust trust) {

  /** A prediction without a trust verdict. */
  public Prediction(String id, String input, String goldLabel, String goldRationale, String predictedLabel,
      String predictedRationale, Map<String, Double> probabilities) {
    this(id, input, goldLabel, goldRationale, predictedLabel, predictedRationale, probabilities, null);
  }
}
