// Which examples form each batch in an epoch: seeded shuffling, optionally grouped by length to cut padding.
package dev.reason2decide.batches;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Deterministic batch order for (seed, epoch): the same on every JVM, so a resumed run sees the same batches.
 * Length grouping (the default here; the reference pads random batches) sorts examples by length inside windows of
 * {@code 50 × batch} shuffled examples, cuts batches, then shuffles the batches.
 */
public final class BatchOrder {
  private BatchOrder() {}

  /** Batches of example indices for one epoch. {@code lengths} may be null when grouping is off. */
  public static List<int[]> epoch(int n, int batchSize, long seed, int epoch, boolean groupByLength, int[] lengths) {
    SplittableRandom rnd = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + epoch);
    int[] idx = permutation(n, rnd);
    List<int[]> batches = new ArrayList<>();
    if (groupByLength && lengths != null) {
      int window = Math.max(batchSize, 50 * batchSize);
      for (int start = 0; start < n; start += window) {
        int end = Math.min(n, start + window);
        Integer[] w = new Integer[end - start];
        for (int i = start; i < end; i++) {
          w[i - start] = idx[i];
        }
        java.util.Arrays.sort(w, (a, b) -> Integer.compare(lengths[b], lengths[a]));
        for (int i = 0; i < w.length; i += batchSize) {
          int[] batch = new int[Math.min(batchSize, w.length - i)];
          for (int j = 0; j < batch.length; j++) {
            batch[j] = w[i + j];
          }
          batches.add(batch);
        }
      }
      int[] order = permutation(batches.size(), rnd);
      List<int[]> shuffled = new ArrayList<>();
      for (int o : order) {
        shuffled.add(batches.get(o));
      }
      return shuffled;
    }
    for (int i = 0; i < n; i += batchSize) {
      int[] batch = new int[Math.min(batchSize, n - i)];
      System.arraycopy(idx, i, batch, 0, batch.length);
      batches.add(batch);
    }
    return batches;
  }

  private static int[] permutation(int n, SplittableRandom rnd) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = rnd.nextInt(i + 1);
      int t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
    return p;
  }
}
