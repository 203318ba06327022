// metrics.jsonl placed on the budget axis: Stage-2 steps follow Stage-1's share; seeds averaged per bucket.
package dev.reason2decide.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.reason2decide.train.JointLoss;
import dev.reason2decide.train.MetricsWriter;
import dev.reason2decide.train.Recipe;
import dev.reason2decide.train.RecipePlan;
import dev.reason2decide.train.StepLosses;
import dev.reason2decide.train.StepRecord;
import dev.reason2decide.train.TrainConfig;
import dev.reason2decide.train.TrainSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunHistoryTest {
  @TempDir
  Path tmp;

  private static final String LINES = """
      {"kind":"step","stage":"stage1","step":1,"loss":4.0,"l_rat":4.0,"lr":0.1,"seconds":0.5}
      {"kind":"step","stage":"stage1","step":5,"loss":2.0,"l_rat":2.0,"lr":0.1,"seconds":0.25}
      {"kind":"eval","stage":"stage1","step":5,"val_loss":1.5,"best_step":5}
      {"kind":"step","stage":"stage2","step":1,"loss":3.0,"l_pred":2.0,"l_rat":5.0,"pi":0.0,"predicted_fraction":0.0,"lr":0.1,"seconds":1.0}
      {"kind":"eval","stage":"stage2","step":3,"val_macro_f1":0.4,"val_accuracy":0.5,"best_step":3}
      """;

  @Test
  void stageTwoStepsStartAfterStageOnesShareOfTheBudget() throws Exception {
    Path f = tmp.resolve("metrics.jsonl");
    Files.writeString(f, LINES);
    // 8 steps, stage1 fraction 0.625: stage1 = 5 steps, stage2 = 3
    TrainConfig cfg = TrainSettings.with(TrainConfig.reference(Recipe.R2D), "steps", 8);
    RunHistory h = RunHistory.read(f, RecipePlan.phases(cfg));
    assertEquals(List.of(1, 5, 6), h.steps().stream().map(RunHistory.Point::step).toList());
    assertEquals(List.of(5, 8), h.evals().stream().map(RunHistory.Point::step).toList());
    assertEquals(0.4, h.evals().get(1).get("val_macro_f1"));
    assertEquals(1.75, h.stepSeconds(), 1e-12);
    assertNull(h.nonFiniteStep());

    RunOutcome a = new RunOutcome("r2d", 1, tmp, new JsonObject(), h, 0, 0, false);
    RunOutcome b = new RunOutcome("r2d", 2, tmp, new JsonObject(), new RunHistory(List.of(
        new RunHistory.Point("stage1", 2, java.util.Map.of("l_rat", 6.0))), List.of(), 0, null), 0, 0, false);
    // buckets of 5 steps: steps 1..5 -> bucket 0 (values 4, 2 from seed 1 and 6 from seed 2), step 6 -> bucket 1
    List<double[]> m = Charts.meanBySteps(List.of(a, b), o -> o.history().steps(), "l_rat", 5);
    assertEquals(2, m.size());
    assertArrayEquals(new double[] {(1 + 5 + 2) / 3.0, 4.0}, m.get(0), 1e-12);
    assertArrayEquals(new double[] {6, 5.0}, m.get(1), 1e-12);
  }

  @Test
  void theFirstNaNLossOrGradientNormIsFlaggedOnTheBudgetAxis() throws Exception {
    Path f = tmp.resolve("metrics.jsonl");
    Files.writeString(f, """
        {"kind":"step","stage":"sft","step":1,"loss":2.0,"grad_norm":1.0,"lr":0.1,"seconds":0.1}
        {"kind":"step","stage":"sft","step":2,"loss":1.5,"grad_norm":NaN,"lr":0.1,"seconds":0.1}
        {"kind":"step","stage":"sft","step":3,"loss":NaN,"grad_norm":NaN,"lr":0.1,"seconds":0.1}
        """);
    RunHistory h = RunHistory.read(f, RecipePlan.phases(TrainSettings.with(TrainConfig.reference(Recipe.SFT), "steps", 3)));
    assertEquals(2, h.nonFiniteStep());
  }

  @Test
  void aPhaseThatStoppedEarlyIsReadToItsStopRecord() throws Exception {
    // what the trainer writes when patience runs out in dss (the grid's dss runs failed on this record before)
    Path f = tmp.resolve("metrics.jsonl");
    Files.writeString(f, """
        {"kind":"step","stage":"dss","step":1,"loss":2.0,"grad_norm":1.0,"lr":0.1,"seconds":0.1}
        {"kind":"eval","stage":"dss","step":1,"val_macro_f1":0.5}
        {"kind":"step","stage":"dss","step":2,"loss":1.5,"grad_norm":1.0,"lr":0.1,"seconds":0.1}
        """);
    try (MetricsWriter w = new MetricsWriter(f)) {
      w.openForPhase("dss", 2);
      w.stop("dss", 2, 4, "patience", "no better validation in 1 evaluation");
    }
    assertTrue(Files.readAllLines(f).get(3).startsWith("{\"kind\":\"stop\""));
    RunHistory h = RunHistory.read(f, RecipePlan.phases(TrainSettings.with(TrainConfig.reference(Recipe.DSS), "steps", 4)));
    assertEquals(List.of(1, 2), h.steps().stream().map(RunHistory.Point::step).toList());
    assertEquals(1, h.evals().size());
    assertEquals(0.2, h.stepSeconds(), 1e-12);
  }

  @Test
  void aLineOfAnotherRecipeIsAnErrorWithItsLineNumber() throws Exception {
    Path f = tmp.resolve("metrics.jsonl");
    Files.writeString(f, "{\"kind\":\"step\",\"stage\":\"sft\",\"step\":1}\n");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RunHistory.read(f, RecipePlan.phases(TrainSettings.with(TrainConfig.reference(Recipe.DSS), "steps", 4))));
    assertTrue(e.getMessage().contains("metrics.jsonl:1") && e.getMessage().contains("'sft'"), e.getMessage());
  }

  @Test
  void reason2DecideCFieldsWrittenByTheTrainerReachTheCharts() throws Exception {
    Path f = tmp.resolve("metrics.jsonl");
    try (MetricsWriter w = new MetricsWriter(f)) {
      w.openForPhase("stage2", 0);
      JointLoss weights = new JointLoss(0.7, 0.1);
      w.step(new StepRecord("stage2", 1, new StepLosses(weights, 1.0, 3.0, 4.0, 0.5, 0.25, 1, 8, 10, null, 2.5, 4,
          0.75, 0.875), 1e-3, 0.5, 0.1));
      w.step(new StepRecord("stage2", 2, new StepLosses(weights, 1.0, 2.0, null, null, 0.5, 2, 8, 10, null, 2.0, 4,
          0.75, null), 1e-3, 0.5, 0.1));
    }
    // r2dc with 8 steps and Stage-1 = 0.625: Stage-1 has 5 steps, Stage-2 3
    RunHistory h = RunHistory.read(f, RecipePlan.phases(TrainSettings.with(TrainConfig.reference(Recipe.R2DC),
        "steps", 8, "stage1-fraction", 0.625)));
    RunHistory.Point p = h.steps().get(0);
    assertEquals(0.625, p.get("confidence"));
    assertEquals(0.75, p.get("tau"));
    assertEquals(4.0, p.get("l_cycle"));
    assertEquals(0.5, p.get("cycle_accuracy"));
    assertEquals(0.875, p.get("gumbel_temperature"));
    assertNull(h.steps().get(1).get("l_cycle"), "no cycle loss before the cycle warm-up ends: no field");
    RunOutcome o = new RunOutcome("r2dc", 1, tmp, new JsonObject(), h, 0, 0, false);
    List<double[]> c = Charts.meanBySteps(List.of(o), x -> x.history().steps(), "confidence", 0);
    assertEquals(2, c.size());
    assertArrayEquals(new double[] {7, 0.5}, c.get(1), 1e-12); // Stage-2 step 2 is step 7 of the budget
  }
}
