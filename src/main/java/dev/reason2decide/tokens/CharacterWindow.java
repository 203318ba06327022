// Tokenizes only a prefix of a long text when that prefix already holds more tokens than will be kept.
package dev.reason2decide.tokens;

import java.util.function.Function;

/**
 * Cutting by characters before tokenizing, so a 50 MB note costs what a short one does. The first window is
 * {@code needed × longestPiece} characters: while the normaliser keeps every character, no token covers more
 * characters than the longest piece of the vocabulary, so a window that long holds at least {@code needed} tokens.
 * The window is extended to the next whitespace and tokenized; its ids are used only when there are at least
 * {@code needed} of them, which proves the whole text has at least that many too. Tokenizers here pre-split at
 * whitespace ({@code WhitespaceSplit} before Metaspace), so every word before the cut gets the same ids as in the
 * whole text: the first {@code needed} ids are exactly the whole text's. When the window holds fewer (runs of
 * whitespace, characters the normaliser drops, unknown characters fused into one {@code <unk>}) it doubles, up to
 * the whole text, so a note whose tokens would fit is never cut. One exception to exactness: where no whitespace
 * follows within another window's length (one "word" that long), the cut falls inside that word, and the ids of
 * that word near the cut may differ from the whole text's.
 */
final class CharacterWindow {
  /**
   * The ids of a text or of a prefix of it.
   *
   * @param ids ids of {@code text} without special tokens, or of a prefix (then at least {@code needed})
   * @param whole whether {@code ids} are the whole text's
   */
  record Result(long[] ids, boolean whole) {}

  private CharacterWindow() {}

  /**
   * Ids of {@code text} that are exact in their first {@code needed}: the whole text's, or a prefix's that has at
   * least {@code needed} ids. {@code encode} tokenizes without special tokens.
   */
  static Result firstTokens(String text, int needed, int longestPiece, Function<String, long[]> encode) {
    if (needed < 1 || longestPiece < 1) {
      throw new IllegalArgumentException("needed and longestPiece must be positive: " + needed + ", " + longestPiece);
    }
    long window = (long) needed * longestPiece;
    while (window < text.length()) {
      int cut = nextWhitespace(text, (int) window, (int) Math.min(text.length(), 2 * window));
      if (cut >= text.length()) {
        break;
      }
      long[] ids = encode.apply(text.substring(0, cut));
      if (ids.length >= needed) {
        return new Result(ids, false);
      }
      window *= 2;
    }
    return new Result(encode.apply(text), true);
  }

  /** The first whitespace in [{@code from}, {@code to}); {@code from} itself when there is none (a cut in a word). */
  private static int nextWhitespace(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
        return i;
      }
    }
    return from;
  }
}
