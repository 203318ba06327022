// A sum of doubles with Kahan compensation that adds across parts: the mean DoubleStream.average() gives, mergeable.
package dev.reason2decide.eval.report;

import java.io.Serializable;

/**
 * The compensated summation of {@code DoubleStream.average()} and {@code DoubleSummaryStatistics} (the running sum,
 * its rounding error, and the plain sum that answers when the compensated one overflows to NaN), so a mean over one
 * part equals that of the stream exactly and parts merge as {@code DoubleSummaryStatistics.combine} merges them.
 * The JDK's class is not {@link Serializable}; Spark ships these between executors.
 */
final class CompensatedSum implements Serializable {
  private static final long serialVersionUID = 1L;

  private double sum;
  private double compensation;
  private double simpleSum;
  private long count;

  void add(double value) {
    count++;
    simpleSum += value;
    compensated(value);
  }

  private void compensated(double value) {
    double tmp = value - compensation;
    double next = sum + tmp;
    compensation = (next - sum) - tmp;
    sum = next;
  }

  /** This plus {@code o} (returns this). */
  CompensatedSum merge(CompensatedSum o) {
    count += o.count;
    simpleSum += o.simpleSum;
    compensated(o.sum);
    compensated(-o.compensation);
    return this;
  }

  double sum() {
    double s = sum - compensation;
    return Double.isNaN(s) && Double.isInfinite(simpleSum) ? simpleSum : s;
  }

  /** The mean of the values added (0 for none, as the report's mean of an empty list). */
  double mean() {
    return count == 0 ? 0 : sum() / count;
  }
}
