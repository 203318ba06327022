// The exact check "cites an absent finding": which findings a rationale cites that the note does not record at all.
package dev.reason2decide.eval.triage;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A pure function of (note, rationale), for the faithfulness checks, the counterfactual probes and a trust signal.
 * A synthetic note is read with {@link NoteParser}; any other text is searched for the same forms
 * ({@code NoteScanner.recorded}), so "pain 5/10" cited for a note without any pain score is found on any note. A
 * finding whose value differs from the note's is not absent (that is the grounding check).
 */
public final class AbsentFindings {
  private AbsentFindings() {}

  /** The cited findings {@code note} lacks (empty: none), or null when the rationale is outside the grammar. */
  public static List<CitedFinding> of(String note, String rationale) {
    ParsedRationale r = RationaleParser.parse(rationale);
    if (r == null || note == null) {
      return null;
    }
    ParsedNote parsed = NoteParser.parse(note);
    Set<Fact> recorded = parsed == null ? NoteScanner.recorded(note) : null;
    List<CitedFinding> out = new ArrayList<>();
    for (CitedFinding f : r.cited()) {
      boolean present = parsed != null ? parsed.value(f.fact()) != null : recorded.contains(f.fact());
      if (!present) {
        out.add(f);
      }
    }
    return out;
  }

  /** Whether the rationale cites a finding the note lacks; false when the rationale is outside the grammar. */
  public static boolean cited(String note, String rationale) {
    List<CitedFinding> a = of(note, rationale);
    return a != null && !a.isEmpty();
  }
}
