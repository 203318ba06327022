// Composed no-finding sentences: every template and part is written, none carries a wording the parser reads.
package dev.reason2decide.data.synth;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reason2decide.data.SeededRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class NoFindingSentencesTest {
  private static final List<String> DRAWN = drawn();

  private static List<String> drawn() {
    SeededRandom rng = new SeededRandom(11);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < 5000; i++) {
      out.add(NoFindingSentences.draw(rng));
    }
    return out;
  }

  @Test
  void everyTemplateAndPartIsWrittenAndReadBack() {
    Pattern reader = NoFindingSentences.reader();
    Set<String> all = new HashSet<>();
    for (String s : DRAWN) {
      assertTrue(reader.matcher(s).matches(), s);
      all.add(s.toLowerCase(Locale.ROOT));
    }
    String joined = String.join("\n", all);
    for (SlotTemplate t : NoFindingSentences.TEMPLATES) {
      String fixed = t.text().replaceAll("\\{[a-z]+}.*", "");
      assertTrue(fixed.isEmpty() || joined.contains(fixed), "template never written: " + t.text());
    }
    NoFindingSentences.PARTS.forEach((slot, parts) -> parts.forEach(p ->
        assertTrue(joined.contains(p), slot + " part never written: " + p)));
    assertTrue(all.size() > 1000, "distinct sentences " + all.size());
  }

  /**
   * Every wording the parser reads as a complaint, mental status, history or onset, as a whole-word pattern on
   * lower-case text: what a text that decides nothing must not hold.
   */
  static Pattern[] findingWordings() {
    List<String> read = new ArrayList<>();
    TriageGrammar.complaints().forEach(c -> read.addAll(ComplaintWords.all(c)));
    for (MentalStatus m : MentalStatus.values()) {
      read.addAll(NoteVocabulary.mental(m));
    }
    NoteVocabulary.HISTORY_WORDS.values().forEach(read::addAll);
    read.addAll(NoteVocabulary.onsets());
    return read.stream().map(w -> Pattern.compile("(?<![a-z])" + Pattern.quote(w.toLowerCase(Locale.ROOT))
        + "(?![a-z])")).toArray(Pattern[]::new);
  }

  @Test
  void noSentenceCarriesAWordingTheParserReadsOrAShiftSuiteSentence() {
    Pattern[] readers = findingWordings();
    Set<String> neutral = new HashSet<>();
    TextRewrites.NEUTRAL.forEach(s -> neutral.add(s.toLowerCase(Locale.ROOT).replaceAll("\\.$", "")));
    for (String s : new HashSet<>(DRAWN)) {
      String low = s.toLowerCase(Locale.ROOT);
      for (Pattern p : readers) {
        assertFalse(p.matcher(low).find(), "'" + s + "' carries the wording " + p);
      }
      assertFalse(neutral.contains(low), "'" + s + "' is a shift-suite sentence");
    }
  }
}
