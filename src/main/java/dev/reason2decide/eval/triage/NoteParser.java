// Reads a synthetic triage note back: either grammar, and which one it is (grammar 1: TriageGrammar.NOTES word for word).
package dev.reason2decide.eval.triage;

import dev.reason2decide.data.synth.MentalStatus;
import dev.reason2decide.data.synth.SlotTemplate;
import dev.reason2decide.data.synth.TriageGrammar;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Parses notes written by {@code SynthTriage}, in either grammar ({@link NoteScanner}): the exact checks run on
 * synthetic notes. A note that is, word for word, one of the four fixed styles of grammar 1 is reported as grammar 1,
 * in any letter case: read as written first and, only when that fails, ignoring case (a grammar-1 note lower-cased
 * is still grammar 1; {@link ParsedNote#replaced} writes edits in the note's case). The findings are read in any case
 * either way ({@link NoteScanner}). A text without an age, a sex and one complaint of the generator's vocabulary gives
 * null.
 */
public final class NoteParser {
  private static final List<Pattern> READERS = readers();
  private static final List<Pattern> ANY_CASE_READERS = READERS.stream().map(RationaleReaders::anyCase).toList();

  private NoteParser() {}

  /** The note's grammar, case and spans, or null when {@code note} is not a synthetic triage note. */
  public static ParsedNote parse(String note) {
    if (note == null) {
      return null;
    }
    String text = note.strip();
    return NoteScanner.scan(text, grammar1(text) ? 1 : 2);
  }

  /**
   * Whether {@code text} is, word for word, one of grammar 1's note templates with values from its vocabularies: as
   * written, or else in another letter case.
   */
  static boolean grammar1(String text) {
    return grammar1(text, READERS, false) || grammar1(text, ANY_CASE_READERS, true);
  }

  private static boolean grammar1(String text, List<Pattern> readers, boolean anyCase) {
    for (int t = 0; t < readers.size(); t++) {
      Map<String, String> s = TriageGrammar.NOTES.get(t).read(readers.get(t), text);
      if (s != null && complaintPhrased(s.get("complaint"), anyCase) && mentalPhrased(s.get("mental"), anyCase)
          && history(s.get("history"), anyCase)) {
        return true;
      }
    }
    return false;
  }

  private static boolean complaintPhrased(String text, boolean anyCase) {
    return TriageGrammar.complaints().stream().anyMatch(c -> in(c.phrasings(), text, anyCase));
  }

  private static boolean mentalPhrased(String text, boolean anyCase) {
    for (MentalStatus m : MentalStatus.values()) {
      if (in(m.phrasings(), text, anyCase)) {
        return true;
      }
    }
    return false;
  }

  /** Whether a history slot is a no-history phrase or items of the history vocabulary joined by ", ". */
  private static boolean history(String text, boolean anyCase) {
    if (in(TriageGrammar.NO_HISTORY, text, anyCase)) {
      return true;
    }
    for (String item : text.split(", ", -1)) {
      if (!in(TriageGrammar.HISTORY, item, anyCase) && !in(TriageGrammar.ANTICOAGULANTS, item, anyCase)) {
        return false;
      }
    }
    return true;
  }

  private static boolean in(List<String> vocabulary, String text, boolean anyCase) {
    return anyCase ? vocabulary.stream().anyMatch(text::equalsIgnoreCase) : vocabulary.contains(text);
  }

  private static List<Pattern> readers() {
    List<String> mental = new ArrayList<>();
    for (MentalStatus m : MentalStatus.values()) {
      mental.addAll(m.phrasings());
    }
    List<String> phrasings = new ArrayList<>();
    TriageGrammar.complaints().forEach(c -> phrasings.addAll(c.phrasings()));
    List<String> sexes = new ArrayList<>(TriageGrammar.FEMALE);
    sexes.addAll(TriageGrammar.MALE);
    Map<String, String> p = new HashMap<>();
    for (String number : List.of("age", "hr", "sbp", "dbp", "rr", "spo2", "pain")) {
      p.put(number, "\\d{1,4}");
    }
    p.put("temp", "\\d{1,3}\\.\\d");
    p.put("sex", SlotTemplate.anyOf(sexes));
    p.put("sexLetter", "[FM]");
    p.put("complaint", SlotTemplate.anyOf(phrasings));
    p.put("onset", SlotTemplate.anyOf(TriageGrammar.ONSETS));
    p.put("mental", SlotTemplate.anyOf(mental));
    p.put("history", "[^.]+");
    p.put("arrival", SlotTemplate.anyOf(TriageGrammar.ARRIVALS));
    List<Pattern> out = new ArrayList<>();
    for (SlotTemplate t : TriageGrammar.NOTES) {
      out.add(t.reader(p));
    }
    return List.copyOf(out);
  }
}
