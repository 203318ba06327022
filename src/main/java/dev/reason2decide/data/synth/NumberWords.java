// English words for the whole numbers a triage note holds (0 to 999): "ninety-eight", "one hundred and twelve".
package dev.reason2decide.data.synth;

/** British-style number words, used by the shift suite's number-format rewrite. */
final class NumberWords {
  private static final String[] SMALL = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
      "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
      "nineteen"};
  private static final String[] TENS = {"", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty",
      "ninety"};

  private NumberWords() {}

  /** The words of {@code n}, 0 to 999. */
  static String of(int n) {
    if (n < 0 || n > 999) {
      throw new IllegalArgumentException("number words cover 0 to 999: " + n);
    }
    if (n < 20) {
      return SMALL[n];
    }
    if (n < 100) {
      return TENS[n / 10] + (n % 10 == 0 ? "" : "-" + SMALL[n % 10]);
    }
    return SMALL[n / 100] + " hundred" + (n % 100 == 0 ? "" : " and " + of(n % 100));
  }
}
