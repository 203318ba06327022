// Truecasing fitted from training rationales: gives a case-folding model's lower-case rationale its letter case back.
package dev.reason2decide.tokens;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A model whose tokenizer folds case (a {@code Lowercase} normaliser) writes "forearm laceration needs one resource
 * (sutures), so esi-4."; the training rationales it learned from wrote "Forearm laceration ... so ESI-4." This maps
 * the first back to the second with what the training rationales show, nothing written by hand:
 * <ul>
 *   <li><b>Words.</b> A word is a maximal run of letters and digits ({@code [\p{L}\p{N}]+}): "esi-4" is "esi" and
 *       "4", "spo2" is one word. Each word of the training rationales is counted under its lower case
 *       ({@link Locale#ROOT}) in the form it was written; a word that begins a sentence and is written in title case
 *       ("Forearm", "No") counts as its lower case, since a capital there is the sentence's, not the word's. A word's
 *       form is its most frequent one; a tie goes to the form first in {@link String#compareTo} order (capitals
 *       first), so the fit never depends on the order of the rationales.</li>
 *   <li><b>Sentences.</b> A sentence starts the text or follows {@code .}, {@code !} or {@code ?} and white space.
 *       When more than half of the training sentences whose first word begins with a letter begin with a capital,
 *       the first letter of every sentence's first word is capitalised.</li>
 *   <li><b>Applying.</b> Only words written wholly in lower case are recased (a word the model wrote with a capital
 *       stays as it is); a word never seen in training keeps its decoded form, apart from the sentence's capital.
 *       Everything between words (spaces, punctuation) is kept.</li>
 * </ul>
 *
 * @param forms lower-case word to its form, only for words whose form is not their lower case
 * @param sentenceCapital whether a sentence's first letter is capitalised
 * @param fitted what the fit saw: {@code rationales}, {@code words} (occurrences), {@code distinct_words},
 *     {@code sentences}, {@code capitalised_sentences}
 */
public record Truecase(Map<String, String> forms, boolean sentenceCapital, Map<String, Long> fitted) {
  /** Recases nothing: a model folder without a truecase file. */
  public static final Truecase NONE = new Truecase(Map.of(), false, Map.of());

  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
  /** Where a sentence ends: a full stop, question or exclamation mark followed by white space. */
  private static final Pattern SENTENCE_END = Pattern.compile("[.!?]\\s");

  public Truecase {
    forms = Map.copyOf(new TreeMap<>(forms));
    fitted = Map.copyOf(fitted);
  }

  /** Whether this recases anything at all. */
  public boolean isIdentity() {
    return forms.isEmpty() && !sentenceCapital;
  }

  /** Fitted on {@code rationales} (the texts the model learned to write), as the class comment says. */
  public static Truecase fit(List<String> rationales) {
    Map<String, Map<String, Long>> counts = new HashMap<>();
    long words = 0;
    long sentences = 0;
    long capitalised = 0;
    long read = 0;
    for (String r : rationales) {
      if (r == null) {
        continue;
      }
      read++;
      Matcher m = WORD.matcher(r);
      int from = 0;
      while (m.find()) {
        String w = m.group();
        String lower = w.toLowerCase(Locale.ROOT);
        boolean first = startsSentence(r, from, m.start());
        from = m.end();
        String form = w;
        if (first && Character.isLetter(w.codePointAt(0))) {
          sentences++;
          if (Character.isUpperCase(w.codePointAt(0))) {
            capitalised++;
          }
          if (w.equals(capitalise(lower))) {
            form = lower;
          }
        }
        counts.computeIfAbsent(lower, k -> new HashMap<>()).merge(form, 1L, Long::sum);
        words++;
      }
    }
    Map<String, String> forms = new TreeMap<>();
    counts.forEach((lower, byForm) -> {
      String best = null;
      long most = -1;
      for (Map.Entry<String, Long> e : byForm.entrySet()) {
        if (e.getValue() > most || e.getValue() == most && e.getKey().compareTo(best) < 0) {
          best = e.getKey();
          most = e.getValue();
        }
      }
      if (!best.equals(lower)) {
        forms.put(lower, best);
      }
    });
    Map<String, Long> fitted = new TreeMap<>();
    fitted.put("rationales", read);
    fitted.put("words", words);
    fitted.put("distinct_words", (long) counts.size());
    fitted.put("sentences", sentences);
    fitted.put("capitalised_sentences", capitalised);
    return new Truecase(forms, 2 * capitalised > sentences, fitted);
  }

  /** {@code text} recased; the identity for {@link #NONE} and for null. */
  public String apply(String text) {
    if (text == null || isIdentity()) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    Matcher m = WORD.matcher(text);
    int from = 0;
    while (m.find()) {
      out.append(text, from, m.start());
      String w = m.group();
      String lower = w.toLowerCase(Locale.ROOT);
      if (w.equals(lower)) {
        w = forms.getOrDefault(lower, w);
        if (sentenceCapital && startsSentence(text, from, m.start()) && w.equals(lower)) {
          w = capitalise(w);
        }
      }
      out.append(w);
      from = m.end();
    }
    return out.append(text, from, text.length()).toString();
  }

  /** Whether the word at {@code start} is the first of a sentence; {@code after} is where the previous word ended. */
  private static boolean startsSentence(String text, int after, int start) {
    if (after == 0) {
      return true; // no word before it
    }
    return SENTENCE_END.matcher(text).region(after, start).find();
  }

  /** {@code w} with its first code point in upper case. */
  private static String capitalise(String w) {
    int first = w.codePointAt(0);
    int n = Character.charCount(first);
    return new String(Character.toChars(Character.toUpperCase(first))) + w.substring(n);
  }
}
