// Hand-computed label metrics: malformed predictions as classes, a class never predicted, fixed label sets, ECE.
package dev.reason2decide.eval.labels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LabelMetricsTest {
  private static final List<String> GOLD = List.of("yes", "no", "maybe", "yes", "no", "yes");
  private static final List<String> PRED = List.of("yes", " no\n", "yes", "  ", "Yes", "yes");

  @Test
  void unionOfStringsWithSklearnSemantics() {
    LabelScores s = LabelMetrics.score(GOLD, PRED);
    // "Yes" sorts before lower case (code point order); the blank prediction became "unknown"
    assertEquals(List.of("Yes", "maybe", "no", "unknown", "yes"), s.labels());
    assertEquals(0.5, s.accuracy(), 1e-12);
    // F1: Yes 0, maybe 0 (never predicted), no 2/3, unknown 0, yes 2/3
    assertEquals(4.0 / 15, s.macroF1(), 1e-12);
    assertEquals((2.0 / 3 * 2 + 2.0 / 3 * 3) / 6, s.weightedF1(), 1e-12);
    ClassScores no = s.perClass().get("no");
    assertEquals(1.0, no.precision(), 1e-12);
    assertEquals(0.5, no.recall(), 1e-12);
    assertEquals(2, no.support());
    ClassScores maybe = s.perClass().get("maybe");
    assertEquals(new ClassScores(0, 0, 0, 1), maybe);
    ClassScores malformed = s.perClass().get("Yes");
    assertEquals(new ClassScores(0, 0, 0, 0), malformed);
    assertEquals(2, s.confusion().count("yes", "yes"));
    assertEquals(1, s.confusion().count("yes", "unknown"));
    assertEquals(1, s.confusion().count("no", "Yes"));
    assertEquals(1, s.confusion().count("maybe", "yes"));
    assertEquals(0, s.outsideLabelSet());
  }

  @Test
  void fixedLabelSetCountsEverythingElseAsWrong() {
    LabelScores s = LabelMetrics.score(GOLD, PRED, List.of("yes", "no", "maybe"));
    assertEquals(List.of("yes", "no", "maybe"), s.labels());
    assertEquals(0.5, s.accuracy(), 1e-12);
    assertEquals(4.0 / 9, s.macroF1(), 1e-12);
    assertEquals(5.0 / 9, s.weightedF1(), 1e-12);
    assertEquals(2, s.outsideLabelSet());
    assertEquals(List.of("yes", "no", "maybe", LabelMetrics.OTHER), s.confusion().columns());
    assertEquals(1, s.confusion().count("yes", LabelMetrics.OTHER));
    assertEquals(1, s.confusion().count("no", LabelMetrics.OTHER));
    assertTrue(s.fixedLabelSet());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> LabelMetrics.score(List.of("perhaps"), List.of("yes"), List.of("yes", "no")));
    assertTrue(e.getMessage().contains("perhaps"), e.getMessage());
  }

  @Test
  void perfectAndEmptyInputs() {
    LabelScores s = LabelMetrics.score(List.of("a", "b"), List.of("a", "b"));
    assertEquals(1.0, s.accuracy());
    assertEquals(1.0, s.macroF1());
    assertThrows(IllegalArgumentException.class, () -> LabelMetrics.score(List.of(), List.of()));
    assertThrows(IllegalArgumentException.class, () -> LabelMetrics.score(List.of("a"), List.of("a", "b")));
  }

  @Test
  void expectedCalibrationErrorByHand() {
    Map<String, Double> tie = new HashMap<>();
    tie.put("yes", 0.3);
    tie.put("no", 0.3);
    tie.put("maybe", 0.3);
    List<Map<String, Double>> probs = Arrays.asList(
        Map.of("yes", 0.9, "no", 0.1), // right, bin (0.8, 0.9]
        Map.of("yes", 0.6, "no", 0.4), // wrong, bin (0.5, 0.6]
        tie,                           // tie goes to "maybe": wrong, bin (0.2, 0.3]
        null);                         // no probabilities: counted, not scored
    Calibration.Result r = Calibration.compute(List.of("yes", "no", "yes", "no"), probs, 10);
    assertEquals((0.1 + 0.6 + 0.3) / 3, r.ece(), 1e-12);
    assertEquals(3, r.scored());
    assertEquals(1, r.withoutProbabilities());
    assertEquals(1, r.table().get(8).count());
    assertEquals(1.0, r.table().get(8).accuracy());
    assertEquals(1, r.table().get(5).count());
    assertEquals(1, r.table().get(2).count());
    assertEquals(10, r.table().size());
    assertThrows(IllegalArgumentException.class,
        () -> Calibration.compute(List.of("yes"), List.of(Map.of("yes", 1.5)), 10));
  }
}
