// The label step's sequence scores as probabilities over the label set, and the most probable label.
package dev.reason2decide.inference;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Softmax and arg-max of the labels' sequence log-probabilities under {@code predict: x}. */
final class LabelScores {
  private LabelScores() {}

  /** Softmax of sequence log-probabilities over the label set, in the labels' order. */
  static Map<String, Double> probabilities(float[] logp, List<String> labels) {
    double max = Double.NEGATIVE_INFINITY;
    for (float v : logp) {
      max = Math.max(max, v);
    }
    double sum = 0;
    double[] e = new double[logp.length];
    for (int j = 0; j < logp.length; j++) {
      e[j] = Math.exp(logp[j] - max);
      sum += e[j];
    }
    Map<String, Double> p = new LinkedHashMap<>();
    for (int j = 0; j < logp.length; j++) {
      p.put(labels.get(j), e[j] / sum);
    }
    return p;
  }

  /** The index of the largest score (the first of equals). */
  static int argMax(float[] v) {
    int best = 0;
    for (int j = 1; j < v.length; j++) {
      if (v[j] > v[best]) {
        best = j;
      }
    }
    return best;
  }
}
