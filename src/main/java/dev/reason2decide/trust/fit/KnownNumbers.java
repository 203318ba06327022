// Numbers the training rationales state without their notes: the task's constants (rule thresholds, counts).
package dev.reason2decide.trust.fit;

import dev.reason2decide.data.Example;
import dev.reason2decide.eval.faith.UnsupportedNumbers;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A gold rationale that states "SpO2 87% (below 92%)" or "3 resources" cites 92 and 3 although the note has neither:
 * they belong to the task, not to the note. A number that gold rationales state without their note in at least
 * 1 % of the training examples (and at least 3 of them) is such a constant; the numbers veto ignores it.
 */
final class KnownNumbers {
  static final String RULE = "numbers gold rationales state without their note in >= 1 % (and >= 3) of the "
      + "training examples";

  private KnownNumbers() {}

  /** The constants of {@code train}, normalised, most frequent first. */
  static List<String> of(List<Example> train) {
    Map<String, Integer> count = new HashMap<>();
    int n = 0;
    for (Example e : train) {
      if (e.rationale() == null || e.rationale().isBlank()) {
        continue;
      }
      n++;
      UnsupportedNumbers.check(e.rationale(), e.input(), List.of(e.label())).unsupported().stream()
          .map(s -> UnsupportedNumbers.normalise(s.text())).distinct().forEach(x -> count.merge(x, 1, Integer::sum));
    }
    int min = Math.max(3, (int) Math.ceil(0.01 * n));
    return count.entrySet().stream().filter(e -> e.getValue() >= min)
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .map(Map.Entry::getKey).toList();
  }
}
