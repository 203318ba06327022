// One rationale source's wording as data: the sentences and finding names its rationales are written in.
package dev.reason2decide.data.synth;

import dev.reason2decide.data.synth.TriageRules.Kind;
import java.util.List;
import java.util.Map;

/**
 * The templates of a rationale source other than the rules ({@link SourceGrammar}), in the shape of
 * {@link TriageGrammar}'s own: {@link SourcedRationales} renders them, and the exact parsers ({@code eval.triage})
 * read them back, so a source's grammar lives in one place.
 *
 * @param source the source's name, e.g. {@code nurse}; parsed templates are named {@code nurse:level1.0}
 * @param level1 level-1 sentences; slots Findings or findings, level, and optionally vitals (a restated list)
 * @param level2 level-2 sentences, the same slots
 * @param stable the first sentence of a level-3 to 5 rationale; slots hr, rr, spo2, sbp, dbp, pain, vitals; a
 *     sentence with a {@code findings} slot gives a finding as the reason, which no level 3 to 5 has: only a
 *     planted error uses it
 * @param stableSaysAlert the indices of {@code stable} sentences that say the patient is alert
 * @param resources the second sentence by level (index 0 is level 3); slots What, anticoagulant, resources,
 *     count (digits), level
 * @param findings how each deciding finding is named; slot v (the value), or complaint and reason
 * @param vitalCitations how a {@code vitals} list cites each recorded vital sign (keys as in
 *     {@link TriageGrammar#VITAL_CITATIONS})
 * @param onAnticoagulant what the {@code anticoagulant} slot says when the patient takes one
 * @param commasOnly whether lists are joined with ", " only ("a, b, c") instead of "a, b and c"
 */
public record RationaleWording(String source, List<SlotTemplate> level1, List<SlotTemplate> level2,
    List<SlotTemplate> stable, List<Integer> stableSaysAlert, List<List<SlotTemplate>> resources,
    Map<Kind, List<SlotTemplate>> findings, Map<String, List<SlotTemplate>> vitalCitations, String onAnticoagulant,
    boolean commasOnly) {

  public RationaleWording {
    for (Kind k : Kind.values()) {
      if (findings.get(k) == null || findings.get(k).isEmpty()) {
        throw new IllegalArgumentException(source + ": no wording for finding " + k);
      }
    }
    if (resources.size() != 3) {
      throw new IllegalArgumentException(source + ": resource sentences for levels 3, 4 and 5 are needed");
    }
  }

  /** Items joined as this source lists them. */
  public String join(List<String> items) {
    return commasOnly ? String.join(", ", items) : TriageGrammar.join(items);
  }
}
