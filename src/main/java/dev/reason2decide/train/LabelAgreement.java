// Accuracy and macro-F1 of generated label strings, with scikit-learn's semantics, for validation during training.
package dev.reason2decide.train;

import java.util.List;
import java.util.TreeSet;

/**
 * Predictions are stripped and an empty one becomes "unknown"; the class set is the union of gold and predicted
 * strings (a malformed prediction is its own class, F1 0); a class with no predictions or no support has
 * precision or recall 0 (zero_division = 0).
 */
public final class LabelAgreement {
  private LabelAgreement() {}

  /** Cleans a generated label as the reference does. */
  public static String clean(String s) {
    String t = s == null ? "" : s.strip();
    return t.isEmpty() ? "unknown" : t;
  }

  public static double accuracy(List<String> gold, List<String> pred) {
    int ok = 0;
    for (int i = 0; i < gold.size(); i++) {
      ok += gold.get(i).strip().equals(clean(pred.get(i))) ? 1 : 0;
    }
    return gold.isEmpty() ? 0 : (double) ok / gold.size();
  }

  public static double macroF1(List<String> gold, List<String> pred) {
    TreeSet<String> classes = new TreeSet<>();
    for (int i = 0; i < gold.size(); i++) {
      classes.add(gold.get(i).strip());
      classes.add(clean(pred.get(i)));
    }
    double sum = 0;
    for (String c : classes) {
      int tp = 0;
      int fp = 0;
      int fn = 0;
      for (int i = 0; i < gold.size(); i++) {
        boolean g = gold.get(i).strip().equals(c);
        boolean p = clean(pred.get(i)).equals(c);
        tp += g && p ? 1 : 0;
        fp += !g && p ? 1 : 0;
        fn += g && !p ? 1 : 0;
      }
      double precision = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
      double recall = tp + fn == 0 ? 0 : (double) tp / (tp + fn);
      sum += precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    }
    return classes.isEmpty() ? 0 : sum / classes.size();
  }
}
