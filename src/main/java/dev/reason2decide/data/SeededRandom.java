// A seeded SplitMix64 generator: the same numbers for a seed on every JVM (splits and synthetic data use it).
package dev.reason2decide.data;

import java.util.List;

/**
 * SplitMix64 (Steele, Lea and Flood 2014), written out here so that a seed means the same split and the same
 * synthetic data on every Java version. Not for cryptography.
 */
public final class SeededRandom {
  private long state;

  public SeededRandom(long seed) {
    this.state = seed;
  }

  public long nextLong() {
    state += 0x9E3779B97F4A7C15L;
    long z = state;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** A number in [0, bound); bias below 2^-40 for any int bound. */
  public int nextInt(int bound) {
    if (bound <= 0) {
      throw new IllegalArgumentException("bound must be positive: " + bound);
    }
    return (int) Long.remainderUnsigned(nextLong(), bound);
  }

  /** A number in [lo, hi], both included. */
  public int between(int lo, int hi) {
    return lo + nextInt(hi - lo + 1);
  }

  /** A double in [0, 1). */
  public double nextDouble() {
    return (nextLong() >>> 11) * 0x1.0p-53;
  }

  /** True with probability p. */
  public boolean chance(double p) {
    return nextDouble() < p;
  }

  public <T> T pick(List<T> items) {
    return items.get(nextInt(items.size()));
  }

  @SafeVarargs
  public final <T> T pick(T... items) {
    return items[nextInt(items.length)];
  }

  /** Fisher-Yates shuffle in place. */
  public <T> void shuffle(List<T> items) {
    for (int i = items.size() - 1; i > 0; i--) {
      int j = nextInt(i + 1);
      T t = items.get(i);
      items.set(i, items.get(j));
      items.set(j, t);
    }
  }
}
