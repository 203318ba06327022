// Whether a text has anything to read: whitespace and invisible format characters (U+200B, U+FEFF, U+202E) do not count.
package dev.reason2decide.io;

/**
 * {@link String#isBlank()} counts only whitespace; a note of zero-width spaces or bidirectional marks passed it and
 * got a decision. Here a text is blank when every character is whitespace, a space separator or a format character
 * (Unicode category Cf: zero-width spaces and joiners, byte-order marks, bidirectional controls, soft hyphens).
 */
public final class BlankText {
  private BlankText() {}

  public static boolean isBlank(String text) {
    return text.codePoints().allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c)
        || Character.getType(c) == Character.FORMAT);
  }
}
