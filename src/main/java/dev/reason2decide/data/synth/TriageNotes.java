// Writes a synthetic triage note from a case, in one of several styles (full sentences, shorthand, charted).
package dev.reason2decide.data.synth;

import dev.reason2decide.data.SeededRandom;
import java.util.Map;

/** Renders {@link TriageCase}s as short free-text notes (about 40 to 80 tokens) with {@link TriageGrammar#NOTES}. */
final class TriageNotes {
  private TriageNotes() {}

  static String write(TriageCase c, SeededRandom rng) {
    Map<String, String> v = NoteSlots.withoutArrival(c, rng, String::valueOf);
    SlotTemplate t = TriageGrammar.NOTES.get(rng.nextInt(TriageGrammar.NOTES.size()));
    if (t.slots().contains("arrival")) {
      v.put("arrival", rng.pick(TriageGrammar.ARRIVALS));
    }
    return t.render(v);
  }
}
