// Reads a synthetic triage note back with the generator's own note templates (TriageGrammar.NOTES).
package dev.reason2decide.eval.triage;

import dev.reason2decide.data.synth.Complaint;
import dev.reason2decide.data.synth.MentalStatus;
import dev.reason2decide.data.synth.SlotTemplate;
import dev.reason2decide.data.synth.TriageCase;
import dev.reason2decide.data.synth.TriageGrammar;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Parses notes written by {@code SynthTriage}. A text that is not, word for word, one of the generator's note
 * templates with values from its vocabularies gives null: the exact checks only run on the synthetic set.
 */
public final class NoteParser {
  private static final List<Pattern> READERS = readers();

  private NoteParser() {}

  /** The note's template, slots and facts, or null when {@code note} is not a synthetic triage note. */
  public static ParsedNote parse(String note) {
    if (note == null) {
      return null;
    }
    String text = note.strip();
    for (int t = 0; t < READERS.size(); t++) {
      Map<String, String> s = TriageGrammar.NOTES.get(t).read(READERS.get(t), text);
      if (s != null) {
        TriageCase c = facts(s);
        if (c != null) {
          return new ParsedNote(t, s, c);
        }
      }
    }
    return null;
  }

  /** Writes a note with template {@code template} from {@code slots} (as the generator does). */
  public static String render(int template, Map<String, String> slots) {
    return TriageGrammar.NOTES.get(template).render(slots);
  }

  private static TriageCase facts(Map<String, String> s) {
    Complaint complaint = TriageGrammar.complaintPhrased(s.get("complaint"));
    MentalStatus mental = mentalPhrased(s.get("mental"));
    List<String> history = history(s.get("history"));
    if (complaint == null || mental == null || history == null) {
      return null;
    }
    boolean female = s.containsKey("sexLetter") ? s.get("sexLetter").equals("F")
        : TriageGrammar.FEMALE.contains(s.get("sex"));
    boolean anticoagulated = history.stream().anyMatch(TriageGrammar.ANTICOAGULANTS::contains);
    try {
      return new TriageCase(Integer.parseInt(s.get("age")), female, complaint, s.get("complaint"), s.get("onset"),
          Integer.parseInt(s.get("hr")), Integer.parseInt(s.get("sbp")), Integer.parseInt(s.get("dbp")),
          Integer.parseInt(s.get("rr")), Integer.parseInt(s.get("spo2")), Double.parseDouble(s.get("temp")), mental,
          Integer.parseInt(s.get("pain")), history, anticoagulated, false);
    } catch (NumberFormatException e) {
      return null; // a number too long for an int is not the generator's
    }
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
