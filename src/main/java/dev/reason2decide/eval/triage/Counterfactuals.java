// Makes counterfactual probes: held-out notes with one deciding finding edited so that the rules give another level.
package dev.reason2decide.eval.triage;

import dev.reason2decide.data.SeededRandom;
import dev.reason2decide.data.synth.Complaint;
import dev.reason2decide.data.synth.MentalStatus;
import dev.reason2decide.data.synth.TriageGrammar;
import dev.reason2decide.data.synth.TriageRules;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * For every note and every {@link Edit} that applies to it, edits one slot of the note's template (the rest of
 * the text is unchanged), re-reads the edited note and keeps it when {@link TriageRules#assess} gives a level other
 * than the note's. New values are drawn with a {@link SeededRandom} seeded by the note's position and the edit, so
 * probes are reproducible. When systolic pressure drops, the diastolic is lowered as the generator does
 * (systolic − 25, at least 30) if it would otherwise not be below the systolic; nothing else changes.
 */
public final class Counterfactuals {
  private Counterfactuals() {}

  /** The probes of {@code notes} (with their ids), at most {@code perEdit} of each edit, in note order. */
  public static List<Probe> probes(List<String> ids, List<String> notes, long seed, int perEdit) {
    if (ids.size() != notes.size()) {
      throw new IllegalArgumentException("one id per note: " + ids.size() + " ids, " + notes.size() + " notes");
    }
    Map<Edit, Integer> made = new HashMap<>();
    List<Probe> out = new ArrayList<>();
    for (int i = 0; i < notes.size(); i++) {
      ParsedNote note = NoteParser.parse(notes.get(i));
      if (note == null) {
        continue;
      }
      for (Edit e : Edit.values()) {
        if (made.getOrDefault(e, 0) >= perEdit) {
          continue;
        }
        Probe p = probe(ids.get(i), note, e, new SeededRandom(seed * 1_000_003L + i * 64L + e.ordinal()));
        if (p != null) {
          out.add(p);
          made.merge(e, 1, Integer::sum);
        }
      }
    }
    return out;
  }

  /** The probe of one edit, or null when the edit does not apply or leaves the level unchanged. */
  public static Probe probe(String id, ParsedNote note, Edit edit, SeededRandom rng) {
    Map<String, String> slots = new HashMap<>(note.slots());
    String old = note.value(edit.fact());
    String neu;
    if (edit.numeric()) {
      String slot = slot(edit.fact());
      if (!edit.appliesTo(Integer.parseInt(slots.get(slot)))) {
        return null;
      }
      int v = rng.between(edit.newFrom(), edit.newTo());
      slots.put(slot, String.valueOf(v));
      if (edit.fact() == Fact.SYSTOLIC && Integer.parseInt(slots.get("dbp")) >= v - 25) {
        slots.put("dbp", String.valueOf(Math.max(30, v - 25)));
      }
      neu = String.valueOf(v);
    } else {
      neu = categorical(edit, note, slots, rng);
      if (neu == null) {
        return null;
      }
    }
    String text = NoteParser.render(note.template(), slots);
    ParsedNote edited = NoteParser.parse(text);
    if (edited == null) {
      throw new IllegalStateException("an edited note no longer parses: " + text);
    }
    int before = TriageRules.assess(note.facts()).level();
    int after = TriageRules.assess(edited.facts()).level();
    return after == before ? null : new Probe(id + "#" + edit.json(), edit, text, old, neu, before, after);
  }

  private static String categorical(Edit edit, ParsedNote note, Map<String, String> slots, SeededRandom rng) {
    MentalStatus mental = note.facts().mental();
    Complaint complaint = note.facts().complaint();
    switch (edit) {
      case CONFUSION_ON, UNRESPONSIVE_ON -> {
        MentalStatus to = edit == Edit.CONFUSION_ON ? MentalStatus.CONFUSED : MentalStatus.UNRESPONSIVE;
        if (mental == to) {
          return null;
        }
        slots.put("mental", rng.pick(to.phrasings()));
        return ParsedNote.mental(to);
      }
      case CONFUSION_OFF, UNRESPONSIVE_OFF -> {
        MentalStatus from = edit == Edit.CONFUSION_OFF ? MentalStatus.CONFUSED : MentalStatus.UNRESPONSIVE;
        if (mental != from) {
          return null;
        }
        slots.put("mental", rng.pick(MentalStatus.ALERT.phrasings()));
        return ParsedNote.mental(MentalStatus.ALERT);
      }
      case HIGH_RISK_COMPLAINT_ON, HIGH_RISK_COMPLAINT_OFF -> {
        boolean on = edit == Edit.HIGH_RISK_COMPLAINT_ON;
        if (complaint.highRisk() == on || complaint == Complaint.COLLAPSE) {
          return null;
        }
        Complaint to = rng.pick(on ? Complaint.HIGH_RISK : Complaint.ROUTINE);
        slots.put("complaint", rng.pick(to.phrasings()));
        return to.name().toLowerCase(Locale.ROOT);
      }
      case ANTICOAGULANT_ON -> {
        if (note.facts().anticoagulated() || complaint.anticoagulatedResources().isEmpty()) {
          return null;
        }
        String drug = rng.pick(TriageGrammar.ANTICOAGULANTS);
        List<String> history = note.facts().history();
        slots.put("history", history.isEmpty() ? drug : String.join(", ", history) + ", " + drug);
        return "yes";
      }
      case ANTICOAGULANT_OFF -> {
        if (!note.facts().anticoagulated()) {
          return null;
        }
        List<String> kept = note.facts().history().stream()
            .filter(h -> !TriageGrammar.ANTICOAGULANTS.contains(h)).toList();
        slots.put("history", kept.isEmpty() ? TriageGrammar.NO_HISTORY.get(0) : String.join(", ", kept));
        return "no";
      }
      default -> throw new IllegalStateException("not a categorical edit: " + edit);
    }
  }

  private static String slot(Fact f) {
    return switch (f) {
      case HEART_RATE -> "hr";
      case SYSTOLIC -> "sbp";
      case RESPIRATORY_RATE -> "rr";
      case SPO2 -> "spo2";
      case PAIN -> "pain";
      default -> throw new IllegalArgumentException("not a numeric finding: " + f);
    };
  }
}
