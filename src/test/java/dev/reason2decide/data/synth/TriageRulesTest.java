// TriageRules at and next to every threshold, on hand-built cases.
package dev.reason2decide.data.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.reason2decide.data.synth.TriageRules.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

class TriageRulesTest {
  private static final Complaint SORE_THROAT = Complaint.ROUTINE.get(0);
  private static final Complaint ANKLE = byName("ankle injury");
  private static final Complaint ABDOMEN = byName("abdominal pain");
  private static final Complaint HEAD_BUMP = byName("minor head bump");

  private static Complaint byName(String name) {
    return Complaint.ROUTINE.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
  }

  /** A calm adult with a sore throat; each test changes one thing. */
  private static TriageCase calm(Complaint c, int hr, int sbp, int rr, int spo2, MentalStatus m, int pain,
      boolean anticoag) {
    return new TriageCase(40, true, c, "x", "today", hr, sbp, 70, rr, spo2, 37.0, m, pain, List.of(), anticoag,
        false);
  }

  private static int level(TriageCase c) {
    return TriageRules.assess(c).level();
  }

  @Test
  void resourcesDecideLevelsThreeToFive() {
    assertEquals(5, level(calm(SORE_THROAT, 80, 120, 16, 98, MentalStatus.ALERT, 2, false)));
    assertEquals(4, level(calm(ANKLE, 80, 120, 16, 98, MentalStatus.ALERT, 2, false)));
    assertEquals(3, level(calm(ABDOMEN, 80, 120, 16, 98, MentalStatus.ALERT, 2, false)));
    assertEquals(5, level(calm(HEAD_BUMP, 80, 120, 16, 98, MentalStatus.ALERT, 2, false)));
    // anticoagulated head bump: head CT + coagulation labs
    TriageRules.Assessment a = TriageRules.assess(calm(HEAD_BUMP, 80, 120, 16, 98, MentalStatus.ALERT, 2, true));
    assertEquals(3, a.level());
    assertEquals(List.of("head CT", "coagulation labs"), a.resources());
    assertEquals("ESI-3", a.label());
  }

  @Test
  void dangerZoneThresholdsAreStrict() {
    assertEquals(5, level(calm(SORE_THROAT, 100, 90, 20, 92, MentalStatus.ALERT, 7, false)));
    assertEquals(2, level(calm(SORE_THROAT, 101, 120, 16, 98, MentalStatus.ALERT, 2, false)));
    assertEquals(2, level(calm(SORE_THROAT, 80, 120, 21, 98, MentalStatus.ALERT, 2, false)));
    assertEquals(2, level(calm(SORE_THROAT, 80, 120, 16, 91, MentalStatus.ALERT, 2, false)));
    assertEquals(2, level(calm(SORE_THROAT, 80, 89, 16, 98, MentalStatus.ALERT, 2, false)));
    assertEquals(2, level(calm(SORE_THROAT, 80, 120, 16, 98, MentalStatus.ALERT, 8, false)));
    assertEquals(2, level(calm(SORE_THROAT, 80, 120, 16, 98, MentalStatus.CONFUSED, 2, false)));
    assertEquals(2, level(calm(Complaint.HIGH_RISK.get(0), 80, 120, 16, 98, MentalStatus.ALERT, 2, false)));
  }

  @Test
  void criticalThresholdsGiveLevelOne() {
    assertEquals(2, level(calm(SORE_THROAT, 40, 80, 16, 85, MentalStatus.ALERT, 2, false)));
    assertEquals(1, level(calm(SORE_THROAT, 80, 120, 16, 84, MentalStatus.ALERT, 2, false)));
    assertEquals(1, level(calm(SORE_THROAT, 80, 79, 16, 98, MentalStatus.ALERT, 2, false)));
    assertEquals(1, level(calm(SORE_THROAT, 39, 120, 16, 98, MentalStatus.ALERT, 2, false)));
    assertEquals(1, level(calm(SORE_THROAT, 80, 120, 16, 98, MentalStatus.UNRESPONSIVE, 2, false)));
  }

  @Test
  void findingsNameEveryDecidingSign() {
    TriageRules.Assessment a = TriageRules.assess(calm(SORE_THROAT, 120, 86, 24, 98, MentalStatus.ALERT, 2, false));
    assertEquals(List.of(new TriageRules.Finding(Kind.TACHYCARDIA, 120), new TriageRules.Finding(Kind.TACHYPNOEA, 24),
        new TriageRules.Finding(Kind.LOW_SYSTOLIC, 86)), a.findings());
    TriageRules.Assessment b = TriageRules.assess(calm(SORE_THROAT, 120, 70, 16, 80, MentalStatus.ALERT, 2, false));
    assertEquals(1, b.level());
    assertEquals(List.of(new TriageRules.Finding(Kind.CRITICAL_SPO2, 80),
        new TriageRules.Finding(Kind.CRITICAL_SYSTOLIC, 70)), b.findings(), "only level-1 findings decide a 1");
  }
}
