// What `r2d predict` writes for one example: the decision, its rationale and a probability per label.
package dev.reason2decide.data;

import java.util.Map;

/**
 * One prediction. {@code goldLabel} and {@code goldRationale} are carried over from the input file when it has
 * them (null otherwise). JSONL field names: id, input, label, rationale, predicted_label, predicted_rationale,
 * probabilities; CSV columns: question, label, rationale, Predicted_Label, Predicted_Rationale (the authors').
 */
public record Prediction(String id, String input, String goldLabel, String goldRationale, String predictedLabel,
    String predictedRationale, Map<String, Double> probabilities) {}
