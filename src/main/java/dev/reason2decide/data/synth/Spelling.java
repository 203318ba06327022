// Typos as people make them, and their correction towards the generator's vocabulary: one rule for both sides.
package dev.reason2decide.data.synth;

import dev.reason2decide.data.SeededRandom;
import dev.reason2decide.words.OneEdit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A typo is one edit of a word of at least {@link #MIN_LENGTH} letters: two neighbouring letters swapped, a letter
 * dropped, or a letter doubled. The parser corrects a word that is not in {@link NoteVocabulary#words()} to the one
 * vocabulary word within one such edit ({@link OneEdit}), when there is exactly one; the
 * generator only writes typos that this correction undoes, so every generated note reads back.
 */
public final class Spelling {
  /** Shorter words (HR, BP, sats) are never misspelt nor corrected. */
  public static final int MIN_LENGTH = 5;
  private static final Pattern WORD = Pattern.compile("[A-Za-z]+");
  private static volatile OneEdit corrector;

  private Spelling() {}

  /** The vocabulary typos are corrected towards. */
  public static Set<String> vocabulary() {
    return corrector().vocabulary();
  }

  private static OneEdit corrector() {
    OneEdit c = corrector;
    if (c == null) {
      c = new OneEdit(NoteVocabulary.words(), MIN_LENGTH);
      corrector = c;
    }
    return c;
  }

  /** A typo of {@code word} that {@link #correction} undoes, or null when none is found in a few tries. */
  public static String typo(String word, SeededRandom rng) {
    if (word.length() < MIN_LENGTH || !WORD.matcher(word).matches()) {
      return null;
    }
    for (int tries = 0; tries < 6; tries++) {
      int i = rng.nextInt(word.length() - 1);
      String t = switch (rng.nextInt(3)) {
        case 0 -> word.substring(0, i) + word.charAt(i + 1) + word.charAt(i) + word.substring(i + 2);
        case 1 -> word.substring(0, i) + word.substring(i + 1);
        default -> word.substring(0, i + 1) + word.charAt(i) + word.substring(i + 1);
      };
      if (!t.equalsIgnoreCase(word) && word.toLowerCase(Locale.ROOT).equals(correction(t))) {
        return t;
      }
    }
    return null;
  }

  /**
   * The vocabulary word {@code word} is a typo of, lower case; {@code word} itself (lower case) when it is in the
   * vocabulary, shorter than {@link #MIN_LENGTH} or has no single nearest word ({@link OneEdit#correction}).
   */
  public static String correction(String word) {
    return corrector().correction(word);
  }

  /** The words of {@code text} with their offsets: what {@link #correction} applies to. */
  public static List<int[]> words(String text) {
    List<int[]> out = new ArrayList<>();
    Matcher m = WORD.matcher(text);
    while (m.find()) {
      out.add(new int[] {m.start(), m.end()});
    }
    return out;
  }
}
