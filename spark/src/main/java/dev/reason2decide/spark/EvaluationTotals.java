// Sums of per-note evaluation statistics: what one partition (or group) contributes to r2d evaluate's figures.
package dev.reason2decide.spark;

import dev.reason2decide.eval.faith.FaithfulnessChecks;
import dev.reason2decide.eval.labels.Calibration;
import dev.reason2decide.eval.labels.LabelMetrics;
import dev.reason2decide.eval.labels.LabelScores;
import dev.reason2decide.data.DecisionTrust;
import dev.reason2decide.eval.report.EvaluationReport;
import dev.reason2decide.eval.selective.SelectiveTotals;
import dev.reason2decide.eval.text.ChrF;
import dev.reason2decide.eval.text.NltkBleu;
import dev.reason2decide.eval.text.Rouge;
import dev.reason2decide.eval.text.SacreBleu;
import java.io.Serializable;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything {@code r2d evaluate} computes without a model, as sums that add across partitions: counts of (gold,
 * predicted) label pairs (the confusion matrix), per calibration bin the examples, summed confidence and right
 * answers, and over notes with a gold rationale the sums of sentence BLEU (NLTK), ROUGE-1/2/L precision, recall and
 * F, sacreBLEU's and chrF's corpus statistics and the sum of sentence sacreBLEU, and the faithfulness checks' counts
 * ({@link CheckTotals}), and the trust verdicts' counts ({@link SelectiveTotals}). {@link #report} turns them into the same figures as {@code r2d evaluate} (up to the order
 * of floating-point additions).
 */
final class EvaluationTotals implements Serializable {
  private static final long serialVersionUID = 1L;

  private final Map<String, Map<String, Long>> pairs = new HashMap<>();
  private final int[] binCount;
  private final double[] binConfidence;
  private final int[] binRight;
  private int withoutProbabilities;
  private long notes;
  private long withRationale;
  private long emptyPredictions;
  private double bleuSum;
  private final double[] rougeSums = new double[9];
  private final long[] sacreStats = new long[10];
  private double sacreSentenceSum;
  private final long[] chrfStats = new long[18];
  private final CheckTotals checks = new CheckTotals();
  private final SelectiveTotals selective = new SelectiveTotals();

  EvaluationTotals(int eceBins) {
    if (eceBins < 1) {
      throw new IllegalArgumentException("--ece-bins must be at least 1, got " + eceBins);
    }
    binCount = new int[eceBins];
    binConfidence = new double[eceBins];
    binRight = new int[eceBins];
  }

  /** The per-partition scorers (they hold tokenizers, so they are made on the executor, not shipped). */
  static final class Scorers {
    final NltkBleu bleu = new NltkBleu();
    final SacreBleu sacre = new SacreBleu();
    final Rouge rouge = new Rouge();
  }

  /**
   * Adds one note: {@code gold} (required), {@code predicted}, label probabilities (null when absent), the gold
   * rationale (null: the note takes no part in rationale metrics), the predicted one (null scored as empty) and the
   * trust verdict (null when the row has none).
   */
  void add(String gold, String predicted, Map<String, Double> probabilities, String goldRationale,
      String predictedRationale, DecisionTrust trust, String where, Scorers s) {
    notes++;
    String g = LabelMetrics.normalize(gold);
    selective.add(trust, g.equals(LabelMetrics.normalize(predicted)));
    pairs.computeIfAbsent(g, k -> new HashMap<>()).merge(LabelMetrics.normalize(predicted), 1L, Long::sum);
    if (probabilities == null || probabilities.isEmpty()) {
      withoutProbabilities++;
    } else {
      Calibration.TopLabel top;
      try {
        top = Calibration.topLabel(probabilities, 0);
      } catch (IllegalArgumentException e) {
        throw new BadRowException(where + ": " + e.getMessage().replaceFirst("^example 0: ", ""));
      }
      int b = Calibration.bin(top.confidence(), binCount.length);
      binCount[b]++;
      binConfidence[b] += top.confidence();
      binRight[b] += top.label().equals(g) ? 1 : 0;
    }
    if (goldRationale == null) {
      return;
    }
    String h = predictedRationale == null ? "" : predictedRationale;
    withRationale++;
    emptyPredictions += h.isBlank() ? 1 : 0;
    bleuSum += s.bleu.score(List.of(h), List.of(goldRationale)).score();
    Rouge.Scores r = s.rouge.pair(h, goldRationale);
    Rouge.Prf[] prf = {r.rouge1(), r.rouge2(), r.rougeL()};
    for (int i = 0; i < 3; i++) {
      rougeSums[3 * i] += prf[i].precision();
      rougeSums[3 * i + 1] += prf[i].recall();
      rougeSums[3 * i + 2] += prf[i].f();
    }
    add(sacreStats, s.sacre.segmentStats(h, goldRationale));
    sacreSentenceSum += s.sacre.sentence(h, goldRationale).score();
    add(chrfStats, ChrF.segmentStats(h, goldRationale));
  }

  private static void add(long[] into, long[] what) {
    for (int i = 0; i < into.length; i++) {
      into[i] += what[i];
    }
  }

  /** This plus {@code o} (returns this). */
  EvaluationTotals merge(EvaluationTotals o) {
    if (o.binCount.length != binCount.length) {
      throw new IllegalStateException("totals with different bin counts");
    }
    o.pairs.forEach((g, row) -> row.forEach((p, n) ->
        pairs.computeIfAbsent(g, k -> new HashMap<>()).merge(p, n, Long::sum)));
    for (int b = 0; b < binCount.length; b++) {
      binCount[b] += o.binCount[b];
      binConfidence[b] += o.binConfidence[b];
      binRight[b] += o.binRight[b];
    }
    withoutProbabilities += o.withoutProbabilities;
    notes += o.notes;
    withRationale += o.withRationale;
    emptyPredictions += o.emptyPredictions;
    bleuSum += o.bleuSum;
    for (int i = 0; i < rougeSums.length; i++) {
      rougeSums[i] += o.rougeSums[i];
    }
    add(sacreStats, o.sacreStats);
    sacreSentenceSum += o.sacreSentenceSum;
    add(chrfStats, o.chrfStats);
    checks.merge(o.checks);
    selective.merge(o.selective);
    return this;
  }

  long notes() {
    return notes;
  }

  /** The faithfulness checks' sums of the same notes (added to by the caller). */
  CheckTotals checks() {
    return checks;
  }

  /**
   * The figures as an {@link EvaluationReport}, with {@code checks} as its faithfulness checks. Its per-line lists
   * are not kept (a distributed job never gathers them): each holds just the mean where the report shows a mean of
   * the lines, and is empty elsewhere. No worst examples, BERTScore or same-model faithfulness (they need the rows or
   * a model on the driver).
   */
  EvaluationReport report(Collection<String> labelSet, Map<String, Object> settings, Map<String, Object> provenance,
      FaithfulnessChecks.Report checks) {
    LabelScores labels = LabelMetrics.fromCounts(pairs, labelSet);
    int scored = 0;
    for (int c : binCount) {
      scored += c;
    }
    Calibration.Result calibration = scored == 0 ? null
        : Calibration.fromBins(binCount, binConfidence, binRight, withoutProbabilities);
    EvaluationReport.Rationales rationales = null;
    if (withRationale > 0) {
      double n = withRationale;
      Rouge.Prf[] prf = new Rouge.Prf[3];
      for (int i = 0; i < 3; i++) {
        prf[i] = new Rouge.Prf(rougeSums[3 * i] / n, rougeSums[3 * i + 1] / n, rougeSums[3 * i + 2] / n);
      }
      rationales = new EvaluationReport.Rationales((int) withRationale, (int) (notes - withRationale),
          (int) emptyPredictions, new NltkBleu.Result(bleuSum / n, List.of()),
          new SacreBleu.Result(SacreBleu.corpusFromStats(sacreStats), SacreBleu.signature(false),
              List.of(sacreSentenceSum / n), SacreBleu.signature(true)),
          new ChrF.Result(ChrF.corpusFromStats(chrfStats), List.of(), ChrF.signature()),
          new Rouge.Result(new Rouge.Scores(prf[0], prf[1], prf[2]), List.of()), null);
    }
    return new EvaluationReport(labels, calibration, rationales, null,
        "not computed by r2d spark evaluate (run r2d evaluate --model on the predictions)", List.of(), settings,
        provenance, checks, selective.result());
  }
}
