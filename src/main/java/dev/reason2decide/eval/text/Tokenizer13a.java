// sacreBLEU's default tokenizer "13a" (mteval-v13a), as in sacreBLEU 2.6.0.
package dev.reason2decide.eval.text;

import java.util.List;
import java.util.regex.Pattern;

/**
 * sacreBLEU's {@code Tokenizer13a}: drop {@code <skipped>}, join hyphenated line breaks, unescape four XML
 * entities, then {@code TokenizerRegexp}'s four rules and Python whitespace splitting.
 */
public final class Tokenizer13a {
  private static final Pattern SYMBOLS = Pattern.compile("([{-~\\[-` -&(-+:-@/])");
  private static final Pattern PERIOD_COMMA_AFTER_NON_DIGIT = Pattern.compile("([^0-9])([.,])");
  private static final Pattern PERIOD_COMMA_BEFORE_NON_DIGIT = Pattern.compile("([.,])([^0-9])");
  private static final Pattern DASH_AFTER_DIGIT = Pattern.compile("([0-9])(-)");

  /** Tokens of one line. */
  public List<String> tokenize(String line) {
    String s = line.replace("<skipped>", "").replace("-\n", "").replace("\n", " ");
    if (s.contains("&")) {
      s = s.replace("&quot;", "\"").replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">");
    }
    s = " " + s + " ";
    s = SYMBOLS.matcher(s).replaceAll(" $1 ");
    s = PERIOD_COMMA_AFTER_NON_DIGIT.matcher(s).replaceAll("$1 $2 ");
    s = PERIOD_COMMA_BEFORE_NON_DIGIT.matcher(s).replaceAll(" $1 $2");
    s = DASH_AFTER_DIGIT.matcher(s).replaceAll("$1 $2 ");
    return PyText.split(s);
  }
}
