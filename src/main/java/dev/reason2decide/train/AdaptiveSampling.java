// Reason2Decide-C's confidence-adaptive scheduled sampling: the confidence of ŷ and the two coins that choose it.
package dev.reason2decide.train;

import java.util.SplittableRandom;

/**
 * An example's rationale prompt uses the model's own ŷ when a coin with probability π_t says so and then a second
 * coin with probability σ(slope·(c − τ)) agrees (the code's {@code rand < frac_pred and rand < lambda_i}: the second
 * coin is drawn only when the first says yes). c is the confidence of the greedy ŷ, τ the running threshold of
 * {@link ConfidenceThreshold}.
 */
public final class AdaptiveSampling {
  private AdaptiveSampling() {}

  /**
   * c = exp(mean log p) over the tokens of a greedily decoded sequence: {@code ids} start with the decoder start
   * token, {@code logProbs[k]} is the log-probability of {@code ids[k + 1]}. The tokens counted run up to and
   * including the first {@code eos} (all steps when there is none); the padding after it does not count (the code
   * averages over the whole padded batch, see docs/training.md).
   */
  public static double confidence(long[] ids, float[] logProbs, long eos) {
    int n = 0;
    double sum = 0;
    for (int k = 0; k < logProbs.length && k + 1 < ids.length; k++) {
      sum += logProbs[k];
      n++;
      if (ids[k + 1] == eos) {
        break;
      }
    }
    if (n == 0) {
      throw new IllegalArgumentException("confidence of an empty sequence");
    }
    return Math.exp(sum / n);
  }

  /** Whether to use ŷ: the π coin, then (only if it said yes) the coin with probability {@code acceptance}. */
  public static boolean usePrediction(SplittableRandom coins, double pi, double acceptance) {
    return coins.nextDouble() < pi && coins.nextDouble() < acceptance;
  }
}
