// A finding left out of a note, the case as the rules see it without that finding, and the template without its clause.
package dev.reason2decide.data.synth;

import java.util.List;
import java.util.Locale;

/**
 * One thing a note can fail to record. A finding that is not recorded cannot fire a rule, so the gold level of a
 * note without it is {@link TriageRules#assess} of the case with that finding set to a value that fires none
 * ({@link #recorded}): heart rate 80, blood pressure 120/80, respiratory rate 16, SpO2 98 %, pain 0, alert, no
 * history (so no anticoagulant), temperature 37.0. {@link #without} removes the finding's clause from a note
 * template (its list item, or its whole sentence when the sentence holds nothing else).
 */
public enum MissingFinding {
  HEART_RATE("hr"), BLOOD_PRESSURE("sbp", "dbp"), RESPIRATORY_RATE("rr"), SPO2("spo2"), PAIN("pain"),
  MENTAL_STATUS("mental"), HISTORY("history"), TEMPERATURE("temp");

  private static final List<String> SEPARATORS = List.of(", ", ". ", ": ", "; ", " | ");
  private final List<String> slots;

  MissingFinding(String... slots) {
    this.slots = List.of(slots);
  }

  /** The template slots this finding fills. */
  public List<String> slots() {
    return slots;
  }

  /** The snake_case name used in files and reports. */
  public String json() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * {@code c} as recorded without this finding: the finding set to a value that fires no rule. {@code variant} 0
   * or 1 picks one of two such values (for telling whether a rationale depends on the value; variants differ for
   * every finding except mental status and history, which have one).
   */
  public TriageCase recorded(TriageCase c, int variant) {
    int v = variant;
    return switch (this) {
      case HEART_RATE -> with(c, 80 + v, c.systolic(), c.diastolic(), c.respiratoryRate(), c.spo2(), c.temperature(),
          c.mental(), c.pain(), c.history(), c.anticoagulated());
      case BLOOD_PRESSURE -> with(c, c.heartRate(), 120 + v, 80, c.respiratoryRate(), c.spo2(), c.temperature(),
          c.mental(), c.pain(), c.history(), c.anticoagulated());
      case RESPIRATORY_RATE -> with(c, c.heartRate(), c.systolic(), c.diastolic(), 16 + v, c.spo2(),
          c.temperature(), c.mental(), c.pain(), c.history(), c.anticoagulated());
      case SPO2 -> with(c, c.heartRate(), c.systolic(), c.diastolic(), c.respiratoryRate(), 98 + v, c.temperature(),
          c.mental(), c.pain(), c.history(), c.anticoagulated());
      case PAIN -> with(c, c.heartRate(), c.systolic(), c.diastolic(), c.respiratoryRate(), c.spo2(),
          c.temperature(), c.mental(), v, c.history(), c.anticoagulated());
      case MENTAL_STATUS -> with(c, c.heartRate(), c.systolic(), c.diastolic(), c.respiratoryRate(), c.spo2(),
          c.temperature(), MentalStatus.ALERT, c.pain(), c.history(), c.anticoagulated());
      case HISTORY -> with(c, c.heartRate(), c.systolic(), c.diastolic(), c.respiratoryRate(), c.spo2(),
          c.temperature(), c.mental(), c.pain(), List.of(), false);
      case TEMPERATURE -> with(c, c.heartRate(), c.systolic(), c.diastolic(), c.respiratoryRate(), c.spo2(),
          37.0 + 0.1 * v, c.mental(), c.pain(), c.history(), c.anticoagulated());
    };
  }

  private static TriageCase with(TriageCase c, int hr, int sbp, int dbp, int rr, int spo2, double temp,
      MentalStatus mental, int pain, List<String> history, boolean anticoagulated) {
    return new TriageCase(c.age(), c.female(), c.complaint(), c.complaintText(), c.onset(), hr, sbp, dbp, rr, spo2,
        temp, mental, pain, history, anticoagulated, c.borderline());
  }

  /** Whether {@code t} has every slot of this finding (only those templates can lose it). */
  public boolean in(SlotTemplate t) {
    return t.slots().containsAll(slots);
  }

  /**
   * {@code t} without this finding's clause: the text between the separators ({@code ", "}, {@code ". "},
   * {@code ": "}, {@code "; "}, {@code " | "}) around the finding's slots goes with one of its separators; a
   * sentence that then holds only a heading ("History: ") goes whole. A sentence start left lower-case is
   * capitalised.
   */
  public SlotTemplate without(SlotTemplate t) {
    if (!in(t)) {
      throw new IllegalArgumentException(this + " has no slot in template: " + t.text());
    }
    String s = t.text();
    int first = Integer.MAX_VALUE;
    int last = -1;
    for (String slot : slots) {
      int at = s.indexOf("{" + slot + "}");
      first = Math.min(first, at);
      last = Math.max(last, at + slot.length() + 2);
    }
    int start = 0;
    String before = null;
    for (String sep : SEPARATORS) {
      int i = s.lastIndexOf(sep, first - 1);
      if (i >= 0 && i + sep.length() > start) {
        start = i + sep.length();
        before = sep;
      }
    }
    int end = s.length();
    String after = null;
    for (String sep : SEPARATORS) {
      int i = s.indexOf(sep, last);
      if (i >= 0 && i < end) {
        end = i;
        after = sep;
      }
    }
    if (after == null && s.endsWith(".") && end == s.length()) {
      end = s.length() - 1; // the clause ends the note: keep its full stop
      after = ".";
    }
    String out;
    if (", ".equals(after) || "; ".equals(after) || " | ".equals(after)) {
      out = s.substring(0, start) + s.substring(end + after.length()); // "HR {hr}, BP" -> "BP"
    } else if (", ".equals(before) || "; ".equals(before) || " | ".equals(before)) {
      out = s.substring(0, start - before.length()) + s.substring(end); // "SpO2 {spo2}%, T {temp} C." -> "SpO2 ..%."
    } else if (": ".equals(before)) {
      int sentence = s.lastIndexOf(". ", start - before.length());
      int from = sentence < 0 ? 0 : sentence + 2;
      out = s.substring(0, from) + skipSentenceEnd(s, end); // "History: {history}." goes whole
    } else {
      out = s.substring(0, start) + skipSentenceEnd(s, end); // "{mental}. " goes whole
    }
    return new SlotTemplate(capitaliseSentences(out.strip()));
  }

  private static String skipSentenceEnd(String s, int end) {
    if (s.startsWith(". ", end)) {
      return s.substring(end + 2);
    }
    return s.startsWith(".", end) ? s.substring(end + 1) : s.substring(end);
  }

  private static String capitaliseSentences(String s) {
    StringBuilder b = new StringBuilder(s);
    for (int i = 0; i < b.length(); i++) {
      boolean start = i == 0 || (i >= 2 && b.charAt(i - 2) == '.' && b.charAt(i - 1) == ' ');
      if (start && Character.isLowerCase(b.charAt(i))) {
        b.setCharAt(i, Character.toUpperCase(b.charAt(i)));
      }
    }
    return b.toString();
  }
}
