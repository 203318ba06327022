// Expected calibration error and reliability table of label probabilities (top-label, equal-width bins).
package dev.reason2decide.eval.labels;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Top-label calibration (Guo et al. 2017): for each example the confidence is the highest label probability and
 * the example is right when that label equals the gold label (both normalized as in {@link LabelMetrics}; ties go to
 * the label that sorts first). Confidences fall into {@code bins} equal-width bins (i/M, (i+1)/M] (0 goes to the
 * first); ECE = Σ |B|/n · |accuracy(B) − mean confidence(B)| over the n examples that have probabilities.
 */
public final class Calibration {
  /** Default number of bins. */
  public static final int DEFAULT_BINS = 10;

  /** ECE, the table it came from, and how many examples had no probabilities. */
  public record Result(double ece, int bins, int scored, int withoutProbabilities, List<ReliabilityBin> table) {}

  private Calibration() {}

  /**
   * Computes ECE. {@code probabilities.get(i)} may be null (that example is counted in {@code withoutProbabilities},
   * never silently dropped); a probability outside [0, 1] or not finite is an error naming the example.
   */
  public static Result compute(List<String> gold, List<Map<String, Double>> probabilities, int bins) {
    if (bins < 1) {
      throw new IllegalArgumentException("bins must be at least 1, got " + bins);
    }
    if (gold.size() != probabilities.size()) {
      throw new IllegalArgumentException(gold.size() + " gold labels but " + probabilities.size()
          + " probability entries");
    }
    int[] count = new int[bins];
    double[] confSum = new double[bins];
    int[] right = new int[bins];
    int missing = 0;
    for (int i = 0; i < gold.size(); i++) {
      Map<String, Double> probs = probabilities.get(i);
      if (probs == null || probs.isEmpty()) {
        missing++;
        continue;
      }
      TopLabel top = topLabel(probs, i + 1);
      int b = bin(top.confidence(), bins);
      count[b]++;
      confSum[b] += top.confidence();
      if (top.label().equals(LabelMetrics.normalize(gold.get(i)))) {
        right[b]++;
      }
    }
    return fromBins(count, confSum, right, missing);
  }

  /** The most probable label (normalized; ties go to the label that sorts first) and its probability. */
  public record TopLabel(String label, double confidence) {}

  /**
   * The top label of one example's probabilities; a probability outside [0, 1] or not finite is an error naming
   * {@code example} (1-based).
   */
  public static TopLabel topLabel(Map<String, Double> probs, int example) {
    String best = null;
    double conf = -1;
    for (Map.Entry<String, Double> e : probs.entrySet()) {
      Double v = e.getValue();
      if (v == null || !Double.isFinite(v) || v < 0 || v > 1) {
        throw new IllegalArgumentException("example " + example + ": probability of '" + e.getKey() + "' is "
            + v + ", not a number in [0, 1]");
      }
      String label = LabelMetrics.normalize(e.getKey());
      if (v > conf || (v == conf && LabelMetrics.CODE_POINT_ORDER.compare(label, best) < 0)) {
        conf = v;
        best = label;
      }
    }
    return new TopLabel(best, conf);
  }

  /** The bin (0-based) of a confidence among {@code bins} equal-width bins (i/M, (i+1)/M]; 0 goes to the first. */
  public static int bin(double confidence, int bins) {
    int b = 0;
    while (b < bins - 1 && confidence > (double) (b + 1) / bins) {
      b++;
    }
    return b;
  }

  /**
   * ECE from per-bin sums: examples, summed confidence and examples whose top label was right in each bin, and how
   * many examples had no probabilities. Sums over parts of a data set (e.g. Spark partitions) give the data
   * set's figures.
   */
  public static Result fromBins(int[] count, double[] confSum, int[] right, int withoutProbabilities) {
    int bins = count.length;
    if (bins < 1 || confSum.length != bins || right.length != bins) {
      throw new IllegalArgumentException("bin arrays must have the same length >= 1, got " + count.length + ", "
          + confSum.length + ", " + right.length);
    }
    int scored = 0;
    for (int c : count) {
      scored += c;
    }
    List<ReliabilityBin> table = new ArrayList<>();
    double ece = 0;
    for (int b = 0; b < bins; b++) {
      double meanConf = count[b] == 0 ? 0.0 : confSum[b] / count[b];
      double acc = count[b] == 0 ? 0.0 : (double) right[b] / count[b];
      table.add(new ReliabilityBin((double) b / bins, (double) (b + 1) / bins, count[b], meanConf, acc));
      if (scored > 0) {
        ece += (double) count[b] / scored * Math.abs(acc - meanConf);
      }
    }
    return new Result(ece, bins, scored, withoutProbabilities, table);
  }
}
