// Finding support learned from training pairs: a rationale phrase and the note words that always come with it.
package dev.reason2decide.trust;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * For each phrase of the training rationales (three words in a row), a small cover: note words (or two-word
 * sequences) of which every training note whose rationale has the phrase contains at least one ("no response to
 * voice" ← "unresponsive", "no response", "gcs 5"). A rationale that has the phrase for a note with none of its
 * words states a finding the note does not support: a veto. Fitted at {@code r2d trust fit}
 * ({@code trust.fit.PhraseCovers}); stored in trust.json as {@code phrase_support}. Any language the tokeniser below
 * splits into words works; nothing here knows the triage grammar.
 *
 */
public final class PhraseSupport {
  /** No phrases: never vetoes (a trust file written before the check existed). */
  public static final PhraseSupport NONE = new PhraseSupport(List.of());

  private static final Pattern NOTE_WORD = Pattern.compile("[\\p{L}][\\p{L}\\p{N}&']*|\\p{N}+");
  private static final Pattern PHRASE_WORD = Pattern.compile("\\p{L}+(?:['&-]\\p{L}+)*");
  /** Words in a phrase. */
  public static final int PHRASE_WORDS = 3;

  /**
   * @param phrase {@link #PHRASE_WORDS} lower-case words, space-separated
   * @param cover note words or word pairs (lower case), one of which every supporting training note contains
   * @param notes how many training notes with rationales had the phrase
   */
  public record Rule(String phrase, List<String> cover, int notes) {
    public Rule {
      cover = List.copyOf(cover);
      if (cover.isEmpty()) {
        throw new IllegalArgumentException("a phrase-support rule needs at least one note word: " + phrase);
      }
    }
  }

  /**
   * A stretch of the rationale that the note does not support.
   *
   * @param text the stretch of the rationale as written, from its first phrase word to its last (consecutive phrases
   *     with the same cover merged; a word's attached rest such as "2" of "SpO2" or "-4" of "ESI-4" included)
   * @param cover the note words none of which the note has
   */
  public record Gap(String text, List<String> cover) {}

  private final List<Rule> rules;
  private final Map<String, Rule> byPhrase = new HashMap<>();

  /** {@code rules}: phrase → its cover, one rule per phrase. */
  public PhraseSupport(List<Rule> rules) {
    this.rules = List.copyOf(rules);
    for (Rule r : this.rules) {
      if (byPhrase.put(r.phrase(), r) != null) {
        throw new IllegalArgumentException("two phrase-support rules for '" + r.phrase() + "'");
      }
    }
  }

  /** The rules, as fitted. */
  public List<Rule> rules() {
    return rules;
  }

  /** Whether no phrase is known. */
  public boolean isEmpty() {
    return rules.isEmpty();
  }

  /** The stretches of {@code rationale} whose phrases' covers {@code note} lacks (empty when none or no rules). */
  public List<Gap> gaps(String note, String rationale) {
    if (rules.isEmpty() || note == null || rationale == null) {
      return List.of();
    }
    Set<String> words = noteWords(note);
    // the words as phraseWords reads them (the fit's), with their offsets; quoted from the rationale as written
    // wherever lower-casing kept every offset (it does unless a letter changes length, as 'İ' does)
    String lower = rationale.toLowerCase(Locale.ROOT);
    List<int[]> at = spans(PHRASE_WORD, lower);
    List<String> r = at.stream().map(a -> lower.substring(a[0], a[1])).toList();
    String quoted = lower.length() == rationale.length() ? rationale : lower;
    // cover → [first, last] phrase start of the unsupported phrases that share it
    Map<List<String>, int[]> spans = new LinkedHashMap<>();
    for (int i = 0; i + PHRASE_WORDS <= r.size(); i++) {
      Rule rule = byPhrase.get(String.join(" ", r.subList(i, i + PHRASE_WORDS)));
      if (rule == null || rule.cover().stream().anyMatch(words::contains)) {
        continue;
      }
      final int first = i;
      spans.computeIfAbsent(rule.cover(), c -> new int[] {first, first})[1] = first;
    }
    List<Gap> out = new ArrayList<>();
    spans.forEach((cover, s) -> out.add(new Gap(quoted.substring(at.get(s[0])[0],
        wordEnd(quoted, at.get(s[1] + PHRASE_WORDS - 1)[1])), cover)));
    return out;
  }

  /** {@code end} moved past letters and digits attached to the word before it ("SpO2", "ESI-4", "x-ray"). */
  private static int wordEnd(String text, int end) {
    int e = end;
    while (e < text.length() && (Character.isLetterOrDigit(text.charAt(e)) || text.charAt(e) == '-'
        && e + 1 < text.length() && Character.isLetterOrDigit(text.charAt(e + 1)))) {
      e++;
    }
    return e;
  }

  /** The note's lower-case words and adjacent word pairs ("gcs", "5", "gcs 5"). */
  public static Set<String> noteWords(String note) {
    List<String> w = tokens(NOTE_WORD, note);
    Set<String> out = new HashSet<>(w);
    for (int i = 0; i + 1 < w.size(); i++) {
      out.add(w.get(i) + " " + w.get(i + 1));
    }
    return out;
  }

  /** The rationale's lower-case words that phrases are made of (numbers are the numbers check's business). */
  public static List<String> phraseWords(String rationale) {
    return tokens(PHRASE_WORD, rationale);
  }

  /** The phrases of {@code rationale}, each once. */
  public static Set<String> phrases(String rationale) {
    List<String> r = phraseWords(rationale);
    Set<String> out = new HashSet<>();
    for (int i = 0; i + PHRASE_WORDS <= r.size(); i++) {
      out.add(String.join(" ", r.subList(i, i + PHRASE_WORDS)));
    }
    return out;
  }

  private static List<String> tokens(Pattern p, String s) {
    String lower = s.toLowerCase(Locale.ROOT);
    return spans(p, lower).stream().map(a -> lower.substring(a[0], a[1])).toList();
  }

  /** Each match of {@code p} in {@code text}: [start, end). */
  private static List<int[]> spans(Pattern p, String text) {
    List<int[]> out = new ArrayList<>();
    Matcher m = p.matcher(text);
    while (m.find()) {
      out.add(new int[] {m.start(), m.end()});
    }
    return out;
  }
}
