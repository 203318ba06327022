// Makes counterfactual probes: held-out notes with one deciding finding edited so that the rules give another level.
package dev.reason2decide.eval.triage;

import dev.reason2decide.data.SeededRandom;
import dev.reason2decide.data.synth.Complaint;
import dev.reason2decide.data.synth.ComplaintWords;
import dev.reason2decide.data.synth.MentalStatus;
import dev.reason2decide.data.synth.NoteVocabulary;
import dev.reason2decide.data.synth.TriageGrammar;
import dev.reason2decide.data.synth.TriageRules;
import dev.reason2decide.eval.triage.ParsedNote.Span;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * For every note and every {@link Edit} that applies to it, edits the text of one finding where the note writes it
 * (the rest of the text is unchanged; a finding the note does not record is not edited), re-reads the edited note and keeps it when {@link TriageRules#assess} gives a level other
 * than the note's. New values are drawn with a {@link SeededRandom} seeded by the note's position and the edit, so
 * probes are reproducible. When systolic pressure drops, the diastolic is lowered as the generator does
 * (systolic − 25, at least 30) if it would otherwise not be below the systolic; nothing else changes.
 */
public final class Counterfactuals {
  /** The edit key of a grammar-1 history list rewritten whole. */
  private static final String HISTORY_LIST = "history.list";

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
    Map<String, String> edits = new HashMap<>();
    String old = note.value(edit.fact());
    if (old == null) {
      return null; // the note does not record the finding: nothing to edit
    }
    String neu = newValue(edit, note, old, edits, rng);
    if (neu == null) {
      return null;
    }
    String text;
    if (edits.containsKey(HISTORY_LIST)) {
      Span first = note.spans().get("history.0");
      Span last = note.spans().get("history." + (note.facts().history().size() - 1));
      text = note.text().substring(0, first.start()) + edits.get(HISTORY_LIST) + note.text().substring(last.end());
    } else {
      text = note.replaced(edits);
    }
    ParsedNote edited = NoteParser.parse(text);
    if (edited == null) {
      throw new IllegalStateException("an edited note no longer parses: " + text);
    }
    int before = TriageRules.assess(note.facts()).level();
    int after = TriageRules.assess(edited.facts()).level();
    return after == before ? null : new Probe(id + "#" + edit.json(), edit, text, old, neu, before, after);
  }

  /**
   * The finding's new value as the probe reports it, with the text edits recorded in {@code edits}, or null when the
   * edit does not apply to the note. A switch expression over every {@link Edit} without a default case: a new kind of
   * edit does not compile until it has its case here.
   */
  private static String newValue(Edit edit, ParsedNote note, String old, Map<String, String> edits,
      SeededRandom rng) {
    MentalStatus mental = note.facts().mental();
    Complaint complaint = note.facts().complaint();
    return switch (edit) {
      case HEART_RATE_INTO_DANGER, HEART_RATE_OUT_OF_DANGER, HEART_RATE_INTO_CRITICAL, HEART_RATE_OUT_OF_CRITICAL,
          RESPIRATORY_RATE_INTO_DANGER, RESPIRATORY_RATE_OUT_OF_DANGER, SPO2_INTO_DANGER, SPO2_OUT_OF_DANGER,
          SPO2_INTO_CRITICAL, SPO2_OUT_OF_CRITICAL, SYSTOLIC_INTO_DANGER, SYSTOLIC_OUT_OF_DANGER,
          SYSTOLIC_INTO_CRITICAL, SYSTOLIC_OUT_OF_CRITICAL, PAIN_INTO_SEVERE, PAIN_OUT_OF_SEVERE ->
          numeric(edit, note, Integer.parseInt(old), edits, rng);
      case CONFUSION_ON, UNRESPONSIVE_ON -> {
        MentalStatus to = edit == Edit.CONFUSION_ON ? MentalStatus.CONFUSED : MentalStatus.UNRESPONSIVE;
        if (mental == to) {
          yield null;
        }
        edits.put("mental", rng.pick(wordings(note, to)));
        yield ParsedNote.mental(to);
      }
      case CONFUSION_OFF, UNRESPONSIVE_OFF -> {
        MentalStatus from = edit == Edit.CONFUSION_OFF ? MentalStatus.CONFUSED : MentalStatus.UNRESPONSIVE;
        if (mental != from) {
          yield null;
        }
        edits.put("mental", rng.pick(wordings(note, MentalStatus.ALERT)));
        yield ParsedNote.mental(MentalStatus.ALERT);
      }
      case HIGH_RISK_COMPLAINT_ON, HIGH_RISK_COMPLAINT_OFF -> {
        boolean on = edit == Edit.HIGH_RISK_COMPLAINT_ON;
        if (complaint.highRisk() == on || complaint == Complaint.COLLAPSE) {
          yield null;
        }
        Complaint to = rng.pick(on ? Complaint.HIGH_RISK : Complaint.ROUTINE);
        edits.put("complaint", rng.pick(note.grammar() == 1 ? to.phrasings() : ComplaintWords.clinical(to)));
        yield to.name().toLowerCase(Locale.ROOT);
      }
      case ANTICOAGULANT_ON -> {
        if (note.facts().anticoagulated() || complaint.anticoagulatedResources().isEmpty()) {
          yield null;
        }
        String drug = rng.pick(TriageGrammar.ANTICOAGULANTS);
        List<String> history = note.facts().history();
        if (history.isEmpty()) {
          edits.put("history.none", note.grammar() == 1 ? note.text().substring(note.spans().get("history.none")
              .start(), note.text().indexOf(':', note.spans().get("history.none").start()) + 2) + drug
              : "PMH: " + drug);
        } else {
          String last = "history." + (history.size() - 1);
          Span s = note.spans().get(last);
          edits.put(last, note.text().substring(s.start(), s.end()) + ", " + drug);
        }
        yield "yes";
      }
      case ANTICOAGULANT_OFF -> {
        if (!note.facts().anticoagulated()) {
          yield null;
        }
        List<String> history = note.facts().history();
        if (note.grammar() == 1) { // as grammar 1 writes it: the other items, or "none"
          List<String> kept = history.stream().filter(h -> !TriageGrammar.ANTICOAGULANTS.contains(h)).toList();
          edits.put(HISTORY_LIST, kept.isEmpty() ? TriageGrammar.NO_HISTORY.get(0) : String.join(", ", kept));
          yield "no";
        }
        List<String> unused = TriageGrammar.HISTORY.stream().filter(h -> !history.contains(h)).toList();
        for (int i = 0; i < history.size(); i++) {
          if (TriageGrammar.ANTICOAGULANTS.contains(history.get(i))) {
            edits.put("history." + i, rng.pick(unused));
          }
        }
        yield "no";
      }
    };
  }

  /** A number drawn from the edit's range (the diastolic lowered with a falling systolic), or null. */
  private static String numeric(Edit edit, ParsedNote note, int old, Map<String, String> edits, SeededRandom rng) {
    if (!edit.appliesTo(old)) {
      return null;
    }
    int v = edit.newValues().draw(rng);
    edits.put(slot(edit.fact()), String.valueOf(v));
    String dbp = note.value(Fact.DIASTOLIC);
    if (edit.fact() == Fact.SYSTOLIC && dbp != null && Integer.parseInt(dbp) >= v - 25) {
      edits.put("dbp", String.valueOf(Math.max(30, v - 25)));
    }
    return String.valueOf(v);
  }

  /** Grammar 1 notes keep grammar 1's wordings; grammar 2 notes take any. */
  private static List<String> wordings(ParsedNote note, MentalStatus m) {
    return note.grammar() == 1 ? m.phrasings() : NoteVocabulary.mental(m);
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
