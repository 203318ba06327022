// The slot values of a synthetic note for one case, with a choice of how its numbers are written.
package dev.reason2decide.data.synth;

import dev.reason2decide.data.SeededRandom;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * What {@link TriageNotes} puts in a note template's slots, for the shift suite ({@link ShiftSuite}), which renders
 * the same case in other ways. The vital-sign and pain values go through {@code number} (plain digits for the
 * generator's own format); the words (sex, mental status, history, arrival) are drawn from the generator's
 * vocabularies. TriageNotes fills its templates with {@link #withoutArrival}, so both read a case the same way.
 */
final class NoteSlots {
  /** The slots whose values are measured numbers (vital signs and the pain score). */
  static final List<String> NUMBERS = List.of("hr", "sbp", "dbp", "rr", "spo2", "pain");

  private NoteSlots() {}

  /** The slot values of {@code c}, numbers in digits. */
  static Map<String, String> of(TriageCase c, SeededRandom rng) {
    return of(c, rng, String::valueOf);
  }

  /** The slot values of {@code c}, each number of {@link #NUMBERS} written by {@code number}. */
  static Map<String, String> of(TriageCase c, SeededRandom rng, IntFunction<String> number) {
    Map<String, String> v = withoutArrival(c, rng, number);
    v.put("arrival", rng.pick(TriageGrammar.ARRIVALS));
    return v;
  }

  /**
   * Every slot but the arrival (which the generator draws only for a template that has it, after choosing the
   * template), drawing from {@code rng} in the generator's order: mental status, history, sex.
   */
  static Map<String, String> withoutArrival(TriageCase c, SeededRandom rng, IntFunction<String> number) {
    Map<String, String> v = new HashMap<>();
    v.put("mental", rng.pick(c.mental().phrasings()));
    v.put("history", c.history().isEmpty() ? rng.pick(TriageGrammar.NO_HISTORY) : String.join(", ", c.history()));
    v.put("temp", String.format(Locale.ROOT, "%.1f", c.temperature()));
    v.put("sex", c.female() ? rng.pick(TriageGrammar.FEMALE) : rng.pick(TriageGrammar.MALE));
    v.put("sexLetter", c.female() ? "F" : "M");
    v.put("age", String.valueOf(c.age()));
    v.put("complaint", c.complaintText());
    v.put("onset", c.onset());
    v.put("hr", number.apply(c.heartRate()));
    v.put("sbp", number.apply(c.systolic()));
    v.put("dbp", number.apply(c.diastolic()));
    v.put("rr", number.apply(c.respiratoryRate()));
    v.put("spo2", number.apply(c.spo2()));
    v.put("pain", number.apply(c.pain()));
    return v;
  }

  /** The generator's note templates whose slots all have values here (a template with unknown slots is skipped). */
  static List<SlotTemplate> generatorTemplates() {
    Map<String, String> known = of(new TriageCase(40, true, Complaint.ROUTINE.get(0), "x", "today", 80, 120, 80, 16,
        98, 37.0, MentalStatus.ALERT, 0, List.of(), false, false), new SeededRandom(0));
    List<SlotTemplate> out = TriageGrammar.NOTES.stream().filter(t -> known.keySet().containsAll(t.slots())).toList();
    if (out.isEmpty()) {
      throw new IllegalStateException("no note template of TriageGrammar.NOTES has only the slots NoteSlots knows");
    }
    return out;
  }
}
