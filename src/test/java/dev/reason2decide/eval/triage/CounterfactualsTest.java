// Counterfactual probes: each edit changes exactly one deciding finding, and the rules' level as computed by hand.
package dev.reason2decide.eval.triage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reason2decide.data.SeededRandom;
import dev.reason2decide.data.synth.SynthTriage;
import dev.reason2decide.data.synth.TriageCase;
import dev.reason2decide.data.synth.TriageRules;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CounterfactualsTest {
  // ESI-4 by hand: ankle X-ray only, every vital sign safe, alert, pain 3, no anticoagulant
  static final String ANKLE = TriageCheckTest.ANKLE;
  // ESI-5 by hand: a head bump needs nothing unless anticoagulated (then head CT and coagulation labs: ESI-3)
  static final String HEAD = "Triage note: woman, 80 y. Complaint: a knock to the head on a door frame (this morning). "
      + "Alert and oriented. Pulse 72, blood pressure 130/80, resp rate 14, sats 97%, temperature 36.9. Pain 2/10. "
      + "Background: none.";
  // ESI-2 by hand, for one reason only: RR 26 > 20
  static final String FAST_BREATHING = "45yo man arrives walking in with a sore throat, started yesterday. Obs: HR 90, "
      + "BP 130/85, RR 26, SpO2 97%, T 37.1. Alert and oriented, pain 2/10. Hx: asthma.";

  private static Probe probe(String note, Edit e) {
    ParsedNote n = NoteParser.parse(note);
    assertNotNull(n, note);
    return Counterfactuals.probe("x", n, e, new SeededRandom(5));
  }

  @Test
  void handMadeNotesHaveTheLevelsComputedByHand() {
    assertEquals(4, TriageRules.assess(NoteParser.parse(ANKLE).facts()).level());
    assertEquals(5, TriageRules.assess(NoteParser.parse(HEAD).facts()).level());
    assertEquals(2, TriageRules.assess(NoteParser.parse(FAST_BREATHING).facts()).level());
  }

  @Test
  void aHeartRateIntoTheDangerZoneMakesAnAnkleInjuryEsi2() {
    Probe p = probe(ANKLE, Edit.HEART_RATE_INTO_DANGER);
    assertEquals(4, p.oldLevel());
    assertEquals(2, p.newLevel());
    assertEquals("80", p.oldValue());
    int hr = Integer.parseInt(p.newValue());
    assertTrue(hr > 100 && hr <= 150, p.newValue());
    assertEquals(ANKLE.replace("HR 80 bpm", "HR " + hr + " bpm"), p.note(), "only the heart rate changed");
    assertEquals("x#heart_rate_into_danger", p.id());
  }

  @Test
  void criticalValuesMakeEsi1() {
    for (Edit e : List.of(Edit.HEART_RATE_INTO_CRITICAL, Edit.SPO2_INTO_CRITICAL, Edit.SYSTOLIC_INTO_CRITICAL,
        Edit.UNRESPONSIVE_ON)) {
      assertEquals(1, probe(ANKLE, e).newLevel(), e.name());
    }
    for (Edit e : List.of(Edit.SPO2_INTO_DANGER, Edit.SYSTOLIC_INTO_DANGER, Edit.RESPIRATORY_RATE_INTO_DANGER,
        Edit.PAIN_INTO_SEVERE, Edit.CONFUSION_ON, Edit.HIGH_RISK_COMPLAINT_ON)) {
      assertEquals(2, probe(ANKLE, e).newLevel(), e.name());
    }
  }

  @Test
  void theSystolicDropKeepsTheDiastolicBelowIt() {
    Probe p = probe(ANKLE, Edit.SYSTOLIC_INTO_CRITICAL);
    TriageCase c = NoteParser.parse(p.note()).facts();
    assertTrue(c.diastolic() < c.systolic(), p.note());
    assertEquals(Math.max(30, c.systolic() - 25), c.diastolic(), "as the generator does");
  }

  @Test
  void editsOutOfAZoneNeedThatZoneToBeTheOnlyReason() {
    Probe p = probe(FAST_BREATHING, Edit.RESPIRATORY_RATE_OUT_OF_DANGER);
    assertEquals(2, p.oldLevel());
    assertEquals(5, p.newLevel(), "a sore throat needs nothing");
    assertNull(probe(ANKLE, Edit.RESPIRATORY_RATE_OUT_OF_DANGER), "RR 16 is not in the danger zone");
    assertNull(probe(TriageCheckTest.CHEST, Edit.HEART_RATE_OUT_OF_DANGER), "four other reasons keep it ESI-2");
  }

  @Test
  void anAnticoagulantCountsOnlyWhereItAddsResources() {
    Probe p = probe(HEAD, Edit.ANTICOAGULANT_ON);
    assertEquals(5, p.oldLevel());
    assertEquals(3, p.newLevel());
    assertTrue(p.note().contains("Background: atrial fibrillation on ") || p.note().contains("Background: DVT on "),
        p.note());
    assertNull(probe(ANKLE, Edit.ANTICOAGULANT_ON), "an ankle X-ray is needed either way");
    Probe back = probe(p.note(), Edit.ANTICOAGULANT_OFF);
    assertEquals(5, back.newLevel());
    assertEquals(HEAD, back.note(), "history back to 'none'");
  }

  @Test
  void onGeneratedNotesEveryProbeChangesExactlyOneFindingAndTheLevel() {
    List<dev.reason2decide.data.Example> ex = SynthTriage.generate(400, 99);
    List<Probe> probes = Counterfactuals.probes(ex.stream().map(e -> e.id()).toList(),
        ex.stream().map(e -> e.input()).toList(), 3, 1000);
    Set<Edit> seen = EnumSet.noneOf(Edit.class);
    for (Probe p : probes) {
      seen.add(p.edit());
      String id = p.id().substring(0, p.id().indexOf('#'));
      TriageCase before = NoteParser.parse(ex.stream().filter(e -> e.id().equals(id)).findFirst().orElseThrow()
          .input()).facts();
      TriageCase after = NoteParser.parse(p.note()).facts();
      int changed = 0;
      changed += before.heartRate() != after.heartRate() ? 1 : 0;
      changed += before.systolic() != after.systolic() ? 1 : 0;
      changed += before.respiratoryRate() != after.respiratoryRate() ? 1 : 0;
      changed += before.spo2() != after.spo2() ? 1 : 0;
      changed += before.pain() != after.pain() ? 1 : 0;
      changed += before.mental() != after.mental() ? 1 : 0;
      changed += before.complaint() != after.complaint() ? 1 : 0;
      changed += before.anticoagulated() != after.anticoagulated() ? 1 : 0;
      assertEquals(1, changed, p.toString());
      assertEquals(before.age(), after.age());
      assertEquals(before.temperature(), after.temperature());
      assertEquals(before.onset(), after.onset());
      assertEquals(TriageRules.assess(before).level(), p.oldLevel());
      assertEquals(TriageRules.assess(after).level(), p.newLevel());
      assertTrue(p.oldLevel() != p.newLevel());
    }
    assertEquals(EnumSet.allOf(Edit.class), seen, "every kind of edit occurs on 400 generated notes");
    assertEquals(probes, Counterfactuals.probes(ex.stream().map(e -> e.id()).toList(),
        ex.stream().map(e -> e.input()).toList(), 3, 1000), "reproducible");
    List<Probe> capped = Counterfactuals.probes(ex.stream().map(e -> e.id()).toList(),
        ex.stream().map(e -> e.input()).toList(), 3, 2);
    assertTrue(capped.size() <= 2 * Edit.values().length);
  }
}
