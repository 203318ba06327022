// Checks shared by the text metrics: hypotheses and references come in pairs.
package dev.reason2decide.eval.text;

import java.util.List;

/** Argument checks for hypothesis/reference lists. */
public final class TextPairs {
  private TextPairs() {}

  /** Throws when the lists differ in length or hold a null. */
  public static void requireSameSize(List<String> hypotheses, List<String> references) {
    if (hypotheses.size() != references.size()) {
      throw new IllegalArgumentException(hypotheses.size() + " hypotheses but " + references.size()
          + " references: each hypothesis needs exactly one reference");
    }
    for (int i = 0; i < hypotheses.size(); i++) {
      if (hypotheses.get(i) == null || references.get(i) == null) {
        throw new IllegalArgumentException("text " + (i + 1) + " is missing (null)");
      }
    }
  }
}
