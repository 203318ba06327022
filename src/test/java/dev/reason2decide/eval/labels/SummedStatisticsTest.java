// Metrics formed from summed statistics (as Spark sums them over partitions) equal the metrics of the whole set.
package dev.reason2decide.eval.labels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.reason2decide.eval.text.ChrF;
import dev.reason2decide.eval.text.SacreBleu;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SummedStatisticsTest {
  @Test
  void labelScoresFromPairCountsAreComputedByHand() {
    // gold a,a,a,b predicted a,a,b,b: a tp 2, support 3, predicted 2 -> p 1, r 2/3, f1 4/5;
    // b tp 1, support 1, predicted 2 -> p 1/2, r 1, f1 2/3; accuracy 3/4; macro (4/5 + 2/3)/2; weighted (3·4/5 + 2/3)/4
    Map<String, Map<String, Long>> pairs = new LinkedHashMap<>();
    pairs.put("b", Map.of("b", 1L));
    pairs.put("a", new LinkedHashMap<>(Map.of("a", 2L, "b", 1L)));
    LabelScores s = LabelMetrics.fromCounts(pairs, null);
    assertEquals(4, s.n());
    assertEquals(0.75, s.accuracy(), 1e-15);
    assertEquals((0.8 + 2.0 / 3) / 2, s.macroF1(), 1e-15);
    assertEquals((3 * 0.8 + 2.0 / 3) / 4, s.weightedF1(), 1e-15);
    assertEquals(List.of("a", "b"), s.labels());
    assertEquals(1.0, s.perClass().get("a").precision(), 1e-15);
    assertEquals(2.0 / 3, s.perClass().get("a").recall(), 1e-15);
    assertEquals(0.5, s.perClass().get("b").precision(), 1e-15);
    assertEquals(1, s.confusion().count("a", "b"));
    // and the same as scoring the examples one by one
    LabelScores direct = LabelMetrics.score(List.of("a", "a", "a", "b"), List.of("a", "a", "b", "b"));
    assertEquals(direct.macroF1(), s.macroF1(), 0);
    assertEquals(direct.weightedF1(), s.weightedF1(), 0);
  }

  @Test
  void aFixedLabelSetCountsOutsidePredictionsAsWrong() {
    Map<String, Map<String, Long>> pairs = Map.of("a", Map.of("a", 1L, "zzz", 1L));
    LabelScores s = LabelMetrics.fromCounts(pairs, List.of("a", "b"));
    assertEquals(1, s.outsideLabelSet());
    assertEquals(0.5, s.accuracy(), 1e-15);
    assertEquals(List.of("a", "b", LabelMetrics.OTHER), s.confusion().columns());
    assertThrows(IllegalArgumentException.class, () -> LabelMetrics.fromCounts(Map.of("c", Map.of("a", 1L)),
        List.of("a", "b")));
  }

  @Test
  void eceFromBinSumsIsComputedByHand() {
    // two bins: bin 0 holds confidences 0.3 (right), bin 1 holds 0.9 (right) and 0.7 (wrong)
    // ECE = 1/3·|1 − 0.3| + 2/3·|0.5 − 0.8| = 0.7/3 + 0.2
    Calibration.Result r = Calibration.fromBins(new int[] {1, 2}, new double[] {0.3, 1.6}, new int[] {1, 1}, 4);
    assertEquals(0.7 / 3 + 0.2, r.ece(), 1e-12);
    assertEquals(3, r.scored());
    assertEquals(4, r.withoutProbabilities());
    Calibration.Result direct = Calibration.compute(List.of("x", "x", "y"),
        List.of(Map.of("x", 0.3), Map.of("x", 0.9), Map.of("x", 0.7)), 2);
    assertEquals(direct.ece(), r.ece(), 1e-15);
    assertEquals(0, Calibration.bin(0.0, 10));
    assertEquals(0, Calibration.bin(0.1, 10));
    assertEquals(9, Calibration.bin(1.0, 10));
  }

  @Test
  void corpusScoresFromStatisticsSummedOverTwoPartsEqualTheWholeCorpus() {
    List<String> hyp = List.of("the cat sat on the mat", "a quick brown fox", "heart rate is high");
    List<String> ref = List.of("the cat is on the mat", "the quick brown fox jumps", "heart rate 120 is high");
    SacreBleu sacre = new SacreBleu();
    long[] bleu = new long[10];
    long[] chrf = new long[18];
    for (int i = 0; i < hyp.size(); i++) {
      long[] b = sacre.segmentStats(hyp.get(i), ref.get(i));
      long[] c = ChrF.segmentStats(hyp.get(i), ref.get(i));
      for (int j = 0; j < b.length; j++) {
        bleu[j] += b[j];
      }
      for (int j = 0; j < c.length; j++) {
        chrf[j] += c[j];
      }
    }
    assertEquals(sacre.score(hyp, ref).corpus().score(), SacreBleu.corpusFromStats(bleu).score(), 0);
    assertEquals(new ChrF().score(hyp, ref).score(), ChrF.corpusFromStats(chrf), 0);
    // hypothesis lengths 6 + 4 + 4 words, reference lengths 6 + 5 + 5 (13a tokens)
    assertEquals(14, bleu[0]);
    assertEquals(16, bleu[1]);
  }
}
