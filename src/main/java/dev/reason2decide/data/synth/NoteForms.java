// The table of forms for every slot of a triage note: the one definition the generator writes and the parser reads.
package dev.reason2decide.data.synth;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every way a note names, abbreviates and gives the unit of each slot. {@code VariedNotes} writes with these
 * forms and {@code eval.triage.NoteScanner} compiles the same texts into readers, so writing and reading share one
 * definition. Value slots: {@code {v}} (a whole number), {@code {sbp}}/{@code {dbp}} (blood pressure), {@code {t}}
 * (Celsius, one decimal), {@code {f}} (Fahrenheit, one decimal), {@code {age}}, {@code {sex}} (a word) or
 * {@code {sexLetter}}, {@code {complaint}}, {@code {onset}} and {@code {history}}. A vital-sign form without a value
 * slot states that the finding is missing. The composed forms ({@code composed}, {@code unit-only}, …) build their
 * names, separators and units from {@link VitalParts}' part slots, drawn independently.
 */
public final class NoteForms {
  private NoteForms() {}

  /** The slots, in the order a charted note lists them. */
  public static final List<String> SLOTS = List.of("intro", "complaint", "onset", "hr", "bp", "rr", "spo2", "temp",
      "pain", "history");
  /** The vital-sign and pain slots (the ones that can be stated missing). */
  public static final List<String> VITAL_SLOTS = List.of("hr", "bp", "rr", "spo2", "temp", "pain");

  /** Every form, by slot. */
  public static final Map<String, List<NoteForm>> FORMS = table();

  /** The forms of {@code slot}. */
  public static List<NoteForm> of(String slot) {
    List<NoteForm> f = FORMS.get(slot);
    if (f == null) {
      throw new IllegalArgumentException("unknown note slot '" + slot + "' (" + String.join(", ", SLOTS) + ")");
    }
    return f;
  }

  /** The form named {@code key} ({@code slot:name}); an unknown one is an error naming the slot's forms. */
  public static NoteForm named(String key) {
    int colon = key.indexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException("a form is named slot:form, e.g. hr:pulse-bpm: '" + key + "'");
    }
    List<NoteForm> forms = of(key.substring(0, colon).strip());
    String name = key.substring(colon + 1).strip();
    for (NoteForm f : forms) {
      if (f.name().equals(name)) {
        return f;
      }
    }
    throw new IllegalArgumentException("no form '" + name + "' in slot " + key.substring(0, colon) + " ("
        + String.join(", ", forms.stream().map(NoteForm::name).toList()) + ")");
  }

  private static Map<String, List<NoteForm>> table() {
    Map<String, List<NoteForm>> m = new LinkedHashMap<>();
    add(m, "intro", "age-yo", "{age}yo {sex}", "age-year-old", "{age}-year-old {sex}", "age-y-o", "{age} y/o {sex}",
        "pt-letter", "Pt {age}{sexLetter}", "letter", "{age}{sexLetter}", "sex-age-y", "{sex}, {age} y",
        "age-years-old", "{age} year old {sex}", "sex-aged", "{sex} aged {age}", "age-slash-letter",
        "{age}/{sexLetter}", "sex-age-yrs", "{sex}, {age} yrs");
    add(m, "complaint", "with", "with {complaint}", "c-o", "c/o {complaint}", "presents-with",
        "presents with {complaint}", "cc", "CC: {complaint}", "complaint-colon", "Complaint: {complaint}",
        "complaining-of", "complaining of {complaint}", "reports", "reports {complaint}", "states",
        "states \"{complaint}\"", "says", "says \"{complaint}\"", "own-words", "in own words: {complaint}");
    add(m, "onset", "started", "started {onset}", "onset", "onset {onset}", "since", "since {onset}", "brackets",
        "({onset})", "began", "began {onset}", "symptoms-since", "symptoms since {onset}");
    add(m, "hr", "hr", "HR {v}", "hr-colon", "HR: {v}", "hr-bpm", "HR {v} bpm", "pulse", "Pulse {v}", "pulse-bpm",
        "pulse {v} bpm", "heart-rate", "heart rate {v}", "heart-rate-of", "heart rate of {v}", "p", "P {v}",
        "hr-equals", "HR={v}", "pr", "PR {v}", "pulse-rate-min", "pulse rate {v}/min", "heart-rate-beats",
        "heart rate {v} beats per minute", "composed", "{hrName}{sep}{v}{hrUnit}", "unit-only", "{v}{hrUnitOnly}",
        "not-recorded", "HR not recorded");
    add(m, "bp", "bp", "BP {sbp}/{dbp}", "bp-colon", "BP: {sbp}/{dbp}", "bp-mmhg", "BP {sbp}/{dbp} mmHg",
        "blood-pressure", "blood pressure {sbp}/{dbp}", "bp-over", "BP {sbp} over {dbp}", "blood-pressure-over",
        "blood pressure {sbp} over {dbp}", "bare", "{sbp}/{dbp}", "nibp", "NIBP {sbp}/{dbp}", "systolic",
        "systolic {sbp}", "sbp", "SBP {sbp}", "composed", "{bpName}{sep}{sbp}{bpJoin}{dbp}{bpUnit}",
        "composed-systolic", "{sbpName}{sep}{sbp}{bpUnit}", "not-taken", "BP not taken");
    add(m, "rr", "rr", "RR {v}", "rr-colon", "RR: {v}", "rr-min", "RR {v}/min", "resp-rate", "resp rate {v}",
        "respiratory-rate", "respiratory rate {v}", "resps", "resps {v}", "breathing", "breathing {v}/min",
        "breathing-at", "breathing at {v} per minute", "r", "R {v}", "breaths", "{v} breaths/min", "composed",
        "{rrName}{sep}{v}{rrUnit}", "unit-only", "{v}{rrUnitOnly}", "not-recorded", "RR not recorded");
    add(m, "spo2", "spo2-room-air", "SpO2 {v}% on room air", "spo2-ra", "SpO2 {v}% RA", "spo2", "SpO2 {v}%",
        "spo2-colon", "SpO2: {v}%", "spo2-bare", "SpO2 {v}", "sats", "sats {v}%", "sats-on-air", "sats {v}% on air",
        "o2-sat", "O2 sat {v}%", "o2-sat-percent", "O2 sat {v} percent", "oxygen-saturation",
        "oxygen saturation {v}%", "sat", "sat {v}%", "pulse-ox", "pulse ox {v}%", "composed",
        "{spo2Name}{sep}{v}{spo2Unit}", "unit-only", "{v}{spo2UnitOnly}", "not-recorded", "SpO2 not recorded",
        "unable", "sats unable to obtain");
    add(m, "temp", "t-c", "T {t} C", "temp", "temp {t}", "temperature", "temperature {t}", "t", "T {t}", "temp-c",
        "temp {t}C", "temp-degrees-c", "temp {t} °C", "temperature-degrees", "temperature {t} degrees", "t-colon",
        "T: {t}", "tympanic", "tympanic temp {t}", "temp-f", "temp {f}F", "composed", "{tempName}{sep}{t}{tempUnit}",
        "composed-f", "{tempName}{sep}{f}{tempUnitF}", "unit-only", "{t}{tempUnitOnly}", "not-taken",
        "temp not taken");
    add(m, "pain", "pain-of-10", "Pain {v}/10", "pain-score", "Pain score {v}", "out-of-10", "pain {v} out of 10",
        "rates", "rates pain {v}/10", "pain-colon", "pain: {v}/10", "nrs", "NRS {v}/10", "pain-bare", "pain {v}",
        "score-first", "{v}/10 pain", "pain-score-colon", "pain score: {v}", "composed",
        "{painName}{sep}{v}{painUnit}", "not-assessed", "pain not assessed", "not-recorded", "pain score not recorded");
    add(m, "history", "history", "History: {history}", "pmh", "PMH: {history}", "background",
        "Background: {history}", "hx", "Hx: {history}", "pmhx", "PMHx {history}", "known", "known {history}",
        "past-history", "past history of {history}");
    return java.util.Collections.unmodifiableMap(m);
  }

  private static void add(Map<String, List<NoteForm>> m, String slot, String... nameText) {
    List<NoteForm> out = new ArrayList<>();
    for (int i = 0; i < nameText.length; i += 2) {
      for (NoteForm f : out) {
        if (f.name().equals(nameText[i])) {
          throw new IllegalStateException("form " + slot + ":" + nameText[i] + " twice");
        }
      }
      out.add(new NoteForm(slot, nameText[i], new SlotTemplate(nameText[i + 1])));
    }
    m.put(slot, List.copyOf(out));
  }
}
