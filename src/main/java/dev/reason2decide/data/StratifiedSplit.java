// Seeded, label-stratified splitting of examples into named parts (train/validation/test) of given sizes.
package dev.reason2decide.data;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Splits so that every part has each label in (as nearly as integers allow) the proportion of the whole.
 * Deterministic: labels are visited in sorted order, each label's examples are shuffled with {@link SeededRandom}
 * from the seed, and each part keeps the input order. Per part and label the count is the floor of its
 * proportional share, the remaining places going to the labels with the largest fractional parts (ties: label
 * order); the last part takes what is left.
 */
public final class StratifiedSplit {
  private StratifiedSplit() {}

  /** Part sizes from fractions by largest remainder (ties: earlier part first); they sum to {@code total}. */
  public static int[] sizes(int total, double... fractions) {
    double sum = 0;
    for (double f : fractions) {
      if (!(f >= 0)) {
        throw new IllegalArgumentException("fractions must be non-negative: " + java.util.Arrays.toString(fractions));
      }
      sum += f;
    }
    if (sum <= 0) {
      throw new IllegalArgumentException("fractions must not all be zero");
    }
    int[] out = new int[fractions.length];
    double[] rest = new double[fractions.length];
    int used = 0;
    for (int i = 0; i < fractions.length; i++) {
      double exact = total * fractions[i] / sum;
      out[i] = (int) Math.floor(exact + 1e-9);
      rest[i] = exact - out[i];
      used += out[i];
    }
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < fractions.length; i++) {
      order.add(i);
    }
    order.sort(Comparator.comparingDouble((Integer i) -> -rest[i]).thenComparing(i -> i));
    for (int k = 0; used < total; k = (k + 1) % order.size()) {
      out[order.get(k)]++;
      used++;
    }
    return out;
  }

  /** Splits by fractions (e.g. 0.8, 0.1, 0.1) of the whole. */
  public static Map<String, List<Example>> byFractions(List<Example> examples, List<String> names, long seed,
      double... fractions) {
    return bySizes(examples, names, seed, sizes(examples.size(), fractions));
  }

  /** Splits into parts of exactly the given sizes, which must sum to the number of examples. */
  public static Map<String, List<Example>> bySizes(List<Example> examples, List<String> names, long seed,
      int... sizes) {
    if (names.size() != sizes.length) {
      throw new IllegalArgumentException(names.size() + " part names but " + sizes.length + " sizes");
    }
    int total = 0;
    for (int s : sizes) {
      if (s < 0) {
        throw new IllegalArgumentException("part sizes must be non-negative: " + java.util.Arrays.toString(sizes));
      }
      total += s;
    }
    int n = examples.size();
    if (total != n) {
      throw new IllegalArgumentException("part sizes sum to " + total + " but there are " + n + " examples");
    }
    Map<Example, Integer> position = new IdentityHashMap<>();
    TreeMap<String, List<Example>> byLabel = new TreeMap<>();
    for (int i = 0; i < n; i++) {
      Example e = examples.get(i);
      position.put(e, i);
      byLabel.computeIfAbsent(e.label(), k -> new ArrayList<>()).add(e);
    }
    SeededRandom rng = new SeededRandom(seed);
    for (List<Example> group : byLabel.values()) {
      rng.shuffle(group);
    }
    List<String> labels = new ArrayList<>(byLabel.keySet());
    int[] taken = new int[labels.size()];
    Map<String, List<Example>> out = new LinkedHashMap<>();
    for (int p = 0; p < sizes.length; p++) {
      int[] quota = p == sizes.length - 1 ? rest(byLabel, labels, taken) : quota(byLabel, labels, taken, sizes[p], n);
      List<Example> part = new ArrayList<>();
      for (int l = 0; l < labels.size(); l++) {
        List<Example> group = byLabel.get(labels.get(l));
        part.addAll(group.subList(taken[l], taken[l] + quota[l]));
        taken[l] += quota[l];
      }
      part.sort(Comparator.comparingInt(position::get));
      if (out.put(names.get(p), part) != null) {
        throw new IllegalArgumentException("part name repeated: " + names.get(p));
      }
    }
    return out;
  }

  private static int[] rest(Map<String, List<Example>> byLabel, List<String> labels, int[] taken) {
    int[] q = new int[labels.size()];
    for (int l = 0; l < q.length; l++) {
      q[l] = byLabel.get(labels.get(l)).size() - taken[l];
    }
    return q;
  }

  private static int[] quota(Map<String, List<Example>> byLabel, List<String> labels, int[] taken, int size,
      int n) {
    int k = labels.size();
    int[] q = new int[k];
    double[] frac = new double[k];
    int[] left = new int[k];
    int used = 0;
    for (int l = 0; l < k; l++) {
      int count = byLabel.get(labels.get(l)).size();
      left[l] = count - taken[l];
      double exact = (double) count * size / n;
      q[l] = Math.min(left[l], (int) Math.floor(exact + 1e-9));
      frac[l] = exact - q[l];
      used += q[l];
    }
    List<Integer> order = new ArrayList<>();
    for (int l = 0; l < k; l++) {
      order.add(l);
    }
    order.sort(Comparator.comparingDouble((Integer l) -> -frac[l]).thenComparing(l -> l));
    while (used < size) {
      boolean progressed = false;
      for (int l : order) {
        if (used < size && q[l] < left[l]) {
          q[l]++;
          used++;
          progressed = true;
        }
        if (used == size) {
          break;
        }
      }
      if (!progressed) {
        throw new IllegalStateException("cannot fill a part of " + size + " from what is left");
      }
    }
    return q;
  }
}
