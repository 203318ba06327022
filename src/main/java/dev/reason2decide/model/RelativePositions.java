// T5's relative position buckets: which learned bias a (query, key) distance uses.
package dev.reason2decide.model;

/**
 * Bucketing of relative positions exactly as transformers' {@code T5Attention._relative_position_bucket}:
 * half the buckets for exact small distances, the rest logarithmic up to {@code maxDistance}; bidirectional
 * (encoder) splits buckets by sign, causal (decoder) only looks back.
 */
public final class RelativePositions {
  private RelativePositions() {}

  /** Bucket of {@code relative = key - query}. */
  public static int bucket(int relative, boolean bidirectional, int numBuckets, int maxDistance) {
    int ret = 0;
    int n = numBuckets;
    int rel;
    if (bidirectional) {
      n /= 2;
      if (relative > 0) {
        ret += n;
      }
      rel = Math.abs(relative);
    } else {
      rel = -Math.min(relative, 0);
    }
    int maxExact = n / 2;
    if (rel < maxExact) {
      return ret + rel;
    }
    // float32 arithmetic, as torch computes it on a float tensor
    float scaled = (float) Math.log((float) rel / maxExact) / (float) Math.log((double) maxDistance / maxExact)
        * (n - maxExact);
    int large = maxExact + (int) scaled;
    return ret + Math.min(large, n - 1);
  }

  /** Buckets for queries {@code offset .. offset+qLen-1} against keys {@code 0 .. kLen-1}, row-major (qLen, kLen). */
  public static long[] buckets(int qLen, int kLen, int offset, boolean bidirectional, int numBuckets, int maxDistance) {
    long[] out = new long[qLen * kLen];
    for (int i = 0; i < qLen; i++) {
      int q = offset + i;
      for (int j = 0; j < kLen; j++) {
        out[i * kLen + j] = bucket(j - q, bidirectional, numBuckets, maxDistance);
      }
    }
    return out;
  }
}
