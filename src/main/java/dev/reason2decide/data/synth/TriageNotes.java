// Writes a synthetic triage note from a case, in one of several styles (full sentences, shorthand, charted).
package dev.reason2decide.data.synth;

import dev.reason2decide.data.SeededRandom;
import java.util.Locale;

/** Renders {@link TriageCase}s as short free-text notes (about 40 to 80 tokens). */
final class TriageNotes {
  private TriageNotes() {}

  static String write(TriageCase c, SeededRandom rng) {
    String mental = rng.pick(c.mental().phrasings());
    String history = c.history().isEmpty() ? rng.pick("none", "nil of note", "no known conditions")
        : String.join(", ", c.history());
    String temp = String.format(Locale.ROOT, "%.1f", c.temperature());
    String sex = c.female() ? rng.pick("woman", "female") : rng.pick("man", "male");
    return switch (rng.nextInt(4)) {
      case 0 -> c.age() + "-year-old " + sex + " with " + c.complaintText() + ", started " + c.onset() + ". HR "
          + c.heartRate() + ", BP " + c.systolic() + "/" + c.diastolic() + ", RR " + c.respiratoryRate() + ", SpO2 "
          + c.spo2() + "% on room air, T " + temp + " C. " + mental + ". Pain " + c.pain() + "/10. History: "
          + history + ".";
      case 1 -> "Pt " + c.age() + (c.female() ? "F" : "M") + " c/o " + c.complaintText() + ", onset " + c.onset()
          + ". Vitals: HR " + c.heartRate() + " bpm, BP " + c.systolic() + "/" + c.diastolic() + " mmHg, RR "
          + c.respiratoryRate() + "/min, SpO2 " + c.spo2() + "% RA, temp " + temp + ". " + mental + ". PMH: "
          + history + ". Pain score " + c.pain() + ".";
      case 2 -> "Triage note: " + sex + ", " + c.age() + " y. Complaint: " + c.complaintText() + " (" + c.onset()
          + "). " + mental + ". Pulse " + c.heartRate() + ", blood pressure " + c.systolic() + "/" + c.diastolic()
          + ", resp rate " + c.respiratoryRate() + ", sats " + c.spo2() + "%, temperature " + temp + ". Pain "
          + c.pain() + "/10. Background: " + history + ".";
      default -> c.age() + "yo " + sex + " arrives " + rng.pick("by ambulance", "walking in", "with family")
          + " with " + c.complaintText() + ", started " + c.onset() + ". Obs: HR " + c.heartRate() + ", BP "
          + c.systolic() + "/" + c.diastolic() + ", RR " + c.respiratoryRate() + ", SpO2 " + c.spo2() + "%, T "
          + temp + ". " + mental + ", pain " + c.pain() + "/10. Hx: " + history + ".";
    };
  }
}
