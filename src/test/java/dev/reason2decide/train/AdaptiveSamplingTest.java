// Reason2Decide-C's confidence of ŷ against a hand computation, and the two coins' realised rate against π·σ.
package dev.reason2decide.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AdaptiveSamplingTest {
  private static final long EOS = 1;

  @Test
  void confidenceIsTheExpOfTheMeanLogProbabilityUpToAndIncludingEos() {
    // start token 0, "ESI-3" as two tokens 17 and 42, then </s> and one padding step after it
    long[] ids = {0, 17, 42, EOS, 0};
    float[] logProbs = {-0.5f, -0.25f, -0.125f, -3f};
    // by hand: mean of -0.5, -0.25, -0.125 = -0.875 / 3; the padding step (-3) does not count
    assertEquals(Math.exp(-0.875 / 3), AdaptiveSampling.confidence(ids, logProbs, EOS), 1e-12);
    // a row that never produced </s> counts every step
    long[] open = {0, 17, 42, 42};
    float[] lp = {-1f, -2f, -0.5f};
    assertEquals(Math.exp(-3.5 / 3), AdaptiveSampling.confidence(open, lp, EOS), 1e-12);
    // ŷ = "</s>" at once: one token
    assertEquals(Math.exp(-0.7f), AdaptiveSampling.confidence(new long[] {0, EOS, 0}, new float[] {-0.7f, -9f}, EOS),
        1e-7);
  }

  @Test
  void acceptanceIsTheLogisticOfTenTimesTheMargin() {
    ConsistencyConfig c = ConsistencyConfig.reference();
    assertEquals(0.5, c.acceptance(0.8, 0.8), 1e-15);
    assertEquals(1 / (1 + Math.exp(-1.0)), c.acceptance(0.9, 0.8), 1e-12);  // 10·0.1 = 1
    assertEquals(1 / (1 + Math.exp(2.5)), c.acceptance(0.5, 0.75), 1e-12);   // 10·(−0.25) = −2.5
  }

  @Test
  void twoCoinsKeepThePredictionAtRatePiTimesSigma() {
    ConsistencyConfig c = ConsistencyConfig.reference();
    double[][] cases = {{0.5, 0.9, 0.8}, {0.9, 0.6, 0.75}, {0.2, 0.99, 0.5}, {1.0, 0.3, 0.3}, {0.0, 1.0, 0.0}};
    SplittableRandom coins = new SplittableRandom(2026);
    int n = 200_000;
    for (double[] k : cases) {
      double pi = k[0];
      double sigma = 1 / (1 + Math.exp(-10 * (k[1] - k[2])));
      double expected = pi * sigma;
      int kept = 0;
      for (int i = 0; i < n; i++) {
        kept += AdaptiveSampling.usePrediction(coins, pi, c.acceptance(k[1], k[2])) ? 1 : 0;
      }
      double rate = (double) kept / n;
      double sd = Math.sqrt(expected * (1 - expected) / n);
      assertTrue(Math.abs(rate - expected) <= 4 * sd + 1e-12, "π " + pi + ", σ " + sigma + ": realised " + rate
          + ", expected " + expected);
    }
  }

  @Test
  void theSecondCoinIsDrawnOnlyWhenTheFirstSaysYes() {
    // π = 0: one draw per example; π = 1: two draws per example (as the code's short-circuit `and`)
    SplittableRandom a = new SplittableRandom(5);
    SplittableRandom b = new SplittableRandom(5);
    AdaptiveSampling.usePrediction(a, 0.0, 0.5);
    b.nextDouble();
    assertEquals(b.nextDouble(), a.nextDouble());
    AdaptiveSampling.usePrediction(a, 1.0, 0.5);
    b.nextDouble();
    b.nextDouble();
    assertEquals(b.nextDouble(), a.nextDouble());
  }
}
