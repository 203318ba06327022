// The labels a rationale names, on any data: whether it argues for a decision other than the one it explains.
package dev.reason2decide.eval.faith;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The labels of the label set a rationale names, each once, in label-set order. Only labels that cannot be an
 * ordinary word are looked for — those with a character other than a letter ("ESI-4", "level 3", "(B)") — since
 * "no" or "urgent" in a rationale is no statement of a decision. A label is named when it occurs in any letter case
 * with no letter or digit right before or after it ("so esi-4." names ESI-4; "ESI-45" does not).
 */
public final class StatedLabels {
  private StatedLabels() {}

  /** Whether {@code label} is looked for: it has a character that is not a letter. */
  static boolean nameable(String label) {
    return !label.isBlank() && !label.codePoints().allMatch(Character::isLetter);
  }

  /** The nameable labels of {@code labels} that {@code rationale} names. */
  public static List<String> of(String rationale, List<String> labels) {
    List<String> out = new ArrayList<>();
    if (rationale == null) {
      return out;
    }
    for (String l : labels) {
      if (nameable(l) && !out.contains(l) && Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(l.strip())
          + "(?![\\p{L}\\p{N}])", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(rationale).find()) {
        out.add(l);
      }
    }
    return out;
  }

  /**
   * What a rationale naming {@code stated} argues for instead of {@code decided}: the labels it names, joined with
   * "and", when none of them is the decision; null when it names none or names the decision too (as in "not ESI-2,
   * so ESI-3").
   */
  public static String other(String decided, List<String> stated) {
    if (stated.isEmpty() || stated.stream().anyMatch(s -> s.equalsIgnoreCase(decided == null ? "" : decided))) {
      return null;
    }
    return String.join(" and ", stated);
  }
}
