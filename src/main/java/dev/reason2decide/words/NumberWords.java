// English words for the whole numbers a triage note holds (0 to 999), both ways: "ninety-eight" <-> 98.
package dev.reason2decide.words;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * British-style number words ("one hundred and twelve"), written by grammar 2's spelled-out notes and the shift
 * suite's number-format rewrite, and read back by the note parser, the numbers check and the input normaliser
 * ({@code tokens.InputNormaliser}). Reading takes any letter case, a space or hyphen between tens and units, and
 * "hundred" with or without "and".
 */
public final class NumberWords {
  private static final List<String> SMALL = List.of("zero", "one", "two", "three", "four", "five", "six", "seven",
      "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
      "eighteen", "nineteen");
  private static final List<String> TENS = List.of("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy",
      "eighty", "ninety");
  private static final String UNITS = "(?:one|two|three|four|five|six|seven|eight|nine)";
  private static final String BELOW_100 = "(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ]"
      + UNITS + ")?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|" + UNITS
      + "|zero)";
  /** A number in words, 0 to 999 (no groups: embed it in a larger pattern, case-insensitive). */
  public static final String REGEX = "(?:" + UNITS + " hundred(?:(?: and)? " + BELOW_100 + ")?|" + BELOW_100 + ")";
  private static final Pattern WHOLE = Pattern.compile(REGEX, Pattern.CASE_INSENSITIVE);

  private NumberWords() {}

  /** The words of {@code n}, 0 to 999. */
  public static String of(int n) {
    if (n < 0 || n > 999) {
      throw new IllegalArgumentException("number words cover 0 to 999: " + n);
    }
    if (n < 20) {
      return SMALL.get(n);
    }
    if (n < 100) {
      return TENS.get(n / 10) + (n % 10 == 0 ? "" : "-" + SMALL.get(n % 10));
    }
    return SMALL.get(n / 100) + " hundred" + (n % 100 == 0 ? "" : " and " + of(n % 100));
  }

  /** The value of {@code words} (as {@link #REGEX} matches them), or -1 when they are no number in words. */
  public static int value(String words) {
    if (words == null || !WHOLE.matcher(words).matches()) {
      return -1;
    }
    String w = words.toLowerCase(Locale.ROOT).replace('-', ' ');
    int total = 0;
    int hundred = w.indexOf(" hundred");
    if (hundred >= 0) {
      total = 100 * SMALL.indexOf(w.substring(0, hundred));
      w = w.substring(hundred + " hundred".length()).replaceFirst("^ and", "").strip();
      if (w.isEmpty()) {
        return total;
      }
    }
    int space = w.indexOf(' ');
    if (space >= 0) {
      return total + 10 * TENS.indexOf(w.substring(0, space)) + SMALL.indexOf(w.substring(space + 1));
    }
    int small = SMALL.indexOf(w);
    return total + (small >= 0 ? small : 10 * TENS.indexOf(w));
  }
}
