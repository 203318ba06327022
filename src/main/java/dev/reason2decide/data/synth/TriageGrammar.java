// The wording of the synthetic triage set in one place: note templates, vocabularies and rationale templates.
package dev.reason2decide.data.synth;

import static dev.reason2decide.data.synth.TriageRules.CRITICAL_HEART_RATE;
import static dev.reason2decide.data.synth.TriageRules.CRITICAL_SPO2;
import static dev.reason2decide.data.synth.TriageRules.CRITICAL_SYSTOLIC;
import static dev.reason2decide.data.synth.TriageRules.DANGER_HEART_RATE;
import static dev.reason2decide.data.synth.TriageRules.DANGER_RESPIRATORY_RATE;
import static dev.reason2decide.data.synth.TriageRules.DANGER_SPO2;
import static dev.reason2decide.data.synth.TriageRules.DANGER_SYSTOLIC;

import dev.reason2decide.data.synth.TriageRules.Kind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the generator writes, as data: {@link TriageNotes} and {@link TriageRationales} render these
 * templates, and the faithfulness checks ({@code eval.triage}) read the same templates backwards. Changing a
 * wording here changes both sides.
 */
public final class TriageGrammar {
  private TriageGrammar() {}

  /**
   * Note templates, in the order the generator draws them. Slots: age, sex (a word), sexLetter (F or M),
   * complaint (a phrasing), onset, hr, sbp, dbp, rr, spo2, temp (one decimal), mental (a phrasing), pain,
   * history (items joined by ", ", or a {@link #NO_HISTORY} phrase) and arrival.
   */
  public static final List<SlotTemplate> NOTES = List.of(
      new SlotTemplate("{age}-year-old {sex} with {complaint}, started {onset}. HR {hr}, BP {sbp}/{dbp}, RR {rr}, "
          + "SpO2 {spo2}% on room air, T {temp} C. {mental}. Pain {pain}/10. History: {history}."),
      new SlotTemplate("Pt {age}{sexLetter} c/o {complaint}, onset {onset}. Vitals: HR {hr} bpm, BP {sbp}/{dbp} mmHg, "
          + "RR {rr}/min, SpO2 {spo2}% RA, temp {temp}. {mental}. PMH: {history}. Pain score {pain}."),
      new SlotTemplate("Triage note: {sex}, {age} y. Complaint: {complaint} ({onset}). {mental}. Pulse {hr}, blood "
          + "pressure {sbp}/{dbp}, resp rate {rr}, sats {spo2}%, temperature {temp}. Pain {pain}/10. Background: "
          + "{history}."),
      new SlotTemplate("{age}yo {sex} arrives {arrival} with {complaint}, started {onset}. Obs: HR {hr}, BP "
          + "{sbp}/{dbp}, RR {rr}, SpO2 {spo2}%, T {temp}. {mental}, pain {pain}/10. Hx: {history}."));

  public static final List<String> FEMALE = List.of("woman", "female");
  public static final List<String> MALE = List.of("man", "male");
  public static final List<String> NO_HISTORY = List.of("none", "nil of note", "no known conditions");
  public static final List<String> ARRIVALS = List.of("by ambulance", "walking in", "with family");
  public static final List<String> HISTORY = List.of("hypertension", "type 2 diabetes", "asthma", "COPD",
      "hypothyroidism", "previous appendicectomy", "high cholesterol", "osteoarthritis", "depression");
  /** History items that mean the patient takes an anticoagulant. */
  public static final List<String> ANTICOAGULANTS = List.of("atrial fibrillation on warfarin",
      "DVT on apixaban", "atrial fibrillation on rivaroxaban");
  public static final List<String> ONSETS = List.of("30 minutes ago", "an hour ago", "2 hours ago",
      "this morning", "last night", "yesterday", "2 days ago", "3 days ago");

  /**
   * How a rationale names each deciding finding. Slot {@code v} is the value; the high-risk complaint has
   * {@code complaint} (its name) and {@code reason} (why it is high risk).
   */
  public static final Map<Kind, List<SlotTemplate>> FINDINGS = findings();

  /** Level-1 rationales. Slots: Findings (capitalised) or findings, verb (require/requires), level, levelNumber. */
  public static final List<SlotTemplate> LEVEL1 = List.of(
      new SlotTemplate("{Findings} {verb} immediate life-saving intervention, so this is ESI-{level}."),
      new SlotTemplate("ESI-{level} because of {findings}; the patient needs resuscitation now and cannot wait."),
      new SlotTemplate("Immediate intervention is needed for {findings}. This makes the patient level {levelNumber} "
          + "(ESI-{level})."),
      new SlotTemplate("ESI-{level}: {findings}; immediate life-saving intervention needed."),
      new SlotTemplate("{Findings}: resuscitation needed now, so ESI-{level}."));
  /** The verb of {@code LEVEL1.get(0)}: one finding, several. */
  public static final List<String> LEVEL1_VERB = List.of("requires", "require");

  /** Level-2 rationales. Slots: Findings or findings, verb (makes/make), findingsAre, level. */
  public static final List<SlotTemplate> LEVEL2 = List.of(
      new SlotTemplate("{Findings} {verb} this a high-risk presentation that should be seen within minutes: "
          + "ESI-{level}."),
      new SlotTemplate("High risk: {findings}. No immediate life-saving intervention is needed, so ESI-{level}."),
      new SlotTemplate("ESI-{level}. The deciding {findingsAre} {findings}, which cannot safely wait."),
      new SlotTemplate("ESI-{level} (high risk) for {findings}."),
      new SlotTemplate("{Findings}: high risk, to be seen within minutes, ESI-{level}."));
  public static final List<String> LEVEL2_VERB = List.of("makes", "make");
  public static final List<String> LEVEL2_FINDINGS_ARE = List.of("finding is", "findings are");

  /** The first sentence of a level-3 to 5 rationale: the vital signs are safe. Slots: hr, rr, spo2, sbp, dbp, pain. */
  public static final List<SlotTemplate> STABLE = List.of(
      new SlotTemplate("Alert with vital signs outside the danger zone (HR {hr}, RR {rr}, SpO2 {spo2}%)."),
      new SlotTemplate("Stable: alert, HR {hr}, BP {sbp}/{dbp}, SpO2 {spo2}%, pain {pain}/10."),
      new SlotTemplate("No high-risk features and safe vital signs (SpO2 {spo2}%, HR {hr})."),
      new SlotTemplate("Alert; {vitals} outside the danger zone."),
      new SlotTemplate("Vital signs safe ({vitals})."),
      new SlotTemplate("No danger signs: {vitals}."),
      new SlotTemplate("No danger-zone finding recorded."),
      new SlotTemplate("Alert, and no danger-zone finding recorded."));
  /** Of the {@link #STABLE} templates, those that say the patient is alert. */
  public static final List<Integer> STABLE_SAYS_ALERT = List.of(0, 1, 3, 7);

  /**
   * How a {@code {vitals}} list of a {@link #STABLE} sentence cites each recorded vital sign (joined as
   * {@link #join} does). Keys: the value slots each wording needs.
   */
  public static final Map<String, List<SlotTemplate>> VITAL_CITATIONS = Map.of(
      "hr", List.of(new SlotTemplate("HR {hr}"), new SlotTemplate("heart rate {hr}"), new SlotTemplate("pulse {hr}")),
      "sbp+dbp", List.of(new SlotTemplate("BP {sbp}/{dbp}")),
      "sbp", List.of(new SlotTemplate("systolic {sbp}")),
      "rr", List.of(new SlotTemplate("RR {rr}"), new SlotTemplate("resp rate {rr}")),
      "spo2", List.of(new SlotTemplate("SpO2 {spo2}%"), new SlotTemplate("sats {spo2}%")),
      "pain", List.of(new SlotTemplate("pain {pain}/10"), new SlotTemplate("pain score {pain}")));

  /**
   * Rationale grammar 1 (every file written before the varied notes): the first templates of each list, up to these
   * counts; every template after them, and every {@link #FINDINGS} wording past {@link #grammar1Wordings}, is
   * grammar 2.
   */
  public static final int GRAMMAR1_LEVEL = 3;
  public static final int GRAMMAR1_STABLE = 3;

  /** How many of the {@link #FINDINGS} wordings of {@code kind} grammar 1 has. */
  public static int grammar1Wordings(Kind kind) {
    return kind == Kind.HIGH_RISK_COMPLAINT ? 1 : 2;
  }

  /**
   * The second sentence of a level-3 to 5 rationale, by level (index 0 is level 3; 3 to 5 are grammar 2's wordings
   * of levels 3 to 5, see {@link #resources}). Slots: What (the complaint's
   * name, capitalised), anticoagulant ({@link #ON_ANTICOAGULANT} or empty), resources (joined), count, level.
   */
  public static final List<List<SlotTemplate>> RESOURCES = List.of(
      List.of(new SlotTemplate("{What}{anticoagulant} will need {resources}, {count} resources, so ESI-{level}.")),
      List.of(new SlotTemplate("{What}{anticoagulant} needs one resource ({resources}), so ESI-{level}.")),
      List.of(new SlotTemplate("{What}{anticoagulant} needs no resources beyond an examination, so ESI-{level}."),
          new SlotTemplate("{What}{anticoagulant} can be managed without tests or procedures: ESI-{level}.")),
      List.of(new SlotTemplate("{What}{anticoagulant}: {count} resources expected ({resources}), so ESI-{level}.")),
      List.of(new SlotTemplate("{What}{anticoagulant}: one resource expected ({resources}), ESI-{level}.")),
      List.of(new SlotTemplate("{What}{anticoagulant}: no resources expected, so ESI-{level}.")));
  /** Grammar 1's {@link #RESOURCES} lists (levels 3, 4, 5); the next three are grammar 2's, in the same order. */
  public static final int GRAMMAR1_RESOURCES = 3;

  /** The resource sentences of {@code level} (3 to 5) in {@code grammar} (1: the first set, 2: both). */
  public static List<SlotTemplate> resources(int level, int grammar) {
    List<SlotTemplate> out = new ArrayList<>(RESOURCES.get(level - 3));
    if (grammar >= 2) {
      out.addAll(RESOURCES.get(level - 3 + GRAMMAR1_RESOURCES));
    }
    return out;
  }
  public static final String ON_ANTICOAGULANT = " on an anticoagulant";

  /** Every complaint the generator knows: high-risk, routine, and the collapse of an unresponsive patient. */
  public static List<Complaint> complaints() {
    List<Complaint> all = new ArrayList<>(Complaint.HIGH_RISK);
    all.addAll(Complaint.ROUTINE);
    all.add(Complaint.COLLAPSE);
    return List.copyOf(all);
  }

  /** The complaint with this name, or null. */
  public static Complaint complaintNamed(String name) {
    for (Complaint c : complaints()) {
      if (c.name().equalsIgnoreCase(name)) {
        return c;
      }
    }
    return null;
  }

  /** The complaint one of whose phrasings is {@code text}, or null. */
  public static Complaint complaintPhrased(String text) {
    for (Complaint c : complaints()) {
      if (c.phrasings().contains(text)) {
        return c;
      }
    }
    return null;
  }

  /** Every resource name any complaint needs. */
  public static List<String> resourceNames() {
    List<String> out = new ArrayList<>();
    for (Complaint c : complaints()) {
      for (String r : c.resources()) {
        if (!out.contains(r)) {
          out.add(r);
        }
      }
      for (String r : c.anticoagulatedResources()) {
        if (!out.contains(r)) {
          out.add(r);
        }
      }
    }
    return List.copyOf(out);
  }

  /** "a", "a and b", "a, b and c": how the rationales list findings and resources. */
  public static String join(List<String> items) {
    if (items.isEmpty()) {
      throw new IllegalArgumentException("nothing to join");
    }
    if (items.size() == 1) {
      return items.get(0);
    }
    return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
  }

  /** The first letter upper-case. */
  public static String capitalise(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  private static Map<Kind, List<SlotTemplate>> findings() {
    Map<Kind, List<SlotTemplate>> m = new EnumMap<>(Kind.class);
    m.put(Kind.UNRESPONSIVE, templates("unresponsiveness", "no response to voice or pain",
        "an unresponsive patient"));
    m.put(Kind.CRITICAL_SPO2, templates("SpO2 of {v}% (below " + CRITICAL_SPO2 + "%)",
        "oxygen saturation {v}%, under " + CRITICAL_SPO2 + "%", "sats {v}% (under " + CRITICAL_SPO2 + "%)"));
    m.put(Kind.CRITICAL_SYSTOLIC, templates("systolic BP {v} (below " + CRITICAL_SYSTOLIC + ")",
        "shock with a systolic pressure of {v}", "systolic {v}, under " + CRITICAL_SYSTOLIC));
    m.put(Kind.CRITICAL_HEART_RATE, templates("heart rate {v} (below " + CRITICAL_HEART_RATE + ")",
        "profound bradycardia of {v}", "pulse {v} (under " + CRITICAL_HEART_RATE + ")"));
    m.put(Kind.HIGH_RISK_COMPLAINT, templates("{complaint} ({reason})",
        "{complaint}, a high-risk complaint ({reason})"));
    m.put(Kind.CONFUSION, templates("new confusion", "altered mental status", "acute confusion"));
    m.put(Kind.SEVERE_PAIN, templates("severe pain ({v}/10)", "pain of {v}/10", "pain score {v} (8 or more)"));
    m.put(Kind.TACHYCARDIA, templates("heart rate {v} (above " + DANGER_HEART_RATE + ")", "tachycardia of {v}",
        "pulse {v} (over " + DANGER_HEART_RATE + ")"));
    m.put(Kind.TACHYPNOEA, templates("respiratory rate {v} (above " + DANGER_RESPIRATORY_RATE + ")",
        "tachypnoea at {v}/min", "RR {v} (over " + DANGER_RESPIRATORY_RATE + ")"));
    m.put(Kind.LOW_SPO2, templates("SpO2 {v}% (below " + DANGER_SPO2 + "%)", "low oxygen saturation of {v}%",
        "sats {v}% (under " + DANGER_SPO2 + "%)"));
    m.put(Kind.LOW_SYSTOLIC, templates("systolic BP {v} (below " + DANGER_SYSTOLIC + ")",
        "hypotension at {v} systolic", "systolic {v} (under " + DANGER_SYSTOLIC + ")"));
    for (Kind k : Kind.values()) {
      if (!m.containsKey(k)) {
        throw new IllegalStateException("no rationale wording for finding " + k);
      }
    }
    return Collections.unmodifiableMap(m);
  }

  private static List<SlotTemplate> templates(String... texts) {
    return Arrays.stream(texts).map(SlotTemplate::new).toList();
  }
}
