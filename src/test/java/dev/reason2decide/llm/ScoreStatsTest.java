// Student-t quantiles against printed tables, and the judge's mean and CI on hand-computed scores.
package dev.reason2decide.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScoreStatsTest {
  @Test
  void quantilesMatchTheTables() {
    // t(0.975, df) from standard tables
    assertEquals(12.7062, StudentT.twoSidedQuantile(0.95, 1), 1e-4);
    assertEquals(4.3027, StudentT.twoSidedQuantile(0.95, 2), 1e-4);
    assertEquals(3.1824, StudentT.twoSidedQuantile(0.95, 3), 1e-4);
    assertEquals(2.7764, StudentT.twoSidedQuantile(0.95, 4), 1e-4);
    assertEquals(2.2281, StudentT.twoSidedQuantile(0.95, 10), 1e-4);
    assertEquals(2.0423, StudentT.twoSidedQuantile(0.95, 30), 1e-4);
    assertEquals(1.9840, StudentT.twoSidedQuantile(0.95, 100), 1e-4);
    assertEquals(1.9600, StudentT.twoSidedQuantile(0.95, 100_000), 1e-4);
    // df = 2 has the closed form P(|T| <= t) = t / sqrt(2 + t^2)
    assertEquals(3 / Math.sqrt(11), StudentT.twoSided(3, 2), 1e-12);
  }

  @Test
  void meanAndIntervalByHand() {
    // 2, 4, 4, 5: mean 3.75, sd = sqrt((3.0625 + 0.0625 + 0.0625 + 1.5625)/3) = sqrt(1.58333) = 1.258306
    // half width = t(0.975, 3) * sd / sqrt(4) = 3.182446 * 0.629153 = 2.002246
    ScoreStats s = ScoreStats.of(List.of(2, 4, 4, 5), 1, 5);
    assertEquals(4, s.n());
    assertEquals(3.75, s.mean(), 1e-12);
    assertEquals(1.258306, s.sd(), 1e-6);
    assertEquals(1.747754, s.ciLow(), 1e-5);
    assertEquals(5.0, s.ciHigh(), 1e-12, "clipped to the scale (3.75 + 2.00 > 5)");
  }

  @Test
  void edgeCases() {
    assertTrue(Double.isNaN(ScoreStats.of(List.of(), 1, 5).mean()));
    ScoreStats one = ScoreStats.of(List.of(3), 1, 5);
    assertEquals(3.0, one.mean());
    assertTrue(Double.isNaN(one.ciLow()));
    ScoreStats same = ScoreStats.of(List.of(4, 4, 4), 1, 5);
    assertEquals(4.0, same.ciLow());
    assertEquals(4.0, same.ciHigh());
  }
}
