// Mean of one rubric criterion's scores with a 95 % Student-t confidence interval.
package dev.reason2decide.llm;

import java.util.List;

/**
 * Summary of integer scores: {@code n}, mean, sample standard deviation (n − 1) and the 95 % t-interval
 * mean ± t(0.975, n − 1)·sd/√n, clipped to the rubric's scale (a mean cannot leave it). Mean and interval are
 * NaN when there are no scores; the interval is NaN for a single score (no spread to estimate).
 */
public record ScoreStats(int n, double mean, double sd, double ciLow, double ciHigh) {

  public static ScoreStats of(List<Integer> scores, int scaleMin, int scaleMax) {
    int n = scores.size();
    if (n == 0) {
      return new ScoreStats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
    double mean = scores.stream().mapToDouble(Integer::doubleValue).sum() / n;
    if (n == 1) {
      return new ScoreStats(1, mean, Double.NaN, Double.NaN, Double.NaN);
    }
    double ss = 0;
    for (int s : scores) {
      ss += (s - mean) * (s - mean);
    }
    double sd = Math.sqrt(ss / (n - 1));
    double half = StudentT.twoSidedQuantile(0.95, n - 1) * sd / Math.sqrt(n);
    return new ScoreStats(n, mean, sd, Math.max(scaleMin, mean - half), Math.min(scaleMax, mean + half));
  }
}
