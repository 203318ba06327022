// A note with its typos corrected towards the generator's vocabulary, mapping every offset back to the original.
package dev.reason2decide.eval.triage;

import dev.reason2decide.data.synth.Spelling;

/**
 * The text the parser reads: each word replaced by {@link Spelling#correction} (lower case), everything else as
 * written. {@link #original} maps an offset at a word boundary back into the original text.
 */
final class CorrectedText {
  final String text;
  private final int[] toOriginal;

  private CorrectedText(String text, int[] toOriginal) {
    this.text = text;
    this.toOriginal = toOriginal;
  }

  static CorrectedText of(String original) {
    StringBuilder sb = new StringBuilder();
    int[] map = new int[original.length() * 2 + 2];
    int last = 0;
    for (int[] w : Spelling.words(original)) {
      for (int i = last; i < w[0]; i++) {
        map = put(map, sb.length(), i);
        sb.append(original.charAt(i));
      }
      String word = original.substring(w[0], w[1]);
      String fixed = Spelling.correction(word);
      if (fixed.equals(word.toLowerCase(java.util.Locale.ROOT))) {
        fixed = word;
      }
      for (int k = 0; k < fixed.length(); k++) {
        map = put(map, sb.length(), fixed.length() == word.length() ? w[0] + k : w[0]);
        sb.append(fixed.charAt(k));
      }
      last = w[1];
    }
    for (int i = last; i < original.length(); i++) {
      map = put(map, sb.length(), i);
      sb.append(original.charAt(i));
    }
    map = put(map, sb.length(), original.length());
    return new CorrectedText(sb.toString(), java.util.Arrays.copyOf(map, sb.length() + 1));
  }

  private static int[] put(int[] map, int at, int value) {
    int[] m = at < map.length ? map : java.util.Arrays.copyOf(map, map.length * 2 + 2);
    m[at] = value;
    return m;
  }

  /** The original offset of corrected offset {@code i}: a span [s, e) maps to [original(s), original(e)). */
  int original(int i) {
    return toOriginal[i];
  }
}
