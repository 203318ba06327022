// NLTK 3.8's NLTKWordTokenizer (the Treebank-style tokenizer behind word_tokenize), rule for rule.
package dev.reason2decide.eval.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The regular expressions of {@code nltk.tokenize.destructive.NLTKWordTokenizer} as released in NLTK 3.8, applied
 * in the same order. Python's {@code \w}, {@code \s}, {@code \d} and {@code \b} are spelled out with
 * {@link PyText}'s classes so that Java's regex engine classifies characters as Python's does. Like NLTK it
 * assumes one sentence at a time: a full stop is split off only at the end of the text.
 */
public final class NltkWordTokenizer {
  private static final String W = PyText.WORD_CLASS;
  private static final String S = PyText.SPACE_CLASS;
  private static final String B = PyText.BOUNDARY;
  private static final String D = "\\p{Nd}";

  private record Rule(Pattern pattern, String replacement) {
    String apply(String text) {
      return pattern.matcher(text).replaceAll(replacement);
    }
  }

  private static Rule rule(String regex, String replacement) {
    return new Rule(Pattern.compile(regex, Pattern.UNICODE_CASE | Pattern.UNIX_LINES), replacement);
  }

  private static final List<Rule> STARTING_QUOTES = List.of(
      rule("([«“‘„]|[`]+)", " $1 "),
      rule("^\"", "``"),
      rule("(``)", " $1 "),
      rule("([ (\\[{<])(\"|'{2})", "$1 `` "),
      rule("(?i)(')(?!re|ve|ll|m|t|s|d|n)(" + W + ")" + B, "$1 $2"));

  private static final List<Rule> PUNCTUATION = List.of(
      rule("([^.])(\\.)([\\])}>\"'»”’ ]*)" + S + "*$", "$1 $2 $3 "),
      rule("([:,])([^" + D + "])", " $1 $2"),
      rule("([:,])$", " $1 "),
      rule("\\.{2,}", " $0 "),
      rule("[;@#$%&]", " $0 "),
      rule("([^.])(\\.)([\\])}>\"']*)" + S + "*$", "$1 $2$3 "),
      rule("[?!]", " $0 "),
      rule("([^'])' ", "$1 ' "),
      rule("[*]", " $0 "));

  private static final Rule PARENS_BRACKETS = rule("[\\]\\[(){}<>]", " $0 ");
  private static final Rule DOUBLE_DASHES = rule("--", " -- ");

  private static final List<Rule> ENDING_QUOTES = List.of(
      rule("([»”’])", " $1 "),
      rule("''", " '' "),
      rule("\"", " '' "),
      rule("([^' ])('[sS]|'[mM]|'[dD]|') ", "$1 $2 "),
      rule("([^' ])('ll|'LL|'re|'RE|'ve|'VE|n't|N'T) ", "$1 $2 "));

  // MacIntyre's contractions; NLTK's (?#X) comments dropped (Java has no inline comments).
  private static final List<Rule> CONTRACTIONS = List.of(
      rule("(?i)" + B + "(can)(not)" + B, " $1 $2 "),
      rule("(?i)" + B + "(d)('ye)" + B, " $1 $2 "),
      rule("(?i)" + B + "(gim)(me)" + B, " $1 $2 "),
      rule("(?i)" + B + "(gon)(na)" + B, " $1 $2 "),
      rule("(?i)" + B + "(got)(ta)" + B, " $1 $2 "),
      rule("(?i)" + B + "(lem)(me)" + B, " $1 $2 "),
      rule("(?i)" + B + "(more)('n)" + B, " $1 $2 "),
      rule("(?i)" + B + "(wan)(na)(?=" + S + ")", " $1 $2 "),
      rule("(?i) ('t)(is)" + B, " $1 $2 "),
      rule("(?i) ('t)(was)" + B, " $1 $2 "));

  private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])" + S + "+");

  /** Tokens of one sentence, as {@code NLTKWordTokenizer().tokenize(text)} returns them. */
  public List<String> tokenize(String text) {
    String t = text;
    for (Rule r : STARTING_QUOTES) {
      t = r.apply(t);
    }
    for (Rule r : PUNCTUATION) {
      t = r.apply(t);
    }
    t = PARENS_BRACKETS.apply(t);
    t = DOUBLE_DASHES.apply(t);
    t = " " + t + " ";
    for (Rule r : ENDING_QUOTES) {
      t = r.apply(t);
    }
    for (Rule r : CONTRACTIONS) {
      t = r.apply(t);
    }
    return PyText.split(t);
  }

  /**
   * The paper's BLEU tokens: lower-case, split sentences at whitespace that follows {@code .}, {@code !} or
   * {@code ?}, then tokenize each sentence (the definition recorded in {@code nltk_bleu_cases.json}).
   */
  public List<String> paperTokens(String text) {
    List<String> out = new ArrayList<>();
    String lowered = PyText.lower(text);
    Matcher m = SENTENCE_END.matcher(lowered);
    int start = 0;
    while (m.find()) {
      out.addAll(tokenize(lowered.substring(start, m.start())));
      start = m.end();
    }
    out.addAll(tokenize(lowered.substring(start)));
    return out;
  }
}
