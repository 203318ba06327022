// Spreadsheet formula injection: how a CSV/TSV cell that a spreadsheet would run as a formula is written and read.
package dev.reason2decide.data;

/**
 * A spreadsheet opening a CSV runs a cell that starts with {@code =}, {@code +}, {@code -} or {@code @} (and, in some,
 * a tab or carriage return) as a formula, so a note such as {@code =HYPERLINK("http://x", "open")} becomes a live
 * link. The writers put an apostrophe before such a cell, which spreadsheets show as text (OWASP's advice). Cells
 * that already start with apostrophes followed by one of those characters get one more, so the escape is
 * reversible: the reader removes exactly one leading apostrophe from a cell of the form {@code '+[=+\-@\t\r]...}
 * and gives every other cell as written. Another program gets the original by the same rule: drop the first
 * character of a cell that starts with one or more apostrophes followed by {@code = + - @}, tab or carriage return.
 */
public final class CsvCells {
  private CsvCells() {}

  private static boolean trigger(char c) {
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
  }

  /** Whether {@code v} is apostrophes (possibly none) followed by a trigger character. */
  private static boolean formulaLike(String v) {
    int i = 0;
    while (i < v.length() && v.charAt(i) == '\'') {
      i++;
    }
    return i < v.length() && trigger(v.charAt(i));
  }

  /** The cell as written: an apostrophe first when a spreadsheet would take it for a formula. */
  public static String escape(String v) {
    return formulaLike(v) ? "'" + v : v;
  }

  /** The original of a cell written by {@link #escape}; other cells unchanged. */
  public static String unescape(String v) {
    return !v.isEmpty() && v.charAt(0) == '\'' && formulaLike(v) ? v.substring(1) : v;
  }
}
