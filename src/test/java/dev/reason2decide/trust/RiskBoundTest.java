// RiskBound: the binomial tail against scipy's, the smallest decided counts that show 5 % with 95 % confidence.
package dev.reason2decide.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RiskBoundTest {
  @Test
  void binomialTailMatchesScipy() {
    // scipy.stats.binom.cdf(k, n, p)
    assertEquals(0.05104686868360339, RiskBound.binomialCdf(0, 58, 0.05), 1e-12);
    assertEquals(0.04997579524261633, RiskBound.binomialCdf(1, 93, 0.05), 1e-12);
    assertEquals(0.11230139347749565, RiskBound.binomialCdf(10, 300, 0.05), 1e-12);
    assertEquals(2.9164634217515626e-12, RiskBound.binomialCdf(40, 2000, 0.05), 1e-20);
    assertEquals(0.00011488577334117579, RiskBound.binomialCdf(150, 10000, 0.02), 1e-14);
  }

  @Test
  void ninetyFivePercentConfidenceNeedsEnoughDecidedNotes() {
    RiskBound b = new RiskBound(0.05, 0.95);
    // the smallest n with binom.cdf(w, n, 0.05) ≤ 0.05 (scipy): 59, 93, 124, 153 for w = 0..3
    int[] least = {59, 93, 124, 153};
    for (int w = 0; w < least.length; w++) {
      assertFalse(b.admits(w, least[w] - 1), w + " wrong of " + (least[w] - 1));
      assertTrue(b.admits(w, least[w]), w + " wrong of " + least[w]);
    }
    assertTrue(b.admits(0, 0), "no decision is no error");
    assertFalse(b.admits(10, 300), "3.3 % observed, but the upper bound is 5.6 %");
  }

  @Test
  void withoutConfidenceTheObservedShareDecides() {
    RiskBound b = new RiskBound(0.05, 0);
    assertTrue(b.admits(0, 1));
    assertTrue(b.admits(3, 60));
    assertFalse(b.admits(4, 60));
    assertTrue(RiskBound.NONE.admits(7, 7));
    assertThrows(IllegalArgumentException.class, () -> new RiskBound(0, 0.95));
    assertThrows(IllegalArgumentException.class, () -> new RiskBound(0.05, 1));
    assertThrows(IllegalArgumentException.class, () -> b.admits(5, 4));
  }
}
