// A synthetic triage note read back into the generator's template, slot values and case facts.
package dev.reason2decide.eval.triage;

import dev.reason2decide.data.synth.MentalStatus;
import dev.reason2decide.data.synth.TriageCase;
import java.util.Locale;
import java.util.Map;

/**
 * A note of the synthetic set: which of {@code TriageGrammar.NOTES} wrote it, the text of every slot, and the case
 * (with {@code borderline} false: the note does not say).
 *
 * @param template index into {@code TriageGrammar.NOTES}
 * @param slots the slot texts
 * @param facts the presentation
 */
public record ParsedNote(int template, Map<String, String> slots, TriageCase facts) {
  public ParsedNote {
    slots = Map.copyOf(slots);
  }

  /** The note's value of a fact, in the canonical form of {@link CitedFinding}. */
  public String value(Fact fact) {
    TriageCase c = facts;
    return switch (fact) {
      case AGE -> String.valueOf(c.age());
      case HEART_RATE -> String.valueOf(c.heartRate());
      case SYSTOLIC -> String.valueOf(c.systolic());
      case DIASTOLIC -> String.valueOf(c.diastolic());
      case RESPIRATORY_RATE -> String.valueOf(c.respiratoryRate());
      case SPO2 -> String.valueOf(c.spo2());
      case PAIN -> String.valueOf(c.pain());
      case MENTAL_STATUS -> mental(c.mental());
      case COMPLAINT -> c.complaint().name().toLowerCase(Locale.ROOT);
      case ANTICOAGULANT -> c.anticoagulated() ? "yes" : "no";
    };
  }

  /** The canonical name of a mental status. */
  public static String mental(MentalStatus m) {
    return m.name().toLowerCase(Locale.ROOT);
  }
}
