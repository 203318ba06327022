// The wording of the nurse and LLM rationale sources: terse and abbreviated, or verbose and hedged.
package dev.reason2decide.data.synth;

import dev.reason2decide.data.synth.TriageRules.Kind;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The rationale sources besides the rules ({@link RationaleSource}), as data. {@link SourcedRationales} writes
 * with these templates and the exact parsers ({@code eval.triage.RationaleParser}) read them, next to
 * {@link TriageGrammar}'s. Every finding wording names one kind of finding, so a parsed reason's kind is the
 * wording's; the first wording of each level-2 vital sign and of pain names the value without a judgement ("a heart
 * rate of 80"), which is how a planted error presents a finding that did not decide the level.
 */
public final class SourceGrammar {
  private SourceGrammar() {}

  /** A nurse's justification: terse, abbreviated, the main finding first, no resource count. */
  public static final RationaleWording NURSE = new RationaleWording("nurse",
      templates("{Findings}. ESI-{level}.", "ESI-{level}: {findings}.", "Resus: {findings}. ESI-{level}."),
      templates("{Findings}, high risk. ESI-{level}.", "ESI-{level} - {findings}.",
          "High risk - {findings}. ESI-{level}."),
      templates("Obs stable.", "Alert, obs stable.", "A&O, {vitals}.", "Obs {vitals}.", "NAD, HR {hr}, sats {spo2}%."),
      List.of(1, 2),
      List.of(templates("{What}{anticoagulant}, needs {resources}. ESI-{level}.",
              "{What}{anticoagulant} - {resources}. ESI-{level}."),
          templates("{What}{anticoagulant}, needs {resources} only. ESI-{level}.",
              "{What}{anticoagulant} - {resources} only. ESI-{level}."),
          templates("{What}{anticoagulant}, no resources. ESI-{level}.",
              "{What}{anticoagulant}, exam only. ESI-{level}.")),
      findings(new String[][] {
          {"unresp", "unresponsive"},
          {"sats {v}% (crit)", "desat {v}%"},
          {"SBP {v} (shock)", "shocked SBP {v}"},
          {"HR {v} (brady)", "brady {v}"},
          {"{complaint}", "{complaint} - high risk"},
          {"confused", "disorientated"},
          {"pain {v}/10", "pain {v}"},
          {"HR {v}", "tachy {v}"},
          {"RR {v}", "tachypnoeic {v}"},
          {"sats {v}%", "SpO2 {v}"},
          {"SBP {v}", "hypotensive {v}"}}),
      Map.of("hr", templates("HR {hr}", "P {hr}"), "sbp+dbp", templates("BP {sbp}/{dbp}"), "sbp",
          templates("SBP {sbp}"), "rr", templates("RR {rr}"), "spo2", templates("sats {spo2}%", "SpO2 {spo2}"),
          "pain", templates("pain {pain}/10", "pain {pain}")),
      " on anticoag", true);

  /** An LLM's justification: verbose, hedged, restating several recorded findings. */
  public static final RationaleWording LLM = new RationaleWording("llm",
      templates("Based on the note, the patient appears to have {findings}. This would likely require immediate "
              + "life-saving intervention, so I would assign ESI-{level}.",
          "Reviewing the recorded observations ({vitals}), the most concerning feature seems to be {findings}. "
              + "Given this, immediate life-saving intervention is probably needed, which suggests ESI-{level}.",
          "It seems the key issue here is {findings}. In my assessment this likely warrants immediate "
              + "resuscitation, so ESI-{level} would be the most appropriate level."),
      templates("Based on the note, the patient appears to have {findings}. This seems to be a high-risk "
              + "presentation that probably should not wait, so I would suggest ESI-{level}.",
          "Reviewing the recorded observations ({vitals}), the most concerning feature seems to be {findings}. "
              + "While immediate life-saving intervention does not appear necessary, this is likely high risk, which "
              + "suggests ESI-{level}.",
          "It seems the key concern here is {findings}. This would likely be considered high risk, so ESI-{level} "
              + "appears appropriate."),
      templates("The patient appears to be alert and the recorded vital signs ({vitals}) all seem to be outside the "
              + "danger zone.",
          "There do not appear to be any high-risk features, and the vital signs ({vitals}) look reassuring.",
          "No danger-zone finding appears to be recorded, and the patient seems to be alert.",
          "Nothing in the note seems to suggest a high-risk presentation.",
          "The patient appears alert, with a heart rate of {hr} and an oxygen saturation of {spo2}%, which seem "
              + "reassuring.",
          "The deciding factor here seems to be {findings}."),
      List.of(0, 2, 4),
      List.of(templates("{What}{anticoagulant} would probably need {resources}, so around {count} resources, which "
              + "likely makes this ESI-{level}.",
              "{What}{anticoagulant} will likely require several resources ({resources}), which suggests "
                  + "ESI-{level}."),
          templates("{What}{anticoagulant} would probably need just one resource ({resources}), so ESI-{level} "
              + "seems appropriate."),
          templates("{What}{anticoagulant} likely needs no resources beyond an examination, so ESI-{level} seems "
              + "reasonable.")),
      findings(new String[][] {
          {"what appears to be unresponsiveness", "an apparently unresponsive patient"},
          {"a critically low oxygen saturation of {v}%", "oxygen saturation of only {v}%"},
          {"a critically low systolic pressure of {v}", "what looks like shock (systolic {v})"},
          {"a critically slow heart rate of {v}", "what seems to be profound bradycardia ({v})"},
          {"{complaint}, which may point to {reason}", "{complaint} (concerning for {reason})"},
          {"what appears to be new confusion", "a possibly altered mental status"},
          {"a pain score of {v}/10", "what seems to be severe pain ({v}/10)"},
          {"a heart rate of {v}", "a possible tachycardia of {v}"},
          {"a respiratory rate of {v}", "what looks like tachypnoea ({v}/min)"},
          {"an oxygen saturation of {v}%", "somewhat low saturations of {v}%"},
          {"a systolic pressure of {v}", "possible hypotension ({v} systolic)"}}),
      Map.of("hr", templates("HR {hr}", "heart rate {hr}"), "sbp+dbp",
          templates("BP {sbp}/{dbp}", "blood pressure {sbp}/{dbp}"), "sbp", templates("systolic {sbp}"), "rr",
          templates("RR {rr}", "respiratory rate {rr}"), "spo2",
          templates("SpO2 {spo2}%", "oxygen saturation {spo2}%"), "pain",
          templates("pain {pain}/10", "a pain score of {pain}")),
      " in a patient on an anticoagulant", false);

  /** Every source with a wording of its own, in the order the parsers try them (after the rules). */
  public static final List<RationaleWording> ALL = List.of(NURSE, LLM);

  /** The wordings by {@link Kind}, in the order of {@link Kind#values()}. */
  private static Map<Kind, List<SlotTemplate>> findings(String[][] byKind) {
    if (byKind.length != Kind.values().length) {
      throw new IllegalStateException("one row of finding wordings per kind is needed");
    }
    Map<Kind, List<SlotTemplate>> m = new EnumMap<>(Kind.class);
    for (Kind k : Kind.values()) {
      m.put(k, templates(byKind[k.ordinal()]));
    }
    return m;
  }

  private static List<SlotTemplate> templates(String... texts) {
    return Arrays.stream(texts).map(SlotTemplate::new).toList();
  }
}
