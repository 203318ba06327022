// Selective-prediction figures of a set of decisions with trust verdicts: coverage, risk, AURC, accuracy, AUROC.
package dev.reason2decide.eval.selective;

import java.util.List;

/**
 * What {@link SelectiveTotals#scores} computes. A figure that is 0/0 is null and shown as "n/a": the error among
 * decided cases when none is decided, the AUROC when every case is right or every case is wrong.
 *
 * @param n cases
 * @param decided cases whose verdict says decide
 * @param coverage decided / n
 * @param decidedWrong wrong decisions among the decided
 * @param errorWhenDeciding decidedWrong / decided (null when nothing is decided)
 * @param wrong wrong decisions among all n
 * @param aurc the area under the risk–coverage curve of the score (cases ranked by score, highest first)
 * @param accuracyAtCoverage accuracy of the highest-scored cases at 90, 95 and 98 % coverage
 * @param auroc how well the score tells right decisions (higher) from wrong ones (null without both)
 * @param curve the risk–coverage curve at each distinct score, highest first
 */
public record SelectiveScores(long n, long decided, double coverage, long decidedWrong, Double errorWhenDeciding,
    long wrong, double aurc, List<CoverageAccuracy> accuracyAtCoverage, Double auroc, List<RiskPoint> curve) {

  /** The coverages at which accuracy is reported. */
  public static final List<Double> COVERAGES = List.of(0.90, 0.95, 0.98);

  public SelectiveScores {
    accuracyAtCoverage = List.copyOf(accuracyAtCoverage);
    curve = List.copyOf(curve);
  }

  /**
   * A point of the risk–coverage curve: deciding the cases scored at or above {@code threshold} covers
   * {@code coverage} of them, and {@code risk} of those are wrong.
   */
  public record RiskPoint(double threshold, double coverage, double risk) {}

  /** Accuracy of the {@code cases} highest-scored cases, the fewest that reach {@code coverage}. */
  public record CoverageAccuracy(double coverage, long cases, double accuracy) {}
}
