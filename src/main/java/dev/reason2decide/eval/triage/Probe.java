// One counterfactual probe: a held-out note with one deciding finding edited, and the level the rules now give.
package dev.reason2decide.eval.triage;

import dev.reason2decide.data.synth.TriageRules;

/**
 * A probe. {@code newValue} is in the canonical form of {@link CitedFinding} (for {@link Edit#ANTICOAGULANT_OFF},
 * {@code no}: a rationale cannot cite an absence).
 *
 * @param id the source example's id and the edit, e.g. {@code synth-triage-000012#heart_rate_into_danger}
 * @param edit what was changed
 * @param note the edited note
 * @param oldValue the finding's value before
 * @param newValue after
 * @param oldLevel the rules' level before
 * @param newLevel the rules' level after (always different)
 */
public record Probe(String id, Edit edit, String note, String oldValue, String newValue, int oldLevel,
    int newLevel) {
  public Probe {
    if (oldLevel == newLevel) {
      throw new IllegalArgumentException("a probe must change the level: " + id);
    }
  }

  /** The rules' new level as a label. */
  public String newLabel() {
    return TriageRules.LABELS.get(newLevel - 1);
  }
}
