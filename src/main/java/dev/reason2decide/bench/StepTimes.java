// Wall-clock times of repeated benchmark steps: warm-up first, then the median (as the peer reports) with min and max.
package dev.reason2decide.bench;

import java.util.Arrays;

/** Seconds of the timed steps, sorted. The median is element n/2 of the sorted list, as in the peer's timed(). */
public record StepTimes(double[] sorted) {
  /** Runs {@code step} {@code warmup} times untimed, then {@code steps} times timed. */
  public static StepTimes measure(Runnable step, int steps, int warmup) {
    for (int i = 0; i < warmup; i++) {
      step.run();
    }
    double[] t = new double[steps];
    for (int i = 0; i < steps; i++) {
      long start = System.nanoTime();
      step.run();
      t[i] = (System.nanoTime() - start) / 1e9;
    }
    Arrays.sort(t);
    return new StepTimes(t);
  }

  public double median() {
    return sorted[sorted.length / 2];
  }

  public double min() {
    return sorted[0];
  }

  public double max() {
    return sorted[sorted.length - 1];
  }
}
