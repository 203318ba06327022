// Python str semantics (isspace, split(), strip(), lower()) that the reference metric libraries rely on.
package dev.reason2decide.eval.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Python's whitespace is not Java's: {@code str.split()} and regex {@code \s} also split at U+001C–U+001F, U+0085,
 * U+00A0, U+2007 and U+202F. The metrics here reproduce Python libraries, so they use these helpers.
 */
public final class PyText {
  /** Python's regex {@code \s} (and {@code str.isspace()}) as a Java character class. */
  public static final String SPACE_CLASS =
      "[\\t\\n\\x0B\\f\\r\\x1C-\\x1F \\x85\\xA0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000]";
  /** Python's regex {@code \w} on str patterns: letters, numbers (any script) and the underscore. */
  public static final String WORD_CLASS = "[\\p{L}\\p{N}_]";
  /** Python's regex {@code \b}, built from {@link #WORD_CLASS} (Java 17's {@code \b} uses another definition). */
  public static final String BOUNDARY = "(?:(?<=" + WORD_CLASS + ")(?!" + WORD_CLASS + ")|(?<!" + WORD_CLASS
      + ")(?=" + WORD_CLASS + "))";

  private PyText() {}

  /** Python's {@code str.isspace()} for one code point. */
  public static boolean isSpace(int cp) {
    return Character.isWhitespace(cp) || cp == 0x85 || cp == 0xA0 || cp == 0x2007 || cp == 0x202F;
  }

  /** Python's {@code s.split()}: runs of whitespace separate, no empty pieces. */
  public static List<String> split(String s) {
    List<String> out = new ArrayList<>();
    int start = -1;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      if (isSpace(cp)) {
        if (start >= 0) {
          out.add(s.substring(start, i));
          start = -1;
        }
      } else if (start < 0) {
        start = i;
      }
      i += Character.charCount(cp);
    }
    if (start >= 0) {
      out.add(s.substring(start));
    }
    return out;
  }

  /** Python's {@code s.strip()}. */
  public static String strip(String s) {
    return rstrip(lstrip(s));
  }

  /** Python's {@code s.lstrip()}. */
  public static String lstrip(String s) {
    int i = 0;
    while (i < s.length()) {
      int cp = s.codePointAt(i);
      if (!isSpace(cp)) {
        break;
      }
      i += Character.charCount(cp);
    }
    return s.substring(i);
  }

  /** Python's {@code s.rstrip()}. */
  public static String rstrip(String s) {
    int end = s.length();
    while (end > 0) {
      int cp = s.codePointBefore(end);
      if (!isSpace(cp)) {
        break;
      }
      end -= Character.charCount(cp);
    }
    return s.substring(0, end);
  }

  /** Python's {@code s.lower()} (full Unicode lower-casing, locale independent). */
  public static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }

  /** The code points of {@code s} as strings of one code point each (Python indexes str by code point). */
  public static int[] codePoints(String s) {
    return s.codePoints().toArray();
  }
}
