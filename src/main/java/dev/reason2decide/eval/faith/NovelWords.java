// Content words of a rationale found neither in its input nor in the label set: a hallucination signal on any data.
package dev.reason2decide.eval.faith;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * In the spirit of novel n-grams in summarisation faithfulness: a rationale's words are lower-cased runs of letters
 * and digits starting with a letter ({@code spo2}, {@code life-saving}); content words are those not in NLTK's English
 * stop-word list; a content word is novel when neither the input nor any label contains it as a word. Numbers are
 * left to {@link UnsupportedNumbers}.
 */
public final class NovelWords {
  private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}\\p{N}]*(?:['-][\\p{L}\\p{N}]+)*");

  private NovelWords() {}

  /**
   * One rationale's content words.
   *
   * @param contentWords how many it has (with repeats)
   * @param novel those found in neither the input nor the labels, in order (with repeats)
   */
  public record Result(int contentWords, List<String> novel) {
    public Result {
      novel = List.copyOf(novel);
    }

    /** Novel over content words; null when it has none. */
    public Double share() {
      return contentWords == 0 ? null : (double) novel.size() / contentWords;
    }
  }

  /** The novel content words of {@code rationale}. */
  public static Result check(String rationale, String input, List<String> labels) {
    Set<String> known = new HashSet<>(words(input == null ? "" : input));
    for (String l : labels) {
      known.addAll(words(l));
    }
    int content = 0;
    List<String> novel = new ArrayList<>();
    for (String w : words(rationale == null ? "" : rationale)) {
      if (StopWords.ENGLISH.contains(w)) {
        continue;
      }
      content++;
      if (!known.contains(w)) {
        novel.add(w);
      }
    }
    return new Result(content, novel);
  }

  /** The lower-cased words of {@code text}. */
  public static List<String> words(String text) {
    List<String> out = new ArrayList<>();
    Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }
}
