// α_t and π_t at chosen steps against the formulas (reference and Bengio et al.'s decays), and `r2d schedule`.
package dev.reason2decide.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.reason2decide.testing.CliRun;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScheduleTest {
  private static final double EPS = 1e-12;

  @Test
  void referenceAlphaRampsOverFivePercent() {
    AlphaSchedule a = AlphaSchedule.reference();
    int t = 1000; // W = 50
    assertEquals(0.0, a.at(0, t), EPS);
    assertEquals(0.7 * 25 / 50, a.at(25, t), 1e-7); // α is a float (0.7f)
    assertEquals(0.7 * 49 / 50, a.at(49, t), 1e-7);
    assertEquals(0.7, a.at(50, t), 1e-7);
    assertEquals(0.7, a.at(999, t), 1e-7);
    assertEquals(0.5, AlphaSchedule.constant(0.5f).at(0, t), EPS);
  }

  @Test
  void referencePiIsZeroThenLinearToCap() {
    SamplingSchedule s = SamplingSchedule.reference();
    int t = 1000; // W = 50, ramp over 600 steps, cap 0.9
    assertEquals(0.0, s.at(0, t), EPS);
    assertEquals(0.0, s.at(49, t), EPS);
    assertEquals(0.0, s.at(50, t), EPS);
    assertEquals(1.0 / 600, s.at(51, t), EPS);
    assertEquals(300.0 / 600, s.at(350, t), EPS);
    assertEquals(0.9, s.at(590, t), EPS);
    assertEquals(0.9, s.at(999, t), EPS);
    // the authors' integer truncation: T = 30 → W = 1, ramp 18
    assertEquals(0.0, s.at(0, 30), EPS);
    assertEquals(4.0 / 18, s.at(5, 30), EPS);
  }

  @Test
  void bengioDecaysAfterTheWarmUp() {
    int t = 1000;
    SamplingSchedule lin = new SamplingSchedule(SamplingSchedule.Kind.LINEAR, 0.05, 0.6, 0.9, 0.01, 0.2, 0, 0);
    assertEquals(0.0, lin.at(49, t), EPS);
    assertEquals(0.3, lin.at(80, t), 1e-12);           // 1 − max(0.2, 1 − 0.01·30)
    assertEquals(0.8, lin.at(400, t), 1e-12);          // floor reached: 1 − 0.2
    SamplingSchedule exp = new SamplingSchedule(SamplingSchedule.Kind.EXPONENTIAL, 0.05, 0.6, 0.9, 0, 0, 0.99, 0);
    assertEquals(1 - Math.pow(0.99, 10), exp.at(60, t), EPS);
    assertEquals(0.9, exp.at(900, t), EPS);            // capped
    SamplingSchedule sig = new SamplingSchedule(SamplingSchedule.Kind.INVERSE_SIGMOID, 0.05, 0.6, 1.0, 0, 0, 10, 0);
    assertEquals(1 - 10 / (10 + Math.exp(2.0)), sig.at(70, t), EPS);
    assertEquals(1.0, SamplingSchedule.constant(1).at(50, t), EPS);
    assertEquals(0.0, SamplingSchedule.constant(1).at(49, t), EPS);
    assertThrows(IllegalArgumentException.class,
        () -> new SamplingSchedule(SamplingSchedule.Kind.EXPONENTIAL, 0.05, 0.6, 0.9, 0, 0, 1.5, 0));
  }

  @Test
  void ablationsUseConstantPi() {
    TrainConfig c = TrainSettings.with(TrainConfig.reference(Recipe.R2D_GOLD_ONLY), "steps", 1000);
    Phase stage2 = RecipePlan.phases(c).get(1);
    assertEquals(0.0, stage2.sampling().at(900, stage2.steps()), EPS);
    TrainConfig p = TrainSettings.with(TrainConfig.reference(Recipe.R2D_PRED_ONLY), "steps", 1000);
    Phase s2 = RecipePlan.phases(p).get(1);
    assertEquals(1.0, s2.sampling().at(s2.steps() - 1, s2.steps()), EPS);
    List<Phase> r2d = RecipePlan.phases(TrainSettings.with(TrainConfig.reference(Recipe.R2D), "steps", 800));
    assertEquals(500, r2d.get(0).steps());
    assertEquals(300, r2d.get(1).steps());
  }

  @Test
  void scheduleCommandPrintsEveryStep() {
    CliRun r = CliRun.of("schedule", "--recipe", "r2d-stage2", "--steps", "100");
    assertEquals(0, r.code(), r.err());
    List<String> lines = r.out().lines().toList();
    assertEquals("step,alpha,pi", lines.get(0));
    assertEquals(101, lines.size());
    for (int t = 0; t < 100; t++) {
      String[] f = lines.get(t + 1).split(",");
      assertEquals(t, Integer.parseInt(f[0]));
      double alpha = t < 5 ? 0.7 * t / 5 : 0.7;
      double pi = t < 5 ? 0 : Math.min(0.9, (t - 5) / 60.0);
      assertEquals(alpha, Double.parseDouble(f[1]), 1e-6, "alpha at " + t);
      assertEquals(pi, Double.parseDouble(f[2]), 1e-12, "pi at " + t);
    }
  }

  @Test
  void scheduleCommandPrintsTheCycleWeightAndTemperatureOfR2dc() {
    CliRun r = CliRun.of("schedule", "--recipe", "r2dc", "--steps", "100");
    assertEquals(0, r.code(), r.err());
    List<String> lines = r.out().lines().toList();
    assertEquals("step,alpha,pi,lambda,gumbel_temperature", lines.get(0));
    assertEquals(101, lines.size());
    // r2dc's default Stage-1 share is R2D-C's (30k of 60k): Stage-1 = 50 steps, Stage-2 = 50: W = W_c = ⌊0.05·50⌋
    // = 2, ramp ⌊0.6·50⌋ = 30
    for (int step = 0; step < 100; step++) {
      String[] f = lines.get(step + 1).split(",", -1);
      assertEquals(5, f.length, lines.get(step + 1));
      int t = step - 50;
      double alpha = t < 0 ? 0 : t < 2 ? 0.7 * t / 2 : 0.7;
      double pi = t < 2 ? 0 : Math.min(0.9, (t - 2) / 30.0);
      boolean cycle = t > 2;
      assertEquals(alpha, Double.parseDouble(f[1]), 1e-6, "alpha at " + step);
      assertEquals(pi, Double.parseDouble(f[2]), 1e-12, "pi at " + step);
      assertEquals(cycle ? 0.1 : 0.0, Double.parseDouble(f[3]), 1e-7, "lambda at " + step);
      if (cycle) {
        assertEquals(Math.max(0.5, Math.pow(2, -t / 50.0)), Double.parseDouble(f[4]), 1e-12, "temperature at " + step);
      } else {
        assertEquals("", f[4]);
      }
    }
  }
}
