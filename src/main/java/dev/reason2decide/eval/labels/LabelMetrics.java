// Accuracy, macro/weighted F1 and per-class scores with scikit-learn semantics on generated label strings.
package dev.reason2decide.eval.labels;

import dev.reason2decide.eval.text.PyText;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The reference's label metrics: strings are stripped and an empty prediction becomes {@value #UNKNOWN}; the class
 * set is the union of gold and predicted strings sorted by code point (scikit-learn's {@code unique_labels}), so a
 * malformed prediction is a class of its own with F1 0; precision, recall and F1 use zero_division=0, F1 is
 * {@code 2·tp / (2·tp + fp + fn)} as in scikit-learn ≥ 1.3; macro-F1 averages all classes, weighted-F1 weights
 * them by support. With a fixed label set the averages run over that set only and any other prediction is
 * wrong (scikit-learn's {@code labels=} argument).
 */
public final class LabelMetrics {
  /** What an empty generated label is scored as. */
  public static final String UNKNOWN = "unknown";
  /** Confusion-matrix column for predictions outside a fixed label set. */
  public static final String OTHER = "(other)";

  /** Orders strings by code point, as Python sorts str. */
  public static final Comparator<String> CODE_POINT_ORDER = (a, b) -> {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  };

  private LabelMetrics() {}

  /** A generated or gold label as it is scored: stripped, and {@value #UNKNOWN} when empty or absent. */
  public static String normalize(String raw) {
    String s = raw == null ? "" : PyText.strip(raw);
    return s.isEmpty() ? UNKNOWN : s;
  }

  /** Scores over the union of gold and predicted labels. */
  public static LabelScores score(List<String> gold, List<String> predicted) {
    return compute(gold, predicted, null);
  }

  /**
   * Scores against a fixed label set: averages run over {@code labelSet} only; a prediction outside it is wrong;
   * a gold label outside it is an error.
   */
  public static LabelScores score(List<String> gold, List<String> predicted, Collection<String> labelSet) {
    if (labelSet == null || labelSet.isEmpty()) {
      throw new IllegalArgumentException("the fixed label set is empty");
    }
    return compute(gold, predicted, labelSet);
  }

  private static LabelScores compute(List<String> goldRaw, List<String> predRaw, Collection<String> fixed) {
    if (goldRaw.size() != predRaw.size()) {
      throw new IllegalArgumentException(goldRaw.size() + " gold labels but " + predRaw.size() + " predictions");
    }
    if (goldRaw.isEmpty()) {
      throw new IllegalArgumentException("no examples to score");
    }
    int n = goldRaw.size();
    List<String> gold = goldRaw.stream().map(LabelMetrics::normalize).toList();
    List<String> pred = predRaw.stream().map(LabelMetrics::normalize).toList();
    if (fixed != null) {
      requireInSet(goldRaw, fixed);
    }
    Map<String, Map<String, Long>> pairs = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      pairs.computeIfAbsent(gold.get(i), g -> new LinkedHashMap<>()).merge(pred.get(i), 1L, Long::sum);
    }
    return fromCounts(pairs, fixed);
  }

  /** Fails naming the first example whose gold label (normalized) is not in the fixed label set. */
  public static void requireInSet(List<String> goldRaw, Collection<String> fixed) {
    if (fixed.isEmpty()) {
      throw new IllegalArgumentException("the fixed label set is empty");
    }
    Set<String> set = normalizedSet(fixed);
    for (int i = 0; i < goldRaw.size(); i++) {
      String g = normalize(goldRaw.get(i));
      if (!set.contains(g)) {
        throw new IllegalArgumentException("gold label '" + g + "' of example " + (i + 1)
            + " is not in the fixed label set " + List.copyOf(set));
      }
    }
  }

  private static Set<String> normalizedSet(Collection<String> fixed) {
    Set<String> set = new LinkedHashSet<>();
    for (String l : fixed) {
      set.add(normalize(l));
    }
    return set;
  }

  /**
   * Scores from counts of (gold, predicted) pairs: {@code pairs.get(g).get(p)} examples have gold label {@code g}
   * and predicted label {@code p} (both as {@link #normalize} returns them). The same figures as {@link #score}
   * on the examples the counts came from, so counts summed over parts of a data set (e.g. Spark partitions) give
   * the data set's scores. {@code fixed} is null for the union of gold and predicted labels.
   */
  public static LabelScores fromCounts(Map<String, Map<String, Long>> pairs, Collection<String> fixed) {
    if (fixed != null && fixed.isEmpty()) {
      throw new IllegalArgumentException("the fixed label set is empty");
    }
    long total = 0;
    long correct = 0;
    Set<String> seen = new TreeSet<>(CODE_POINT_ORDER);
    for (Map.Entry<String, Map<String, Long>> g : pairs.entrySet()) {
      seen.add(g.getKey());
      for (Map.Entry<String, Long> p : g.getValue().entrySet()) {
        if (p.getValue() < 0) {
          throw new IllegalArgumentException("negative count " + p.getValue() + " for (" + g.getKey() + ", "
              + p.getKey() + ")");
        }
        seen.add(p.getKey());
        total += p.getValue();
        correct += g.getKey().equals(p.getKey()) ? p.getValue() : 0;
      }
    }
    if (total == 0) {
      throw new IllegalArgumentException("no examples to score");
    }
    List<String> labels;
    if (fixed == null) {
      labels = List.copyOf(seen);
    } else {
      Set<String> set = normalizedSet(fixed);
      labels = List.copyOf(set);
      for (String g : pairs.keySet()) {
        if (!set.contains(g)) {
          throw new IllegalArgumentException("gold label '" + g + "' is not in the fixed label set " + labels);
        }
      }
    }
    Map<String, Integer> index = new LinkedHashMap<>();
    for (String l : labels) {
      index.put(l, index.size());
    }
    long outside = 0;
    for (Map<String, Long> row : pairs.values()) {
      for (Map.Entry<String, Long> p : row.entrySet()) {
        outside += index.containsKey(p.getKey()) ? 0 : p.getValue();
      }
    }
    List<String> columns = new ArrayList<>(labels);
    if (outside > 0) {
      columns.add(OTHER);
    }
    int k = labels.size();
    long[][] matrix = new long[k][columns.size()];
    for (Map.Entry<String, Map<String, Long>> g : pairs.entrySet()) {
      int row = index.get(g.getKey());
      for (Map.Entry<String, Long> p : g.getValue().entrySet()) {
        Integer col = index.get(p.getKey());
        matrix[row][col == null ? k : col] += p.getValue();
      }
    }
    Map<String, ClassScores> per = new LinkedHashMap<>();
    double f1Sum = 0;
    double weighted = 0;
    long supportSum = 0;
    for (int c = 0; c < k; c++) {
      long tp = matrix[c][c];
      long support = 0;
      for (long v : matrix[c]) {
        support += v;
      }
      long predicted = 0;
      for (int r = 0; r < k; r++) {
        predicted += matrix[r][c];
      }
      double p = predicted == 0 ? 0.0 : (double) tp / predicted;
      double r = support == 0 ? 0.0 : (double) tp / support;
      double f1 = support + predicted == 0 ? 0.0 : 2.0 * tp / (support + predicted);
      per.put(labels.get(c), new ClassScores(p, r, f1, (int) support));
      f1Sum += f1;
      weighted += f1 * support;
      supportSum += support;
    }
    double macro = f1Sum / k;
    double weightedF1 = supportSum == 0 ? 0.0 : weighted / supportSum;
    return new LabelScores((int) total, (double) correct / total, macro, weightedF1, labels, per,
        new ConfusionMatrix(labels, List.copyOf(columns), matrix), fixed != null, (int) outside);
  }
}
