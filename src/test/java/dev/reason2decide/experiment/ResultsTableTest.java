// Mean, sample sd, best recipe and paired differences of a results table, against hand-computed values.
package dev.reason2decide.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResultsTableTest {
  private static Map<String, List<Double>> values(Object... kv) {
    Map<String, List<Double>> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], Arrays.asList((Double[]) kv[i + 1]));
    }
    return m;
  }

  @Test
  void meanSampleSdAndPairedDifferencesByHand() {
    ResultsTable t = ResultsTable.of(Metric.MACRO_F1, "r2d", values(
        "r2d", new Double[] {0.60, 0.70, 0.80},
        "sft", new Double[] {0.65, 0.60, 0.80}));
    ResultsTable.Row r2d = t.row("r2d");
    assertEquals(0.70, r2d.mean(), 1e-12);
    assertEquals(0.10, r2d.sd(), 1e-12);             // sqrt((0.01 + 0 + 0.01) / 2)
    assertNull(r2d.difference());
    ResultsTable.Row sft = t.row("sft");
    assertEquals(2.05 / 3, sft.mean(), 1e-12);      // (0.65 + 0.60 + 0.80) / 3
    ResultsTable.Difference d = sft.difference();
    assertEquals(0.05, d.perSeed().get(0), 1e-12);
    assertEquals(-0.10, d.perSeed().get(1), 1e-12);
    assertEquals(0.0, d.perSeed().get(2), 1e-12);
    assertEquals(-0.05 / 3, d.mean(), 1e-12);
    // differences 0.05, -0.10, 0: mean -1/60; squares about the mean: (0.05+1/60)^2 + (-0.1+1/60)^2 + (1/60)^2
    double m = -1.0 / 60;
    double ss = Math.pow(0.05 - m, 2) + Math.pow(-0.10 - m, 2) + Math.pow(0 - m, 2);
    assertEquals(Math.sqrt(ss / 2), d.sd(), 1e-12);
    assertEquals(1, d.higher());
    assertEquals(1, d.lower());
    assertEquals(1, d.ties());
    assertEquals("r2d", t.best());                    // 0.70 > 0.6833
  }

  @Test
  void lowerIsBetterPicksTheSmallestMeanAndMissingValuesAreUnpaired() {
    ResultsTable t = ResultsTable.of(Metric.ECE, "r2d", values(
        "r2d", new Double[] {0.30, 0.10},
        "dss", new Double[] {0.05, null}));
    assertEquals("dss", t.best());
    ResultsTable.Row dss = t.row("dss");
    assertEquals(0.05, dss.mean(), 1e-12);
    assertNull(dss.sd());                             // one value: no sample sd
    assertEquals(1, dss.difference().unpaired());
    assertEquals(-0.25, dss.difference().mean(), 1e-12);
    assertEquals(0, dss.difference().higher());
    assertEquals(1, dss.difference().lower());
  }

  @Test
  void allMissingIsEmptyAndAMissingReferenceIsAnError() {
    ResultsTable t = ResultsTable.of(Metric.BERTSCORE, "r2d", values("r2d", new Double[] {null, null}));
    assertTrue(t.empty());
    assertNull(t.best());
    assertThrows(IllegalArgumentException.class, () -> ResultsTable.of(Metric.ACCURACY, "r2d",
        values("sft", new Double[] {0.5})));
  }
}
