// Typo correction by one edit: a word outside a vocabulary becomes the one vocabulary word a single edit away.
package dev.reason2decide.words;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One edit is two neighbouring letters swapped, a letter dropped, inserted or replaced (optimal string alignment
 * distance 1). {@link #correction} turns a word that is not in the vocabulary into the vocabulary word one edit away
 * when there is exactly one such word of at least {@code minLength} letters; a word with none or several is left as
 * it is. Shared by the synthetic notes' parser ({@code data.synth.Spelling}, the generator's vocabulary) and the
 * input normaliser of a model ({@code tokens.InputNormaliser}, a vocabulary fitted on its training inputs).
 */
public final class OneEdit {
  private final Set<String> vocabulary;
  private final int minLength;
  /** The vocabulary's words of at least {@code minLength} letters, by length. */
  private final Map<Integer, List<String>> byLength;

  /** A corrector towards {@code vocabulary} (lower-case words), correcting words of at least {@code minLength - 1}. */
  public OneEdit(Set<String> vocabulary, int minLength) {
    this.vocabulary = Set.copyOf(vocabulary);
    this.minLength = minLength;
    Map<Integer, List<String>> m = new HashMap<>();
    new TreeSet<>(vocabulary).stream().filter(w -> w.length() >= minLength)
        .forEach(w -> m.computeIfAbsent(w.length(), k -> new java.util.ArrayList<>()).add(w));
    m.replaceAll((k, v) -> List.copyOf(v));
    this.byLength = Map.copyOf(m);
  }

  public Set<String> vocabulary() {
    return vocabulary;
  }

  /**
   * The vocabulary word {@code word} is a typo of, lower case; {@code word} itself (lower case) when it is in the
   * vocabulary, shorter than {@code minLength - 1} or has no single nearest word.
   */
  public String correction(String word) {
    String w = word.toLowerCase(Locale.ROOT);
    if (w.length() < minLength - 1 || vocabulary.contains(w)) {
      return w;
    }
    String found = null;
    for (int len = w.length() - 1; len <= w.length() + 1; len++) {
      for (String c : byLength.getOrDefault(len, List.of())) {
        if (apart(w, c)) {
          if (found != null) {
            return w;
          }
          found = c;
        }
      }
    }
    return found == null ? w : found;
  }

  /** Whether one swap of neighbours, deletion, insertion or substitution turns {@code a} into {@code b}. */
  public static boolean apart(String a, String b) {
    if (a.equals(b)) {
      return false;
    }
    if (a.length() == b.length()) {
      int first = -1;
      int diffs = 0;
      for (int i = 0; i < a.length(); i++) {
        if (a.charAt(i) != b.charAt(i)) {
          diffs++;
          first = first < 0 ? i : first;
        }
      }
      if (diffs == 1) {
        return true;
      }
      return diffs == 2 && first + 1 < a.length() && a.charAt(first) == b.charAt(first + 1)
          && a.charAt(first + 1) == b.charAt(first) && a.substring(first + 2).equals(b.substring(first + 2));
    }
    String s = a.length() < b.length() ? a : b;
    String l = a.length() < b.length() ? b : a;
    if (l.length() - s.length() != 1) {
      return false;
    }
    int i = 0;
    while (i < s.length() && s.charAt(i) == l.charAt(i)) {
      i++;
    }
    return s.substring(i).equals(l.substring(i + 1));
  }
}
