// Hand-written wrong rationales, each caught by its own check; rates over hand-made cases computed by hand.
package dev.reason2decide.eval.triage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reason2decide.data.synth.TriageRules;
import java.util.List;
import org.junit.jupiter.api.Test;

class TriageCheckTest {
  // rules by hand: high-risk complaint, pain 9 >= 8, HR 118 > 100, RR 24 > 20, SpO2 90 < 92; SBP 92 is not < 90
  static final String CHEST = "67-year-old man with crushing chest pain with sweating, started 30 minutes ago. HR 118, "
      + "BP 92/60, RR 24, SpO2 90% on room air, T 37.2 C. Alert and oriented. Pain 9/10. History: hypertension.";
  // an ankle injury needs one resource (ankle X-ray): ESI-4
  static final String ANKLE = "Pt 34F c/o a twisted ankle playing football, onset yesterday. Vitals: HR 80 bpm, "
      + "BP 120/80 mmHg, RR 16/min, SpO2 98% RA, temp 36.8. Alert and oriented. PMH: asthma. Pain score 3.";
  // the same with HR 118: ESI-2
  static final String ANKLE_FAST = ANKLE.replace("HR 80", "HR 118");

  private static TriageCheck check(String note, String predicted, String gold, String rationale) {
    ParsedNote n = NoteParser.parse(note);
    assertNotNull(n, note);
    return TriageCheck.of(n, predicted, gold, rationale);
  }

  @Test
  void handWrittenNotesHaveTheLevelsComputedByHand() {
    assertEquals(2, TriageRules.assess(NoteParser.parse(CHEST).facts()).level());
    assertEquals(4, TriageRules.assess(NoteParser.parse(ANKLE).facts()).level());
    assertEquals(2, TriageRules.assess(NoteParser.parse(ANKLE_FAST).facts()).level());
    assertNull(NoteParser.parse(CHEST.replace("crushing chest pain with sweating", "feeling odd")), "no complaint");
    assertNull(NoteParser.parse(CHEST.replace("67-year-old man", "A patient")), "no age or sex");
    ParsedNote noMental = NoteParser.parse(CHEST.replace("Alert and oriented", "Feeling fine"));
    assertNull(noMental.value(Fact.MENTAL_STATUS), "mental status not recorded");
    assertEquals(2, noMental.grammar());
    assertEquals(1, NoteParser.parse(CHEST).grammar());
  }

  @Test
  void aRationaleForAnotherDecisionFailsAgreementOnly() {
    TriageCheck c = check(CHEST, "ESI-1", "ESI-2",
        "High risk: heart rate 118 (above 100). No immediate life-saving intervention is needed, so ESI-2.");
    assertFalse(c.agreesWithDecision());
    assertTrue(c.grounded());
    assertTrue(c.ruleCorrect());
    assertFalse(c.fullyFaithful());
    assertTrue(c.statesGold());
    assertEquals("ESI-2", c.statedLabel());
  }

  @Test
  void aValueNotInTheNoteFailsGroundingOnly() {
    TriageCheck c = check(CHEST, "ESI-2", "ESI-2",
        "High risk: heart rate 125 (above 100) and pain of 9/10. No immediate life-saving intervention is needed, "
            + "so ESI-2.");
    assertTrue(c.agreesWithDecision());
    assertFalse(c.grounded());
    assertEquals(2, c.cited().size());
    assertEquals(1, c.citedInNote(), "pain 9 is the note's, HR 125 is not");
    assertTrue(c.ruleCorrect());
    assertFalse(c.fullyFaithful());
  }

  @Test
  void aWrongComplaintFailsGroundingOnly() {
    TriageCheck c = check(ANKLE, "ESI-4", "ESI-4",
        "Stable: alert, HR 80, BP 120/80, SpO2 98%, pain 3/10. Wrist injury needs one resource (wrist X-ray), so ESI-4.");
    assertTrue(c.agreesWithDecision());
    assertTrue(c.ruleCorrect());
    assertFalse(c.grounded());
    assertEquals(7, c.cited().size(), "alert, HR, SBP, DBP, SpO2, pain, complaint");
    assertEquals(6, c.citedInNote());
  }

  @Test
  void aCriticalWordingForADangerValueFailsTheRulesOnly() {
    TriageCheck c = check(CHEST, "ESI-2", "ESI-2",
        "High risk: SpO2 of 90% (below 85%). No immediate life-saving intervention is needed, so ESI-2.");
    assertTrue(c.agreesWithDecision());
    assertTrue(c.grounded());
    assertFalse(c.ruleCorrect());
  }

  @Test
  void theWrongResourceFailsTheRulesOnly() {
    TriageCheck c = check(ANKLE, "ESI-4", "ESI-4",
        "Stable: alert, HR 80, BP 120/80, SpO2 98%, pain 3/10. Ankle injury needs one resource (wrist X-ray), so ESI-4.");
    assertTrue(c.agreesWithDecision());
    assertTrue(c.grounded());
    assertFalse(c.ruleCorrect());
  }

  @Test
  void aDangerValueCalledStableFailsTheRules() {
    TriageCheck c = check(ANKLE_FAST, "ESI-4", "ESI-2",
        "Alert with vital signs outside the danger zone (HR 118, RR 16, SpO2 98%). Ankle injury needs one resource "
            + "(ankle X-ray), so ESI-4.");
    assertTrue(c.agreesWithDecision());
    assertTrue(c.grounded());
    assertFalse(c.ruleCorrect(), "HR 118 decides ESI-2 under the rules");
    assertFalse(c.statesGold());
  }

  @Test
  void missingOrExtraReasonsFailTheRules() {
    // a level-2 finding given as a reason for ESI-1 besides a critical one
    assertFalse(check(CHEST, "ESI-1", "ESI-2", "ESI-1 because of SpO2 of 80% (below 85%) and heart rate 118 "
        + "(above 100); the patient needs resuscitation now and cannot wait.").ruleCorrect());
    // a routine complaint given as high risk
    assertFalse(check(CHEST, "ESI-2", "ESI-2", "High risk: sore throat (a possible stroke). No immediate life-saving "
        + "intervention is needed, so ESI-2.").ruleCorrect());
    // three resources said to be two
    assertFalse(check(ANKLE, "ESI-3", "ESI-4", "No high-risk features and safe vital signs (SpO2 98%, HR 80). "
        + "Fever and flank pain will need blood tests, urinalysis and IV antibiotics, 2 resources, so ESI-3.")
        .ruleCorrect());
  }

  @Test
  void textOutsideTheGrammarFailsEverything() {
    TriageCheck c = check(CHEST, "ESI-2", "ESI-2", "The patient looks unwell and should be seen soon.");
    assertFalse(c.parsed());
    assertFalse(c.agreesWithDecision() || c.grounded() || c.ruleCorrect() || c.fullyFaithful());
    assertEquals(0, c.statedLevel());
  }

  @Test
  void twoDifferentLevelsStateNone() {
    TriageCheck c = check(CHEST, "ESI-1", "ESI-2",
        "Immediate intervention is needed for SpO2 of 80% (below 85%). This makes the patient level 2 (ESI-1).");
    assertTrue(c.parsed());
    assertEquals(0, c.statedLevel());
    assertFalse(c.agreesWithDecision());
  }

  @Test
  void ratesSplitByWhetherTheDecisionIsRight() {
    String right = "High risk: heart rate 118 (above 100). No immediate life-saving intervention is needed, so ESI-2.";
    List<TriageCheck> checks = List.of(
        check(CHEST, "ESI-2", "ESI-2", right), // right, fully faithful, 1 of 1 cited in note
        check(CHEST, "ESI-2", "ESI-2", "Nothing to see."), // right, unparsed
        check(CHEST, "ESI-1", "ESI-2", right), // wrong, states gold: 1 of 1 cited in note
        check(CHEST, "ESI-3", "ESI-2", "No high-risk features and safe vital signs (SpO2 98%, HR 80). Lingering "
            + "cough will need chest X-ray and blood tests, 2 resources, so ESI-3.")); // wrong, states ŷ; 0 of 3
    TriageFaithfulness.Result r = TriageFaithfulness.of(checks);
    assertEquals(4, r.all().n());
    assertEquals(1, r.all().unparsed());
    assertEquals(2 / 4.0, r.all().decisionAgreement());
    assertEquals(5, r.all().citedFindings());
    assertEquals(2 / 5.0, r.all().citedFindingsInNote());
    assertEquals(2 / 4.0, r.all().rationalesGrounded());
    assertEquals(1 / 4.0, r.all().fullyFaithful());
    assertEquals(2, r.decisionRight().n());
    assertEquals(1 / 2.0, r.decisionRight().fullyFaithful());
    assertEquals(2, r.decisionWrong().n());
    assertEquals(1 / 2.0, r.decisionWrong().statesPredicted());
    assertEquals(1 / 2.0, r.decisionWrong().statesGold());
    assertEquals(0.0, r.decisionWrong().fullyFaithful());
    assertNull(TriageFaithfulness.rates(List.of()).decisionAgreement(), "0/0 is not a rate");
  }
}
