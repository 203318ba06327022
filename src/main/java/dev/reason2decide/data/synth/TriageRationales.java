// Writes the rationale of a synthetic triage decision: the deciding findings, worded in several ways.
package dev.reason2decide.data.synth;

import dev.reason2decide.data.SeededRandom;
import dev.reason2decide.data.synth.TriageRules.Assessment;
import dev.reason2decide.data.synth.TriageRules.Finding;
import java.util.ArrayList;
import java.util.List;

/** Renders an {@link Assessment} as a 15 to 40 word rationale naming the findings that decided it. */
final class TriageRationales {
  private TriageRationales() {}

  static String write(TriageCase c, Assessment a, SeededRandom rng) {
    return switch (a.level()) {
      case 1 -> level1(a, rng);
      case 2 -> level2(c, a, rng);
      default -> byResources(c, a, rng);
    };
  }

  private static String level1(Assessment a, SeededRandom rng) {
    String f = join(a.findings().stream().map(x -> finding(x, null, rng)).toList());
    return switch (rng.nextInt(3)) {
      case 0 -> capitalise(f) + " " + (a.findings().size() > 1 ? "require" : "requires")
          + " immediate life-saving intervention, so this is ESI-1.";
      case 1 -> "ESI-1 because of " + f + "; the patient needs resuscitation now and cannot wait.";
      default -> "Immediate intervention is needed for " + f + ". This makes the patient level 1 (ESI-1).";
    };
  }

  private static String level2(TriageCase c, Assessment a, SeededRandom rng) {
    String f = join(a.findings().stream().map(x -> finding(x, c, rng)).toList());
    return switch (rng.nextInt(3)) {
      case 0 -> capitalise(f) + " " + (a.findings().size() > 1 ? "make" : "makes")
          + " this a high-risk presentation that should be seen within minutes: ESI-2.";
      case 1 -> "High risk: " + f + ". No immediate life-saving intervention is needed, so ESI-2.";
      default -> "ESI-2. The deciding finding" + (a.findings().size() > 1 ? "s are " : " is ") + f
          + ", which cannot safely wait.";
    };
  }

  private static String byResources(TriageCase c, Assessment a, SeededRandom rng) {
    String stable = rng.pick("Alert with vital signs outside the danger zone (HR " + c.heartRate() + ", RR "
            + c.respiratoryRate() + ", SpO2 " + c.spo2() + "%).",
        "Stable: alert, HR " + c.heartRate() + ", BP " + c.systolic() + "/" + c.diastolic() + ", SpO2 " + c.spo2()
            + "%, pain " + c.pain() + "/10.",
        "No high-risk features and safe vital signs (SpO2 " + c.spo2() + "%, HR " + c.heartRate() + ").");
    String what = capitalise(c.complaint().name()) + (c.anticoagulated()
        && !c.complaint().anticoagulatedResources().isEmpty() ? " on an anticoagulant" : "");
    List<String> r = a.resources();
    return stable + " " + switch (a.level()) {
      case 3 -> what + " will need " + join(r) + ", " + r.size() + " resources, so ESI-3.";
      case 4 -> what + " needs one resource (" + r.get(0) + "), so ESI-4.";
      default -> what + rng.pick(" needs no resources beyond an examination, so ESI-5.",
          " can be managed without tests or procedures: ESI-5.");
    };
  }

  private static String finding(Finding f, TriageCase c, SeededRandom rng) {
    int v = f.value();
    return switch (f.kind()) {
      case UNRESPONSIVE -> rng.pick("unresponsiveness", "no response to voice or pain");
      case CRITICAL_SPO2 -> rng.pick("SpO2 of " + v + "% (below 85%)", "oxygen saturation " + v + "%, under 85%");
      case CRITICAL_SYSTOLIC -> rng.pick("systolic BP " + v + " (below 80)", "shock with a systolic pressure of " + v);
      case CRITICAL_HEART_RATE -> rng.pick("heart rate " + v + " (below 40)", "profound bradycardia of " + v);
      case HIGH_RISK_COMPLAINT -> c.complaint().name() + " (" + c.complaint().riskReason() + ")";
      case CONFUSION -> rng.pick("new confusion", "altered mental status");
      case SEVERE_PAIN -> rng.pick("severe pain (" + v + "/10)", "pain of " + v + "/10");
      case TACHYCARDIA -> rng.pick("heart rate " + v + " (above 100)", "tachycardia of " + v);
      case TACHYPNOEA -> rng.pick("respiratory rate " + v + " (above 20)", "tachypnoea at " + v + "/min");
      case LOW_SPO2 -> rng.pick("SpO2 " + v + "% (below 92%)", "low oxygen saturation of " + v + "%");
      case LOW_SYSTOLIC -> rng.pick("systolic BP " + v + " (below 90)", "hypotension at " + v + " systolic");
    };
  }

  private static String join(List<String> items) {
    if (items.size() == 1) {
      return items.get(0);
    }
    List<String> head = new ArrayList<>(items.subList(0, items.size() - 1));
    return String.join(", ", head) + " and " + items.get(items.size() - 1);
  }

  private static String capitalise(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
