// Selective-prediction figures on small cases computed by hand, ties and 0/0 included.
package dev.reason2decide.eval.selective;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.reason2decide.data.DecisionTrust;
import java.util.List;
import org.junit.jupiter.api.Test;

class SelectiveTotalsTest {
  private static final double EPS = 1e-12;

  private static DecisionTrust t(double score, boolean decide) {
    return new DecisionTrust(score, decide, List.of());
  }

  /** Scores 0.9 right, 0.8 wrong (both decided), 0.7 right, 0.6 wrong (not decided). */
  private static SelectiveTotals four() {
    return new SelectiveTotals().add(t(0.9, true), true).add(t(0.8, true), false).add(t(0.7, false), true)
        .add(t(0.6, false), false);
  }

  @Test
  void fourCasesByHand() {
    SelectiveScores s = four().scores();
    assertEquals(4, s.n());
    assertEquals(2, s.decided());
    assertEquals(0.5, s.coverage(), EPS);
    assertEquals(1, s.decidedWrong());
    assertEquals(0.5, s.errorWhenDeciding(), EPS);
    assertEquals(2, s.wrong());
    // risk at k = 1..4: 0, 1/2, 1/3, 2/4
    assertEquals((0 + 0.5 + 1.0 / 3 + 0.5) / 4, s.aurc(), EPS);
    // right (0.9, 0.7) over wrong (0.8, 0.6): 0.9>0.8, 0.9>0.6, 0.7<0.8, 0.7>0.6
    assertEquals(0.75, s.auroc(), EPS);
    // 90 %, 95 %, 98 % of 4 cases: ceil(3.6), ceil(3.8), ceil(3.92) = 4 cases, 2 of them right
    for (SelectiveScores.CoverageAccuracy a : s.accuracyAtCoverage()) {
      assertEquals(4, a.cases());
      assertEquals(0.5, a.accuracy(), EPS);
    }
    assertEquals(List.of(new SelectiveScores.RiskPoint(0.9, 0.25, 0.0), new SelectiveScores.RiskPoint(0.8, 0.5, 0.5),
        new SelectiveScores.RiskPoint(0.7, 0.75, 1.0 / 3), new SelectiveScores.RiskPoint(0.6, 1.0, 0.5)), s.curve());
  }

  /** Two cases tied at 0.5 (one right, one wrong) above a wrong 0.2; nothing decided. */
  @Test
  void tiesAndNothingDecided() {
    SelectiveScores s = new SelectiveTotals().add(t(0.5, false), true).add(t(0.5, false), false)
        .add(t(0.2, false), false).scores();
    assertEquals(0.0, s.coverage(), EPS);
    assertNull(s.errorWhenDeciding(), "no decided case: error among decided is n/a");
    // k=1 cuts the tie: expected errors 1/2; k=2: 1 of 2; k=3: 2 of 3
    assertEquals((0.5 + 0.5 + 2.0 / 3) / 3, s.aurc(), EPS);
    // the right case ties one wrong (1/2) and beats the other (1): 1.5 of 2 pairs
    assertEquals(0.75, s.auroc(), EPS);
    assertEquals(2, s.curve().size());
    assertEquals(new SelectiveScores.RiskPoint(0.5, 2.0 / 3, 0.5), s.curve().get(0));
  }

  /** Ten cases scored 1.0, 0.9, ..., 0.1, only the lowest wrong: 90 % coverage is exactly 9 cases. */
  @Test
  void coverageCutsAreExactAndAurcByHand() {
    SelectiveTotals tot = new SelectiveTotals();
    for (int i = 10; i >= 1; i--) {
      tot.add(t(i / 10.0, i > 1), i > 1);
    }
    SelectiveScores s = tot.scores();
    assertEquals(List.of(9L, 10L, 10L), s.accuracyAtCoverage().stream().map(SelectiveScores.CoverageAccuracy::cases)
        .toList());
    assertEquals(1.0, s.accuracyAtCoverage().get(0).accuracy(), EPS);
    assertEquals(0.9, s.accuracyAtCoverage().get(1).accuracy(), EPS);
    assertEquals(0.9, s.accuracyAtCoverage().get(2).accuracy(), EPS);
    assertEquals(0.1 / 10, s.aurc(), EPS);
    assertEquals(1.0, s.auroc(), EPS);
    assertEquals(0.9, s.coverage(), EPS);
    assertEquals(0.0, s.errorWhenDeciding(), EPS);
  }

  @Test
  void allRightHasNoAuroc() {
    SelectiveScores s = new SelectiveTotals().add(t(0.3, true), true).add(t(0.9, true), true).scores();
    assertNull(s.auroc());
    assertEquals(0.0, s.aurc(), EPS);
    assertEquals(0.0, s.errorWhenDeciding(), EPS);
  }

  @Test
  void mergedPartsGiveTheWhole() {
    SelectiveTotals a = new SelectiveTotals().add(t(0.9, true), true).add(t(0.6, false), false);
    SelectiveTotals b = new SelectiveTotals().add(t(0.8, true), false).add(t(0.7, false), true);
    assertEquals(four().scores(), a.merge(b).scores());
  }

  @Test
  void withoutATrustVerdictNothingIsInvented() {
    SelectiveResult r = new SelectiveTotals().add(t(0.9, true), true).add(null, true).add(null, false).result();
    assertFalse(r.available());
    assertNull(r.scores());
    assertEquals("not available: no trust verdict in 2 of 3 predictions", r.note());
    assertEquals("not available: no predictions", new SelectiveTotals().result().note());
  }
}
