// Sums of per-note evaluation statistics that add across parts of a data set: r2d evaluate's and Spark's figures.
package dev.reason2decide.eval.report;

import dev.reason2decide.data.Prediction;
import dev.reason2decide.eval.faith.CheckTotals;
import dev.reason2decide.eval.faith.FaithfulnessChecks;
import dev.reason2decide.eval.labels.Calibration;
import dev.reason2decide.eval.labels.LabelMetrics;
import dev.reason2decide.eval.labels.LabelScores;
import dev.reason2decide.eval.selective.SelectiveTotals;
import dev.reason2decide.eval.text.ChrF;
import dev.reason2decide.eval.text.NltkBleu;
import dev.reason2decide.eval.text.Rouge;
import dev.reason2decide.eval.text.SacreBleu;
import java.io.Serializable;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the evaluation computes per note, as sums: counts of (gold, predicted) label pairs (the confusion
 * matrix), per calibration bin the examples, summed confidence and right answers, and over notes with a gold
 * rationale the sums of sentence BLEU (NLTK), ROUGE-1/2/L precision, recall and F, sacreBLEU's and chrF's corpus
 * statistics and sentence sacreBLEU, the faithfulness checks' counts ({@link CheckTotals}) and the trust verdicts'
 * counts ({@link SelectiveTotals}). {@link #add} one note, {@link #merge} another part's totals, {@link #finish}
 * into the report. {@code r2d evaluate} is the one-part case ({@link Evaluation}); {@code r2d spark evaluate} sums
 * its partitions, so its figures are the same up to the order of floating-point additions.
 */
public final class EvaluationTotals implements Serializable {
  private static final long serialVersionUID = 2L;

  private final Map<String, Map<String, Long>> pairs = new LinkedHashMap<>();
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
  private final CompensatedSum sacreSentence = new CompensatedSum();
  private final long[] chrfStats = new long[18];
  private final CheckTotals checks = new CheckTotals();
  private final SelectiveTotals selective = new SelectiveTotals();

  public EvaluationTotals(int eceBins) {
    if (eceBins < 1) {
      throw new IllegalArgumentException("--ece-bins must be at least 1, got " + eceBins);
    }
    binCount = new int[eceBins];
    binConfidence = new double[eceBins];
    binRight = new int[eceBins];
  }

  /** The scorers of one part (they hold tokenizers, so each part makes its own instead of receiving them). */
  public static final class Scorers {
    final NltkBleu bleu = new NltkBleu();
    final SacreBleu sacre = new SacreBleu();
    final Rouge rouge = new Rouge();
  }

  /** One note's own rationale scores, for the list of worst examples: sentence BLEU (NLTK) and ROUGE-L F. */
  public record Line(double bleu, double rougeL) {}

  /**
   * Adds one note of group {@code group} (checked with {@code ctx}'s label sets): its gold label (required), ŷ,
   * the probabilities it is scored with (null or empty: none), the gold rationale (null: the note takes no part in
   * rationale metrics), r̂ (null scored as empty) and the trust verdict (null when the row has none). A probability
   * outside [0, 1] is an error naming {@code where}. Returns the note's rationale scores, null without a gold
   * rationale.
   */
  public Line add(Prediction p, String where, List<String> group, CheckTotals.Context ctx, Scorers s) {
    notes++;
    String g = LabelMetrics.normalize(p.goldLabel());
    String predicted = LabelMetrics.normalize(p.predictedLabel());
    selective.add(p.trust(), g.equals(predicted));
    pairs.computeIfAbsent(g, k -> new LinkedHashMap<>()).merge(predicted, 1L, Long::sum);
    Map<String, Double> probabilities = p.probabilities();
    if (probabilities == null || probabilities.isEmpty()) {
      withoutProbabilities++;
    } else {
      Calibration.TopLabel top;
      try {
        top = Calibration.topLabel(probabilities, 0);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(where + ": " + e.getMessage().replaceFirst("^example 0: ", ""), e);
      }
      int b = Calibration.bin(top.confidence(), binCount.length);
      binCount[b]++;
      binConfidence[b] += top.confidence();
      binRight[b] += top.label().equals(g) ? 1 : 0;
    }
    checks.add(group, p.input(), p.goldLabel(), p.predictedLabel(), p.goldRationale(), p.predictedRationale(), ctx);
    String goldRationale = p.goldRationale();
    if (goldRationale == null) {
      return null;
    }
    String h = p.predictedRationale() == null ? "" : p.predictedRationale();
    withRationale++;
    emptyPredictions += h.isBlank() ? 1 : 0;
    double bleu = s.bleu.score(List.of(h), List.of(goldRationale)).score();
    bleuSum += bleu;
    Rouge.Scores r = s.rouge.pair(h, goldRationale);
    Rouge.Prf[] prf = {r.rouge1(), r.rouge2(), r.rougeL()};
    for (int i = 0; i < 3; i++) {
      rougeSums[3 * i] += prf[i].precision();
      rougeSums[3 * i + 1] += prf[i].recall();
      rougeSums[3 * i + 2] += prf[i].f();
    }
    add(sacreStats, s.sacre.segmentStats(h, goldRationale));
    sacreSentence.add(s.sacre.sentence(h, goldRationale).score());
    add(chrfStats, ChrF.segmentStats(h, goldRationale));
    return new Line(bleu, r.rougeL().f());
  }

  private static void add(long[] into, long[] what) {
    for (int i = 0; i < into.length; i++) {
      into[i] += what[i];
    }
  }

  /** This plus {@code o} (returns this). */
  public EvaluationTotals merge(EvaluationTotals o) {
    if (o.binCount.length != binCount.length) {
      throw new IllegalStateException("totals with different bin counts");
    }
    o.pairs.forEach((g, row) -> row.forEach((p, n) ->
        pairs.computeIfAbsent(g, k -> new LinkedHashMap<>()).merge(p, n, Long::sum)));
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
    sacreSentence.merge(o.sacreSentence);
    add(chrfStats, o.chrfStats);
    checks.merge(o.checks);
    selective.merge(o.selective);
    return this;
  }

  public long notes() {
    return notes;
  }

  /** The faithfulness checks' sums of the same notes. */
  public CheckTotals checks() {
    return checks;
  }

  /**
   * The figures as an {@link EvaluationReport}, with {@code checks} as its faithfulness checks and scored against
   * {@code labelSet} (null: the union of gold and predicted labels). Its per-line lists are not kept: each holds
   * just the mean where the report shows a mean of the lines, and is empty elsewhere. No worst examples, BERTScore
   * or same-model faithfulness: they need every row or a model, and {@link EvaluationReport#withModelParts} adds
   * them where there are.
   */
  public EvaluationReport finish(Collection<String> labelSet, Map<String, Object> settings,
      Map<String, Object> provenance, FaithfulnessChecks.Report checks) {
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
              List.of(sacreSentence.mean()), SacreBleu.signature(true)),
          new ChrF.Result(ChrF.corpusFromStats(chrfStats), List.of(), ChrF.signature()),
          new Rouge.Result(new Rouge.Scores(prf[0], prf[1], prf[2]), List.of()), null);
    }
    return new EvaluationReport(labels, calibration, rationales, null, null, List.of(), settings, provenance, checks,
        selective.result());
  }
}
