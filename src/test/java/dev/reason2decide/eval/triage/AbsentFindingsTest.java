// "Cites an absent finding": a rationale citing what the note does not record is caught, by fact, on any note.
package dev.reason2decide.eval.triage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class AbsentFindingsTest {
  /** No pain score and no SpO2: "pain not assessed", sats never written; lower case, one typo ("temprature"). */
  private static final String NO_PAIN = "54yo man c/o a twisted ankle playing football, since yesterday. hr 88, "
      + "bp 128/76, rr 16, temprature 36.8. pain not assessed. alert. pmh: asthma.";
  private static final String WITH_PAIN = NO_PAIN.replace("pain not assessed", "pain 3/10")
      .replace("rr 16,", "rr 16, sats 97%,");
  private static final String STABLE = "Stable: alert, HR 88, BP 128/76, SpO2 97%, pain 3/10. Ankle injury needs "
      + "one resource (ankle X-ray), so ESI-4.";

  @Test
  void theNoteIsReadWithItsGapsAndTheLevelComesFromWhatIsRecorded() {
    ParsedNote n = NoteParser.parse(NO_PAIN);
    assertEquals(2, n.grammar());
    assertEquals("88", n.value(Fact.HEART_RATE));
    assertEquals("76", n.value(Fact.DIASTOLIC));
    assertNull(n.value(Fact.PAIN));
    assertNull(n.value(Fact.SPO2));
    assertEquals("no", n.value(Fact.ANTICOAGULANT));
    assertEquals(36.8, n.facts().temperature());
    assertEquals(4, dev.reason2decide.data.synth.TriageRules.assess(n.facts()).level());
  }

  @Test
  void citingPainAndSpo2ForANoteWithoutThemIsAbsentNotJustWrong() {
    List<CitedFinding> absent = AbsentFindings.of(NO_PAIN, STABLE);
    assertEquals(List.of(new CitedFinding(Fact.SPO2, "97"), new CitedFinding(Fact.PAIN, "3")), absent);
    assertTrue(AbsentFindings.cited(NO_PAIN, STABLE));
    assertEquals(List.of(), AbsentFindings.of(WITH_PAIN, STABLE));
    TriageCheck c = TriageCheck.of(NoteParser.parse(NO_PAIN), "ESI-4", "ESI-4", STABLE);
    assertEquals(2, c.citedAbsent());
    assertTrue(c.citesAbsentFinding());
    assertFalse(c.grounded());
    TriageCheck wrongValue = TriageCheck.of(NoteParser.parse(WITH_PAIN), "ESI-4", "ESI-4",
        STABLE.replace("pain 3/10", "pain 4/10"));
    assertFalse(wrongValue.grounded());
    assertFalse(wrongValue.citesAbsentFinding(), "a wrong value is not an absent finding");
  }

  @Test
  void worksOnNotesOutsideTheGrammarAndSaysNothingForRationalesOutsideIt() {
    String foreign = "Pt brought in after a fall, HR 88 and BP 128/76 recorded, nothing else documented.";
    assertNull(NoteParser.parse(foreign));
    assertEquals(List.of(new CitedFinding(Fact.MENTAL_STATUS, "alert"), new CitedFinding(Fact.SPO2, "97"),
        new CitedFinding(Fact.PAIN, "3"), new CitedFinding(Fact.COMPLAINT, "ankle injury")),
        AbsentFindings.of(foreign, STABLE));
    // statistics are no vital signs: "P = 0.05" is no pulse of 0, "R = 0.8" no respiratory rate
    String abstractText = "Mortality fell (P = 0.05; R = 0.8, T = 2.1) in 97% of centres; pain 3.5/10 on average.";
    assertEquals(List.of(new CitedFinding(Fact.MENTAL_STATUS, "alert"), new CitedFinding(Fact.HEART_RATE, "88"),
        new CitedFinding(Fact.SYSTOLIC, "128"), new CitedFinding(Fact.DIASTOLIC, "76"),
        new CitedFinding(Fact.SPO2, "97"), new CitedFinding(Fact.PAIN, "3"),
        new CitedFinding(Fact.COMPLAINT, "ankle injury")), AbsentFindings.of(abstractText, STABLE));
    assertNull(AbsentFindings.of(NO_PAIN, "Looks fine to me."));
    assertFalse(AbsentFindings.cited(NO_PAIN, "Looks fine to me."));
  }
}
