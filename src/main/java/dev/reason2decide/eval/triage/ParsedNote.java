// A synthetic triage note read back: its grammar, the case it records, and where each value is written.
package dev.reason2decide.eval.triage;

import dev.reason2decide.data.synth.MentalStatus;
import dev.reason2decide.data.synth.Observation;
import dev.reason2decide.data.synth.TriageCase;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A note of the synthetic set: the text, its grammar (1: one of the four fixed styles, word for word; 2: varied),
 * the case it records ({@code borderline} false: the note does not say; {@code missing} what it lacks), where each
 * value is written ({@code spans}: keys {@code hr}, {@code sbp}, {@code dbp}, {@code rr}, {@code spo2},
 * {@code pain}, {@code t} or {@code f}, {@code mental}, {@code complaint}, {@code history.0}.., {@code history.none})
 * and the form each slot of {@code NoteForms} was read with.
 *
 * @param text the note
 * @param grammar 1 or 2
 * @param spans offsets into {@code text}
 * @param forms slot to form name
 * @param facts the presentation
 */
public record ParsedNote(String text, int grammar, Map<String, Span> spans, Map<String, String> forms,
    TriageCase facts) {
  public ParsedNote {
    spans = Map.copyOf(spans);
    forms = Map.copyOf(forms);
  }

  /** Where a value is written: {@code text.substring(start, end)}. */
  public record Span(int start, int end) {}

  /**
   * The note's value of a fact, in the canonical form of {@link CitedFinding}; null when the note does not record
   * it (a missing vital sign, pain or mental status; the anticoagulant when the note has no history).
   */
  public String value(Fact fact) {
    TriageCase c = facts;
    return switch (fact) {
      case AGE -> String.valueOf(c.age());
      case HEART_RATE -> recorded(Observation.HEART_RATE, c.heartRate());
      case SYSTOLIC -> recorded(Observation.SYSTOLIC, c.systolic());
      case DIASTOLIC -> recorded(Observation.DIASTOLIC, c.diastolic());
      case RESPIRATORY_RATE -> recorded(Observation.RESPIRATORY_RATE, c.respiratoryRate());
      case SPO2 -> recorded(Observation.SPO2, c.spo2());
      case PAIN -> recorded(Observation.PAIN, c.pain());
      case MENTAL_STATUS -> c.recorded(Observation.MENTAL_STATUS) ? mental(c.mental()) : null;
      case COMPLAINT -> c.complaint().name().toLowerCase(Locale.ROOT);
      case ANTICOAGULANT -> !c.recorded(Observation.HISTORY) ? null : c.anticoagulated() ? "yes" : "no";
    };
  }

  private String recorded(Observation o, int v) {
    return facts.recorded(o) ? String.valueOf(v) : null;
  }

  /** The text with the spans named in {@code replacements} replaced (the rest unchanged), in the note's case. */
  public String replaced(Map<String, String> replacements) {
    List<Map.Entry<String, String>> edits = new ArrayList<>(replacements.entrySet());
    edits.sort((a, b) -> Integer.compare(spans.get(b.getKey()).start(), spans.get(a.getKey()).start()));
    StringBuilder sb = new StringBuilder(text);
    for (Map.Entry<String, String> e : edits) {
      Span s = spans.get(e.getKey());
      if (s == null) {
        throw new IllegalArgumentException("the note has no " + e.getKey() + ": " + text);
      }
      sb.replace(s.start(), s.end(), inCase(e.getValue()));
    }
    return sb.toString();
  }

  /** {@code s} upper-cased in an upper-case note, lower-cased in a lower-case one. */
  String inCase(String s) {
    if (text.equals(text.toUpperCase(Locale.ROOT))) {
      return s.toUpperCase(Locale.ROOT);
    }
    return text.equals(text.toLowerCase(Locale.ROOT)) ? s.toLowerCase(Locale.ROOT) : s;
  }

  /** The canonical name of a mental status. */
  public static String mental(MentalStatus m) {
    return m.name().toLowerCase(Locale.ROOT);
  }
}
