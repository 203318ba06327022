// The label metrics of one evaluation: accuracy, macro/weighted F1, per-class figures and the confusion matrix.
package dev.reason2decide.eval.labels;

import java.util.List;
import java.util.Map;

/**
 * Label metrics over {@code n} examples. {@code labels} is the class set the averages run over: the sorted union of
 * gold and predicted strings, or the fixed set given by the user ({@code fixedLabelSet} true), in which case
 * {@code outsideLabelSet} predictions were not in it and count as wrong.
 */
public record LabelScores(int n, double accuracy, double macroF1, double weightedF1, List<String> labels,
    Map<String, ClassScores> perClass, ConfusionMatrix confusion, boolean fixedLabelSet, int outsideLabelSet) {}
