// Shares of a group that pass a test: the one counting loop of the triage rates (checks and counterfactual probes).
package dev.reason2decide.eval.triage;

import java.util.List;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;

/** Counts and shares over a list; a share of an empty group is null (0/0 is not a rate). */
final class Shares {
  private Shares() {}

  /** How many of {@code items} pass {@code test}. */
  static <T> int count(List<T> items, Predicate<? super T> test) {
    int k = 0;
    for (T t : items) {
      k += test.test(t) ? 1 : 0;
    }
    return k;
  }

  /** The sum of {@code value} over {@code items}. */
  static <T> int sum(List<T> items, ToIntFunction<? super T> value) {
    int k = 0;
    for (T t : items) {
      k += value.applyAsInt(t);
    }
    return k;
  }

  /** The share of {@code items} that pass {@code test}; null when there are none. */
  static <T> Double of(List<T> items, Predicate<? super T> test) {
    return share(count(items, test), items.size());
  }

  /** k / n; null when n is 0. */
  static Double share(int k, int n) {
    return n == 0 ? null : (double) k / n;
  }

  /** {@code share}, or 0 for an empty group. */
  static double orZero(Double share) {
    return share == null ? 0 : share;
  }
}
