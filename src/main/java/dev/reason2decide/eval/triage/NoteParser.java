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
 * synthetic notes. A note that is, word for word, one of the four fixed styles of grammar 1 is reported as grammar 1.
 * A text without an age, a sex and one complaint of the generator's vocabulary gives null.
 */
public final class NoteParser {
  private static final List<Pattern> READERS = readers();

  private NoteParser() {}

  /** The note's grammar, case and spans, or null when {@code note} is not a synthetic triage note. */
  public static ParsedNote parse(String note) {
    if (note == null) {
      return null;
    }
    String text = note.strip();
    return NoteScanner.scan(text, grammar1(text) ? 1 : 2);
  }

  /** Whether {@code text} is, word for word, one of grammar 1's note templates with values from its vocabularies. */
  static boolean grammar1(String text) {
    for (int t = 0; t < READERS.size(); t++) {
      Map<String, String> s = TriageGrammar.NOTES.get(t).read(READERS.get(t), text);
      if (s != null && TriageGrammar.complaintPhrased(s.get("complaint")) != null
          && mentalPhrased(s.get("mental")) != null && history(s.get("history")) != null) {
        return true;
      }
    }
    return false;
  }

  /** The mental status one of whose phrasings is {@code text}, or null. */
  static MentalStatus mentalPhrased(String text) {
    for (MentalStatus m : MentalStatus.values()) {
      if (m.phrasings().contains(text)) {
        return m;
      }
    }
    return null;
  }

  private static List<String> history(String text) {
    if (TriageGrammar.NO_HISTORY.contains(text)) {
      return List.of();
    }
    List<String> items = new ArrayList<>();
    for (String item : text.split(", ", -1)) {
      if (!TriageGrammar.HISTORY.contains(item) && !TriageGrammar.ANTICOAGULANTS.contains(item)) {
        return null;
      }
      items.add(item);
    }
    return items;
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
