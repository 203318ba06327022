// Mergeable totals: two parts merged give the figures of the whole; the compensated mean equals the stream's.
package dev.reason2decide.eval.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reason2decide.data.Prediction;
import dev.reason2decide.eval.faith.CheckTotals;
import dev.reason2decide.eval.faith.FaithfulnessChecks;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EvaluationTotalsTest {
  private static final List<Prediction> PREDS = List.of(
      new Prediction("a", "note a, heart rate 120", "yes", "heart rate 120 is high", "yes", "heart rate 120",
          Map.of("yes", 0.9, "no", 0.1)),
      new Prediction("b", "note b", "no", null, "yes", "rate 99", Map.of("yes", 0.6, "no", 0.4)),
      new Prediction("c", "note c, pain 7", "no", "pain 7", "no", null, null),
      new Prediction("d", "note d", "yes", "calm", "no", "calm note", Map.of("yes", 0.35, "no", 0.65)));

  private static EvaluationTotals sum(List<Prediction> preds, CheckTotals.Context ctx) {
    EvaluationTotals t = new EvaluationTotals(10);
    EvaluationTotals.Scorers s = new EvaluationTotals.Scorers();
    for (int i = 0; i < preds.size(); i++) {
      t.add(preds.get(i), "example " + (i + 1), CheckTotals.WHOLE, ctx, s);
    }
    return t;
  }

  @Test
  void twoPartsMergedAreTheWhole() {
    CheckTotals.Context ctx = CheckTotals.Context.whole(FaithfulnessChecks.labelSet(PREDS), null);
    EvaluationTotals whole = sum(PREDS, ctx);
    EvaluationTotals parts = sum(PREDS.subList(0, 1), ctx).merge(sum(PREDS.subList(1, 4), ctx));
    assertEquals(4, parts.notes());
    EvaluationReport a = whole.finish(null, Map.of(), Map.of(), whole.checks().report(true, null, "none", null));
    EvaluationReport b = parts.finish(null, Map.of(), Map.of(), parts.checks().report(true, null, "none", null));
    // by hand: right a and c (2 of 4); calibration on a, b, d; rationales of a, c, d (c's r̂ absent: empty)
    assertEquals(0.5, b.labels().accuracy(), 0);
    assertEquals(a.labels().perClass(), b.labels().perClass());
    assertEquals(a.labels().macroF1(), b.labels().macroF1(), 0);
    assertArrayEquals(a.labels().confusion().matrix(), b.labels().confusion().matrix());
    assertEquals(3, b.calibration().scored());
    assertEquals(1, b.calibration().withoutProbabilities());
    assertEquals(a.calibration().ece(), b.calibration().ece(), 1e-15);
    assertEquals(3, b.rationales().n());
    assertEquals(1, b.rationales().withoutReference());
    assertEquals(1, b.rationales().emptyPredictions());
    assertEquals(a.rationales().rouge().mean(), b.rationales().rouge().mean());
    assertEquals(a.rationales().sacreBleu().corpus().score(), b.rationales().sacreBleu().corpus().score(), 0);
    assertEquals(a.rationales().chrf().score(), b.rationales().chrf().score(), 0);
    assertEquals(a.checks().toMap(), b.checks().toMap());
    assertEquals(4, b.checks().predicted().rationales());
  }

  @Test
  void addReturnsTheNotesOwnScores() {
    CheckTotals.Context ctx = CheckTotals.Context.whole(FaithfulnessChecks.labelSet(PREDS), null);
    EvaluationTotals t = new EvaluationTotals(10);
    EvaluationTotals.Scorers s = new EvaluationTotals.Scorers();
    assertNull(t.add(PREDS.get(1), "example 2", CheckTotals.WHOLE, ctx, s)); // no gold rationale
    EvaluationTotals.Line same = t.add(new Prediction("x", "n", "yes", "the same words", "yes", "the same words",
        null), "example 3", CheckTotals.WHOLE, ctx, s);
    assertEquals(1.0, same.rougeL(), 1e-12);
    assertEquals(0.0, t.add(new Prediction("y", "n", "yes", "alpha beta", "yes", "gamma", null), "example 4",
        CheckTotals.WHOLE, ctx, s).rougeL(), 0);
  }

  @Test
  void aProbabilityOutsideTheRangeNamesTheNote() {
    CheckTotals.Context ctx = CheckTotals.Context.whole(List.of("yes"), null);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new EvaluationTotals(10).add(
        new Prediction("x", "n", "yes", null, "yes", "r", Map.of("yes", 1.5)), "example 7", CheckTotals.WHOLE, ctx,
        new EvaluationTotals.Scorers()));
    assertTrue(e.getMessage().startsWith("example 7: probability of 'yes' is 1.5"), e.getMessage());
  }

  @Test
  void compensatedMeanIsTheStreamsAverage() {
    Random r = new Random(5);
    for (int t = 0; t < 2000; t++) {
      double[] xs = new double[1 + r.nextInt(50)];
      CompensatedSum c = new CompensatedSum();
      for (int i = 0; i < xs.length; i++) {
        xs[i] = r.nextDouble() * (r.nextBoolean() ? 100 : 1e-7);
        c.add(xs[i]);
      }
      assertEquals(Arrays.stream(xs).average().getAsDouble(), c.mean(), 0, "draw " + t);
    }
    CompensatedSum a = new CompensatedSum();
    CompensatedSum b = new CompensatedSum();
    a.add(1);
    b.add(2);
    b.add(6);
    assertEquals(3.0, a.merge(b).mean(), 0);
    assertEquals(0.0, new CompensatedSum().mean(), 0);
  }
}
