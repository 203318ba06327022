// Numbers a rationale states that occur nowhere in its input (or in a label): a check that works on any data.
package dev.reason2decide.eval.faith;

import dev.reason2decide.words.NumberWords;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A number is a run of digits, optionally with a decimal part, not glued to a letter ({@code SpO2}, {@code x3} and
 * {@code 3rd} hold none). Numbers compare after normalising: leading zeros and a zero decimal part go, so
 * {@code 37.0} = {@code 37} and {@code 07} = {@code 7}; {@code 94 %} and {@code 94%} are both 94, and {@code 120/80}
 * is two numbers. A number is supported when the input or one of the labels contains it (so "ESI-3" supports 3),
 * in digits or, in the input, spelled out in English ({@link NumberWords}, 0 to 999: "ninety-four" supports 94).
 */
public final class UnsupportedNumbers {
  private static final Pattern NUMBER = Pattern.compile("(?<![\\p{L}\\p{N}.])\\d+(?:\\.\\d+)?(?![\\p{L}\\p{N}])");
  private static final Pattern WORDS = Pattern.compile("(?<![\\p{L}\\p{N}])" + NumberWords.REGEX
      + "(?![\\p{L}\\p{N}])", Pattern.CASE_INSENSITIVE);

  private UnsupportedNumbers() {}

  /**
   * A number in the rationale that the input does not contain.
   *
   * @param text as written
   * @param start offset of its first character in the rationale (UTF-16 units, as JavaScript counts)
   * @param end offset after its last character
   */
  public record Span(String text, int start, int end) {}

  /**
   * One rationale's numbers.
   *
   * @param numbers how many numbers it states
   * @param unsupported those not in the input, in order
   */
  public record Result(int numbers, List<Span> unsupported) {
    public Result {
      unsupported = List.copyOf(unsupported);
    }

    /** Unsupported numbers over numbers stated; null when it states none. */
    public Double share() {
      return numbers == 0 ? null : (double) unsupported.size() / numbers;
    }
  }

  /** The numbers of {@code rationale} not found in {@code input} or {@code labels}. */
  public static Result check(String rationale, String input, List<String> labels) {
    String in = input == null ? "" : input;
    Set<String> known = new HashSet<>(numbers(in));
    Matcher w = WORDS.matcher(in);
    while (w.find()) {
      known.add(String.valueOf(NumberWords.value(w.group())));
    }
    for (String l : labels) {
      known.addAll(numbers(l));
    }
    List<Span> out = new ArrayList<>();
    int n = 0;
    Matcher m = NUMBER.matcher(rationale == null ? "" : rationale);
    while (m.find()) {
      n++;
      if (!known.contains(normalise(m.group()))) {
        out.add(new Span(m.group(), m.start(), m.end()));
      }
    }
    return new Result(n, out);
  }

  /** Every number in {@code text}, normalised. */
  public static List<String> numbers(String text) {
    List<String> out = new ArrayList<>();
    Matcher m = NUMBER.matcher(text);
    while (m.find()) {
      out.add(normalise(m.group()));
    }
    return out;
  }

  /** {@code 007} → {@code 7}, {@code 37.0} → {@code 37}, {@code 37.50} → {@code 37.5}. */
  public static String normalise(String number) {
    String whole = number;
    String frac = "";
    int dot = number.indexOf('.');
    if (dot >= 0) {
      whole = number.substring(0, dot);
      frac = number.substring(dot + 1).replaceAll("0+$", "");
    }
    whole = whole.replaceFirst("^0+(?=\\d)", "");
    return frac.isEmpty() ? whole : whole + "." + frac;
  }
}
