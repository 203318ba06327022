// One decision with its rationale: what a clinician sees for a note.
package dev.reason2decide.inference;

import java.util.Map;

/** The predicted label, the probability of every label in the label set, and the rationale for the label. */
public record Decision(String label, Map<String, Double> probabilities, String rationale) {}
