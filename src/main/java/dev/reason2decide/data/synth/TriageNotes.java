// Writes a synthetic triage note from a case, in one of several styles (full sentences, shorthand, charted).
package dev.reason2decide.data.synth;

import dev.reason2decide.data.SeededRandom;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Renders {@link TriageCase}s as short free-text notes (about 40 to 80 tokens) with {@link TriageGrammar#NOTES}. */
final class TriageNotes {
  private TriageNotes() {}

  static String write(TriageCase c, SeededRandom rng) {
    Map<String, String> v = new HashMap<>();
    v.put("mental", rng.pick(c.mental().phrasings()));
    v.put("history", c.history().isEmpty() ? rng.pick(TriageGrammar.NO_HISTORY) : String.join(", ", c.history()));
    v.put("temp", String.format(Locale.ROOT, "%.1f", c.temperature()));
    v.put("sex", c.female() ? rng.pick(TriageGrammar.FEMALE) : rng.pick(TriageGrammar.MALE));
    v.put("sexLetter", c.female() ? "F" : "M");
    v.put("age", String.valueOf(c.age()));
    v.put("complaint", c.complaintText());
    v.put("onset", c.onset());
    v.put("hr", String.valueOf(c.heartRate()));
    v.put("sbp", String.valueOf(c.systolic()));
    v.put("dbp", String.valueOf(c.diastolic()));
    v.put("rr", String.valueOf(c.respiratoryRate()));
    v.put("spo2", String.valueOf(c.spo2()));
    v.put("pain", String.valueOf(c.pain()));
    SlotTemplate t = TriageGrammar.NOTES.get(rng.nextInt(TriageGrammar.NOTES.size()));
    if (t.slots().contains("arrival")) {
      v.put("arrival", rng.pick(TriageGrammar.ARRIVALS));
    }
    return t.render(v);
  }
}
