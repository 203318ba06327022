// Counts of word n-grams, the common ground of the BLEU variants and ROUGE-N.
package dev.reason2decide.eval.text;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A multiset of n-grams of one order (keys are the n tokens joined by U+0001, which no token contains). */
public final class NgramCounts {
  private final Map<String, Integer> counts = new HashMap<>();
  private int total;

  private NgramCounts() {}

  /** All n-grams of order {@code n} in {@code tokens} (none when there are fewer than n tokens). */
  public static NgramCounts of(List<String> tokens, int n) {
    NgramCounts c = new NgramCounts();
    for (int i = 0; i + n <= tokens.size(); i++) {
      c.counts.merge(String.join("\u0001", tokens.subList(i, i + n)), 1, Integer::sum);
      c.total++;
    }
    return c;
  }

  /** Number of n-grams counted with multiplicity. */
  public int total() {
    return total;
  }

  /** Matches clipped by {@code ref}'s counts: sum over n-grams of min(count here, count in ref). */
  public int clippedMatches(NgramCounts ref) {
    int m = 0;
    for (Map.Entry<String, Integer> e : counts.entrySet()) {
      m += Math.min(e.getValue(), ref.counts.getOrDefault(e.getKey(), 0));
    }
    return m;
  }
}
