// Words a nurse writes around a vital sign that change nothing: how, where or when it was taken ("BP 120/80 sitting").
package dev.reason2decide.data.synth;

import dev.reason2decide.data.SeededRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Real charts qualify a reading — "repeat HR 88", "BP 120/80 sitting", "RR 18 unlaboured", "SpO2 97% good trace" —
 * and a model that has only seen a value right after its name (or before its unit) misreads the value once another
 * word stands between them. Grammar 2 puts a qualifier before or after {@link #RATE} of the vital signs and pain
 * scores it writes, drawn per slot from the lists here. A qualifier holds no digit, no value word and no wording the
 * parser reads as a finding, onset or complaint (a test parses every one back), and its words are in the typo
 * corrector's vocabulary ({@link NoteVocabulary#words()}).
 */
final class VitalQualifiers {
  /** How often a written vital sign or pain score carries a qualifier. */
  static final double RATE = 0.15;
  /** Of those, how often it comes before the reading (else after). */
  static final double BEFORE_SHARE = 0.3;

  /** Qualifiers written before a reading, any slot. */
  static final List<String> BEFORE = List.of("repeat", "manual", "initial", "triage", "resting", "latest",
      "rechecked");

  /** Qualifiers written after a reading, per slot. */
  static final Map<String, List<String>> AFTER = Map.of(
      "hr", List.of("irregular", "irreg", "sinus rhythm", "(palpated)", "(auto)", "at rest", "on arrival",
          "rechecked", "strong", "thready"),
      "bp", List.of("sitting", "standing", "lying", "(auto)", "(manual)", "right arm", "left arm", "rechecked",
          "on arrival", "at triage"),
      "rr", List.of("unlaboured", "unlabored", "shallow", "even", "at rest", "on arrival", "(timed)"),
      "spo2", List.of("good trace", "(finger probe)", "at rest", "on arrival", "(earlobe)", "steady"),
      "temp", List.of("(ear)", "orally", "(forehead)", "on arrival", "at triage", "rechecked"),
      "pain", List.of("at rest", "on movement", "currently", "on arrival", "(self-reported)", "at triage"));

  private VitalQualifiers() {}

  /** {@code reading} as written, or with a qualifier of {@code slot} before or after it. */
  static String qualify(String slot, String reading, SeededRandom rng) {
    List<String> after = AFTER.get(slot);
    if (after == null || !rng.chance(RATE)) {
      return reading;
    }
    return rng.chance(BEFORE_SHARE) ? rng.pick(BEFORE) + " " + reading : reading + " " + rng.pick(after);
  }

  /** Every qualifier text; what the typo corrector's vocabulary takes from here. */
  static List<String> texts() {
    List<String> out = new ArrayList<>(BEFORE);
    AFTER.values().forEach(out::addAll);
    return out;
  }
}
