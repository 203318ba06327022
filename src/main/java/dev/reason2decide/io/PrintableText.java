// The one escaping of text that reaches a terminal or a log: no control, bidirectional or invisible character.
package dev.reason2decide.io;

import java.util.Locale;

/**
 * Text from outside (a file name, a label in a data file, a request path, a note) is written to terminals and logs
 * through {@link #escape}: it can then neither start a forged line, nor send escape sequences to a terminal, nor
 * reorder or hide what is shown (bidirectional overrides such as U+202E, isolates such as U+2066, zero-width
 * characters such as U+200B). Every command message, serve's request log and its terminal lines use it.
 */
public final class PrintableText {
  private PrintableText() {}

  /** {@link #escape(String, boolean)} without escaping spaces. */
  public static String escape(String text) {
    return escape(text, false);
  }

  /**
   * {@code text} with the backslash doubled, {@code \n}, {@code \r}, {@code \t} as such, every other control
   * character (C0, DEL, C1) as {@code \x1b}, every format character (Unicode category Cf: bidirectional marks,
   * embeddings, overrides and isolates, zero-width spaces and joiners, the byte-order mark, tag characters), the
   * line and paragraph separators and unpaired surrogates as {@code \u202e} (or {@code \U000e0041} beyond the BMP),
   * and, when {@code spaces}, the space as {@code \x20} (so that a log field cannot be split). Letters, accents and
   * emoji are kept.
   */
  public static String escape(String text, boolean spaces) {
    if (text == null) {
      return "null";
    }
    StringBuilder out = new StringBuilder(text.length() + 8);
    text.codePoints().forEach(c -> {
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || (spaces && c == ' ')) {
            out.append(String.format(Locale.ROOT, "\\x%02x", c));
          } else if (hidden(c)) {
            out.append(String.format(Locale.ROOT, c > 0xffff ? "\\U%08x" : "\\u%04x", c));
          } else {
            out.appendCodePoint(c);
          }
        }
      }
    });
    return out.toString();
  }

  /**
   * JSON text (as Gson writes it: control characters already escaped) with the same invisible characters as
   * {@link #escape} written as JSON escapes ({@code \u202e}; beyond the BMP as a surrogate pair), for JSON printed
   * on a terminal: the value a program reads back is unchanged.
   */
  public static String json(String json) {
    StringBuilder out = new StringBuilder(json.length());
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      if (c == 0x7f || (c >= 0x80 && c <= 0x9f) || hidden(c)) {
        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** A format character (Cf), a line or paragraph separator, or a surrogate code point (unpaired). */
  private static boolean hidden(int c) {
    int type = Character.getType(c);
    return type == Character.FORMAT || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
        || type == Character.SURROGATE;
  }
}
