// τ of Reason2Decide-C on a scripted sequence of confidences: warm-up, first setting, window re-estimates, resume.
package dev.reason2decide.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfidenceThresholdTest {
  @TempDir
  Path tmp;

  /** One step of the scripted run: the τ the coins used. */
  private static double step(ConfidenceThreshold th, int t, double... c) {
    double tau = th.observe(t, c);
    th.endStep(t);
    return tau;
  }

  @Test
  void warmUpThenMeanThenWindows() {
    // W_c = 3, window N = 2: steps 0,1,2 collect; step 3 sets τ from steps 0..3; steps 5, 7, … re-estimate
    ConfidenceThreshold th = new ConfidenceThreshold(3, 2);
    assertEquals(1.0, step(th, 0, 0.2, 0.4), 0);           // during the warm-up the coins see τ = 1
    assertEquals(1.0, step(th, 1, 0.6));
    assertEquals(1.0, step(th, 2, 0.8, 0.8));
    // at t = W_c: the mean of everything so far, this step included: (0.2+0.4+0.6+0.8+0.8+0.1)/6 = 2.9/6
    assertEquals(2.9 / 6, step(th, 3, 0.1), 1e-15);
    assertEquals(2.9 / 6, th.tau(), 1e-15);
    assertEquals(0, th.windowCount());
    // steps 4, 5 use the current τ; at the end of step 5 (= W_c + N) τ = mean of steps 4 and 5
    assertEquals(2.9 / 6, step(th, 4, 0.9, 0.7), 1e-15);
    assertEquals(2.9 / 6, step(th, 5, 0.5), 1e-15);
    assertEquals((0.9 + 0.7 + 0.5) / 3, th.tau(), 1e-15);
    assertEquals(0, th.windowCount());
    // steps 6, 7 → τ = mean of 6 and 7, used from step 8 on
    assertEquals((0.9 + 0.7 + 0.5) / 3, step(th, 6, 0.3), 1e-15);
    assertEquals((0.9 + 0.7 + 0.5) / 3, step(th, 7, 0.6), 1e-15);
    assertEquals(0.45, step(th, 8, 0.99), 1e-15);
    assertEquals(1, th.windowCount());
  }

  @Test
  void emptyWindowsKeepTauAndTheInitialValueIsTheFallback() {
    ConfidenceThreshold th = new ConfidenceThreshold(1, 1);
    assertEquals(1.0, step(th, 0));
    assertEquals(0.75, step(th, 1), 0);      // nothing collected: the code's 0.75
    assertEquals(0.75, th.tau(), 0);
    assertEquals(0.75, step(th, 2, 0.6), 0); // after W_c the current τ; the window (1 step) ends: τ = 0.6
    assertEquals(0.6, th.tau(), 1e-15);
    assertEquals(0.6, step(th, 3), 1e-15);   // an empty window leaves τ as it was
    assertEquals(0.6, th.tau(), 1e-15);
  }

  @Test
  void accumulatedMicroBatchesAtTheWarmUpStepSeeTheMeanSoFar() {
    ConfidenceThreshold th = new ConfidenceThreshold(1, 5);
    th.observe(0, new double[] {0.2});
    th.endStep(0);
    assertEquals(0.3, th.observe(1, new double[] {0.4}), 1e-15);         // (0.2 + 0.4) / 2
    assertEquals(0.4, th.observe(1, new double[] {0.6}), 1e-15);         // (0.2 + 0.4 + 0.6) / 3
    th.endStep(1);
    assertEquals(0.4, th.tau(), 1e-15);
  }

  @Test
  void savedStateResumesExactly() {
    ConfidenceThreshold a = new ConfidenceThreshold(2, 3);
    for (int t = 0; t < 7; t++) {
      step(a, t, 0.1 * t + 0.01, 0.3);
    }
    Path f = tmp.resolve("confidence_threshold.json");
    a.save(f);
    ConfidenceThreshold b = new ConfidenceThreshold(2, 3);
    b.restore(f);
    for (int t = 7; t < 12; t++) {
      assertEquals(step(a, t, 0.05 * t), step(b, t, 0.05 * t), 0);
      assertEquals(a.tau(), b.tau(), 0);
    }
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new ConfidenceThreshold(2, 4).restore(f));
    assertTrue(e.getMessage().contains("confidence_threshold.json") && e.getMessage().contains("window"),
        e.getMessage());
  }

  @Test
  void windowsAndWarmUpAreFractionsOfTheStageTwoBudget() {
    ConsistencyConfig c = ConsistencyConfig.reference();
    assertEquals(1500, c.cycleWarmupSteps(30_000));  // the code: int(0.05 · 30000)
    assertEquals(1000, c.tauWindowSteps(30_000));    // the code: every 1000 steps
    assertEquals(16, c.cycleWarmupSteps(337));       // the synthetic grid's Stage-2
    assertEquals(11, c.tauWindowSteps(337));         // round(337 / 30)
    assertEquals(1, c.tauWindowSteps(10));
    assertTrue(!c.cycleOn(1500, 30_000) && c.cycleOn(1501, 30_000), "the cycle loss starts after W_c");
    // temperature: 1.0 at t = 0, 2^(−½) at half the budget, the floor 0.5 at the end and never below it
    assertEquals(1.0, c.gumbelTemperature(0, 30_000), 0);
    assertEquals(Math.sqrt(0.5), c.gumbelTemperature(15_000, 30_000), 1e-12);
    assertEquals(0.5, c.gumbelTemperature(30_000, 30_000), 1e-12);
    assertEquals(0.5, TrainSettings.with(TrainConfig.reference(Recipe.R2DC), "gumbel-half-life", 0.25).schedules().consistency().gumbelTemperature(20_000, 30_000), 0);
  }
}
