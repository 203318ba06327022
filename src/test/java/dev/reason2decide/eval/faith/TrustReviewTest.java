// The rationale's problems as vetoes: another decision, numbers not in the note, findings the note contradicts.
package dev.reason2decide.eval.faith;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.reason2decide.data.synth.TriageRules;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TrustReviewTest {
  static final String NOTE = "67-year-old man with crushing chest pain with sweating, started 30 minutes ago. HR 118, "
      + "BP 92/60, RR 24, SpO2 90% on room air, T 37.2 C. Alert and oriented. Pain 9/10. History: hypertension.";

  private static List<String> vetoes(String input, String predicted, String rationale, List<String> labels) {
    return TrustReview.vetoes(predicted, ExampleChecks.of(input, predicted, rationale, labels));
  }

  @Test
  void anyDataRationaleCitingNumbersTheNoteLacks() {
    assertEquals(List.of("The explanation gives numbers that are not in the note [the rationale cites numbers the note "
        + "does not contain: 39, 3]"),
        vetoes("fever since yesterday, cough", "urgent", "Fever of 39 for 3 days with cough.", List.of("urgent")));
    assertEquals(List.of(), vetoes("fever 39 since yesterday", "urgent", "Fever of 39.", List.of("urgent")));
    // numbers the training rationales state without their notes (a threshold, a count) are the task's, not a misreading
    assertEquals(List.of("The explanation gives numbers that are not in the note [the rationale cites numbers the note "
        + "does not contain: 3]"), TrustReview.vetoes("urgent",
        ExampleChecks.of("fever, cough", "urgent", "Fever above 38.0 for 3 days.", List.of("urgent")), Set.of("38")));
  }

  @Test
  void aSyntheticRationaleIsCheckedFindingByFinding() {
    // the rule's own threshold (92) is not the note's, but it is no finding: nothing to veto
    assertEquals(List.of(), vetoes(NOTE, "ESI-2", "High risk: SpO2 90% (below 92%). No immediate life-saving "
        + "intervention is needed, so ESI-2.", TriageRules.LABELS));
    assertEquals(List.of("The explanation argues for another decision [the rationale states ESI-2, not the decision "
        + "ESI-1]", "The explanation misreads a value in the note [the rationale cites spo2 84 where the note has 90]"),
        vetoes(NOTE, "ESI-1", "High risk: SpO2 84% (below 92%). "
        + "No immediate life-saving intervention is needed, so ESI-2.", TriageRules.LABELS));
  }

  @Test
  void aMisquotedValueOnTheSameSideOfEveryRuleIsNoVeto() {
    // the note has HR 118: 105 is above 100 too (a copying slip the decision does not rest on); 95 is not
    assertEquals(List.of(), vetoes(NOTE, "ESI-2", "ESI-2. The deciding finding is tachycardia of 105, which cannot "
        + "safely wait.", TriageRules.LABELS));
    assertEquals(List.of("The explanation misreads a value in the note [the rationale cites heart_rate 95 where the "
        + "note has 118]"), vetoes(NOTE, "ESI-2", "ESI-2. The deciding finding is tachycardia of 95, which cannot "
        + "safely wait.", TriageRules.LABELS));
  }

  @Test
  void onAnyTextTheLabelsARationaleNamesAreReadForAnotherDecision() {
    String far = "Do statins reduce mortality in elderly patients with heart failure?";
    List<String> esi = TriageRules.LABELS;
    assertEquals(List.of("The explanation argues for another decision [the rationale states ESI-4, not the decision "
        + "ESI-5]"), vetoes(far, "ESI-5", "No high-risk features; one resource, so esi-4.", esi));
    assertEquals(List.of("The explanation argues for another decision [the rationale states ESI-2 and ESI-3, not the "
        + "decision ESI-5]"), vetoes(far, "ESI-5", "Not ESI-2, so ESI-3.", esi));
    // the decision named beside another one, no label named, a longer token: no veto
    assertEquals(List.of(), vetoes(far, "ESI-3", "Not ESI-2, so ESI-3.", esi));
    assertEquals(List.of(), vetoes(far, "ESI-3", "Stable and well.", esi));
    assertEquals(List.of(), StatedLabels.of("Code ESI-45 applies.", esi));
    // labels that are words are never read as a statement of a decision
    assertEquals(List.of(), vetoes(far, "yes", "There is no evidence either way.", List.of("yes", "no", "maybe")));
    assertEquals(List.of("The explanation argues for another decision [the rationale states (B), not the decision "
        + "(A)]"), vetoes(far, "(A)", "Answer (B) fits best.", List.of("(A)", "(B)")));
  }

  @Test
  void aCitedValueTheNoteHasUnderAnUnreadNameIsUnverifiableNotUnrecorded() {
    String unseen = NOTE.replace("HR 118", "heart beating at 118 a minute");
    assertEquals(List.of("The explanation relies on a finding the checks cannot find in the note [the rationale cites "
        + "heart_rate 118; the note has the number 118, but not under a name the checks read]"), vetoes(unseen,
        "ESI-2", "ESI-2. The deciding finding is tachycardia of 118, which cannot safely wait.", TriageRules.LABELS));
    assertEquals(List.of("The explanation relies on a finding the note does not record [the rationale cites a finding "
        + "the note lacks: heart_rate 130]"), vetoes(unseen, "ESI-2", "ESI-2. The deciding finding is tachycardia of "
        + "130, which cannot safely wait.", TriageRules.LABELS));
  }
}
