// Rewrites of a note's text that keep every finding: letter case, sentence order, a neutral sentence, typos.
package dev.reason2decide.data.synth;

import dev.reason2decide.data.SeededRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Surface rewrites of a whole note, for the shift suite ({@link ShiftSuite}). None changes a number, a negation or
 * a word that states a finding's value, so the note's level and rationale still hold. Sentences are what the
 * generator ends with a full stop and a space ("T 37.2 C. Alert." is two; the decimal point is not a break).
 */
final class TextRewrites {
  /** Sentences a note may carry that say nothing about the presentation. */
  static final List<String> NEUTRAL = List.of("Family at the bedside.", "Patient brought a list of medications.",
      "Registration completed at the front desk.", "Interpreter not required.", "Belongings placed in a bag.",
      "Patient asks how long the wait will be.", "GP letter handed to the nurse.", "Wearing glasses.");
  private static final Pattern SENTENCE_BREAK = Pattern.compile("(?<=\\.) +");
  private static final Pattern WORD = Pattern.compile("\\b[A-Za-z]{4,}\\b");

  private TextRewrites() {}

  static String lower(String note) {
    return note.toLowerCase(Locale.ROOT);
  }

  static String upper(String note) {
    return note.toUpperCase(Locale.ROOT);
  }

  /** The note's sentences in another order (a note of one sentence, or of identical sentences, is unchanged). */
  static String shuffleSentences(String note, SeededRandom rng) {
    List<String> sentences = sentences(note);
    List<String> shuffled = new ArrayList<>(sentences);
    for (int tries = 0; tries < 20 && shuffled.equals(sentences); tries++) {
      rng.shuffle(shuffled);
    }
    if (shuffled.equals(sentences) && sentences.size() > 1) {
      shuffled.add(shuffled.remove(0)); // rotate: differs unless every sentence is the same
    }
    return String.join(" ", shuffled);
  }

  /** One {@link #NEUTRAL} sentence put between two sentences of the note, or at its start or end. */
  static String addSentence(String note, SeededRandom rng) {
    List<String> sentences = new ArrayList<>(sentences(note));
    sentences.add(rng.nextInt(sentences.size() + 1), rng.pick(NEUTRAL));
    return String.join(" ", sentences);
  }

  /**
   * {@code n} typos, each in a different word of four or more letters (words with digits are never touched): two
   * neighbouring letters swapped, a letter dropped, or a letter doubled. Fewer when the note has fewer such words.
   */
  static String typos(String note, int n, SeededRandom rng) {
    List<int[]> words = new ArrayList<>();
    Matcher m = WORD.matcher(note);
    while (m.find()) {
      words.add(new int[] {m.start(), m.end()});
    }
    rng.shuffle(words);
    List<int[]> chosen = new ArrayList<>(words.subList(0, Math.min(n, words.size())));
    chosen.sort((a, b) -> Integer.compare(b[0], a[0])); // right to left, so earlier offsets stay valid
    StringBuilder b = new StringBuilder(note);
    for (int[] w : chosen) {
      String word = b.substring(w[0], w[1]);
      b.replace(w[0], w[1], typo(word, rng));
    }
    return b.toString();
  }

  /** One typo in {@code word} (four or more letters); never the word itself. */
  static String typo(String word, SeededRandom rng) {
    int i = 1 + rng.nextInt(word.length() - 2); // inner letters: first and last stay
    return switch (rng.nextInt(3)) {
      case 0 -> word.charAt(i) != word.charAt(i + 1)
          ? word.substring(0, i) + word.charAt(i + 1) + word.charAt(i) + word.substring(i + 2)
          : word.substring(0, i) + word.substring(i + 1);
      case 1 -> word.substring(0, i) + word.substring(i + 1);
      default -> word.substring(0, i) + word.charAt(i) + word.substring(i);
    };
  }

  static List<String> sentences(String note) {
    return Arrays.asList(SENTENCE_BREAK.split(note.strip()));
  }
}
