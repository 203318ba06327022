// The words of a tokenizer training corpus, normalised and pre-tokenised as the saved tokenizer.json will do it.
package dev.reason2decide.tokens;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts corpus words the way the written tokenizer sees text: NFKC normalisation, split on Unicode white space
 * (the {@code White_Space} property, as Rust's {@code char::is_whitespace} in the tokenizers library), and a
 * leading {@code ▁} on every word (Metaspace, prepend "always"); with digits split, each numeric character is then a
 * piece of its own (the {@code Digits} pre-tokeniser with {@code individual_digits}: {@code ▁118,} gives {@code ▁},
 * {@code 1}, {@code 1}, {@code 8}, {@code ,}). Sorted for determinism.
 */
public final class WordCounts {
  /** The Metaspace replacement character. */
  public static final String METASPACE = "\u2581";

  private final Map<String, Long> counts = new TreeMap<>();
  private final boolean splitDigits;
  private final boolean splitPunctuation;
  private final boolean lowercase;

  /**
   * With both false, whole words: the layout of tokenizers built before digits were split. Punctuation is split
   * before digits, as the written pre-tokeniser does.
   */
  public WordCounts(boolean splitDigits, boolean splitPunctuation) {
    this(splitDigits, splitPunctuation, false);
  }

  /** As above; {@code lowercase}: text lower-cased after NFKC, as a {@code Lowercase} normaliser does. */
  public WordCounts(boolean splitDigits, boolean splitPunctuation, boolean lowercase) {
    this.splitDigits = splitDigits;
    this.splitPunctuation = splitPunctuation;
    this.lowercase = lowercase;
  }

  /** Adds every word of {@code text} (every piece, with digits or punctuation split), {@code times} times. */
  public void addText(String text, long times) {
    for (String w : words(lowercase ? normalise(text).toLowerCase(java.util.Locale.ROOT) : text)) {
      List<String> pieces = List.of(METASPACE + w);
      if (splitPunctuation) {
        pieces = pieces.stream().flatMap(p -> isolate(p, WordCounts::isPunctuation).stream()).toList();
      }
      if (splitDigits) {
        pieces = pieces.stream().flatMap(p -> digitPieces(p).stream()).toList();
      }
      for (String piece : pieces) {
        counts.merge(piece, times, Long::sum);
      }
    }
  }

  /**
   * Punctuation as the tokenizers library's {@code Punctuation} pre-tokeniser sees it: ASCII punctuation (Rust's
   * {@code is_ascii_punctuation}, which includes symbols such as {@code $+<=>^`|~}) or a Unicode punctuation category.
   */
  static boolean isPunctuation(int cp) {
    if (cp < 128) {
      return (cp >= 33 && cp <= 47) || (cp >= 58 && cp <= 64) || (cp >= 91 && cp <= 96) || (cp >= 123 && cp <= 126);
    }
    int t = Character.getType(cp);
    return t == Character.CONNECTOR_PUNCTUATION || t == Character.DASH_PUNCTUATION
        || t == Character.START_PUNCTUATION || t == Character.END_PUNCTUATION || t == Character.INITIAL_QUOTE_PUNCTUATION
        || t == Character.FINAL_QUOTE_PUNCTUATION || t == Character.OTHER_PUNCTUATION;
  }

  /**
   * {@code word} cut before and after every numeric character (Rust's {@code char::is_numeric}: the Unicode
   * categories Nd, Nl and No), empty pieces dropped: what the tokenizers library's {@code Digits} pre-tokeniser
   * with {@code individual_digits: true} does.
   */
  public static List<String> digitPieces(String word) {
    return isolate(word, WordCounts::isNumeric);
  }

  /** {@code word} cut before and after every character {@code which} accepts, empty pieces dropped. */
  static List<String> isolate(String word, java.util.function.IntPredicate which) {
    List<String> out = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < word.length(); ) {
      int cp = word.codePointAt(i);
      int next = i + Character.charCount(cp);
      if (which.test(cp)) {
        if (i > start) {
          out.add(word.substring(start, i));
        }
        out.add(word.substring(i, next));
        start = next;
      }
      i = next;
    }
    if (start < word.length()) {
      out.add(word.substring(start));
    }
    return out;
  }

  private static boolean isNumeric(int cp) {
    int t = Character.getType(cp);
    return t == Character.DECIMAL_DIGIT_NUMBER || t == Character.LETTER_NUMBER || t == Character.OTHER_NUMBER;
  }

  public Map<String, Long> counts() {
    return counts;
  }

  public boolean isEmpty() {
    return counts.isEmpty();
  }

  /** The text as the tokenizer normalises it. */
  public static String normalise(String text) {
    return Normalizer.normalize(text, Normalizer.Form.NFKC);
  }

  /** The normalised text with white-space runs made single spaces and the ends trimmed (what decode returns). */
  public static String canonical(String text) {
    return String.join(" ", words(text));
  }

  /** Normalised words split on Unicode white space. */
  public static List<String> words(String text) {
    String t = normalise(text);
    List<String> out = new ArrayList<>();
    int start = -1;
    for (int i = 0; i < t.length(); ) {
      int cp = t.codePointAt(i);
      if (isWhiteSpace(cp)) {
        if (start >= 0) {
          out.add(t.substring(start, i));
          start = -1;
        }
      } else if (start < 0) {
        start = i;
      }
      i += Character.charCount(cp);
    }
    if (start >= 0) {
      out.add(t.substring(start));
    }
    return out;
  }

  /** Unicode White_Space (what Rust's char::is_whitespace tests; Java's isWhitespace differs). */
  static boolean isWhiteSpace(int cp) {
    return (cp >= 0x09 && cp <= 0x0D) || cp == 0x20 || cp == 0x85 || cp == 0xA0 || cp == 0x1680
        || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F
        || cp == 0x3000;
  }
}
