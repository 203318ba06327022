// The parser reads vital signs whose names, separators and units are drawn apart (VitalParts), by hand.
package dev.reason2decide.eval.triage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.reason2decide.data.synth.Observation;
import dev.reason2decide.data.synth.TriageCase;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComposedFormsParseTest {
  private static TriageCase read(String note) {
    ParsedNote p = NoteParser.parse(note);
    assertNotNull(p, note);
    return p.facts();
  }

  private static List<Object> vitals(TriageCase c) {
    return List.of(c.heartRate(), c.systolic(), c.diastolic(), c.respiratoryRate(), c.spo2(), c.temperature(),
        c.pain());
  }

  private static final String NOTE = "Pt 40F c/o fever with pain in the left loin. ";

  /** Each note's heart rate, systolic, diastolic, respiratory rate, SpO2, temperature and pain (0: missing). */
  private static void assertReads(String findings, List<Object> expected) {
    assertEquals(expected, vitals(read(NOTE + findings)), findings);
  }

  @Test
  void namesSeparatorsAndUnitsInAnyCombination() {
    assertReads("H/R = 88/min, B/P 120 / 80 mmHg, resp. rate is 18 rpm, Sp02: 97 % RA, temp. 37.2 °C, NRS 3 out of "
        + "ten.", List.of(88, 120, 80, 18, 97, 37.2, 3));
    assertReads("radial pulse - 104 BEATS/MIN; systolic pressure: 95 mm Hg; RRate=24 br/min; oxygen sats 91 per cent; "
        + "body temp 101.3 deg F; pain intensity 6 / 10.", List.of(104, 95, 0, 24, 91, 38.5, 6));
    assertEquals(java.util.Set.of(Observation.DIASTOLIC, Observation.MENTAL_STATUS, Observation.HISTORY),
        read(NOTE + "radial pulse - 104 BEATS/MIN; systolic pressure: 95 mm Hg; RRate=24 br/min; oxygen sats 91; "
            + "body temp 101.3 deg F; pain intensity 6 / 10.").missing());
  }

  @Test
  void qualifiersAroundAReadingChangeNothing() {
    assertReads("Obs: repeat HR 88 irregular, BP 120/80 sitting, resting RR 18 unlaboured, SpO2 97% good trace, "
        + "T 37.2 (ear). Pain 3/10 on movement.", List.of(88, 120, 80, 18, 97, 37.2, 3));
  }

  @Test
  void aUnitAloneNamesTheVitalSign() {
    assertReads("Obs: 88 bpm, 130/85, 18 breaths per minute, 96% on air, 36.9°C. Pain 2/10.",
        List.of(88, 130, 85, 18, 96, 36.9, 2));
  }

  @Test
  void bloodPressureAndPainInWordsOrWithAZeroDecimal() {
    assertReads("Vitals: HR 75.0 bpm, BP 84.0/59.0 mmHg, RR 15.0/min, SpO2 100.0% RA. Pain score 4.0.",
        List.of(75, 84, 59, 15, 100, 0.0, 4));
    assertReads("Vitals: HR seventy-nine bpm, BP one hundred and thirty/ninety-two mmHg, RR fifteen/min, SpO2 one "
        + "hundred% RA. Pain score six.", List.of(79, 130, 92, 15, 100, 0.0, 6));
  }

  @Test
  void theLongestReadingWinsWhereAUnitIsShared() {
    // "bpm" after a respiratory rate: the rate's own name decides, not the heart rate's unit
    TriageCase c = read(NOTE + "HR 92, RR 20 bpm, BP 118/76, SpO2 98%.");
    assertEquals(92, c.heartRate());
    assertEquals(20, c.respiratoryRate());
  }
}
