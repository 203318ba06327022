// A step's numbers: the loss formula on numbers and tensors, adding micro-batches, and the metrics.jsonl line's keys.
package dev.reason2decide.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import ai.djl.ndarray.NDManager;
import dev.reason2decide.engine.Engines;
import dev.reason2decide.engine.Tensors;
import dev.reason2decide.runs.MetricsFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StepRecordTest {
  @TempDir
  Path tmp;

  @Test
  void theLossIsTheWeightedSumOfTheTermsComputed() {
    JointLoss w = new JointLoss(0.75, 0.5);
    assertEquals(6.5, w.of(2.0, 4.0, 8.0), 0);           // 0.75·2 + 0.25·4 + 0.5·8
    assertEquals(2.5, w.of(2.0, 4.0, null), 0);          // no cycle term before its warm-up
    assertEquals(1.5, w.of(2.0, null, null), 0);
    assertNull(w.of(null, null, null));
    assertEquals(4.0, new JointLoss(0, 0.5).of(2.0, 4.0, null), 0); // L_pred computed for ŷ only, weight 0
    try (NDManager m = Engines.newManager()) {
      float tensor = w.of(m, Tensors.scalar(m, 2f), Tensors.scalar(m, 4f), Tensors.scalar(m, 8f)).getFloat();
      assertEquals(6.5f, tensor, 0);
      assertNull(w.of(m, null, null, null));
    }
  }

  @Test
  void microBatchesAddUpToTheStep() {
    JointLoss w = new JointLoss(0.75, 0.5);
    StepLosses first = new StepLosses(w, 1.0, 2.0, null, null, 0.5, 1, 4, 100, null, 1.5, 2, 0.25, null);
    StepLosses second = new StepLosses(w, 3.0, 6.0, 8.0, 0.5, 0.5, 3, 4, 200, 2, 0.5, 2, 0.375, 0.875);
    StepLosses step = StepLosses.NONE.plus(first, 2).plus(second, 2);
    assertEquals(2.0, step.lPred(), 0);    // (1 + 3) / 2
    assertEquals(4.0, step.lRat(), 0);     // (2 + 6) / 2
    assertEquals(4.0, step.lCycle(), 0);   // a micro-batch without the cycle term adds nothing: 8 / 2
    assertEquals(0.25, step.cycleAccuracy(), 0);
    assertEquals(0.5, step.predictedFraction(), 0); // 4 of 8
    assertEquals(300, step.tokens());
    assertEquals(2, step.explainCut());
    assertEquals(0.5, step.confidence(), 0); // 2.0 over 4 examples
    assertEquals(0.375, step.tau(), 0);      // the step's values are the last micro-batch's
    assertEquals(0.875, step.gumbelTemperature(), 0);
    assertEquals(0.75 * 2 + 0.25 * 4 + 0.5 * 4, step.loss(), 0);
    assertNull(StepLosses.NONE.loss());
  }

  @Test
  void aStepLineHasTheKeysMetricsFileReads() throws Exception {
    Path f = tmp.resolve("metrics.jsonl");
    try (MetricsWriter w = new MetricsWriter(f)) {
      w.openForPhase("stage2", 0);
      w.step(new StepRecord("stage2", 3, new StepLosses(new JointLoss(0.75, 0.5), 2.0, 4.0, 8.0, 0.25, 0.5, 2, 8, 300,
          1, 3.0, 4, 0.625, 0.875), 0.001, Double.NaN, 2.0));
      w.step(new StepRecord("stage1", 1, new StepLosses(new JointLoss(0, 0.5), null, 4.0, null, null, null, 0, 8, 50,
          null, 0, 0, null, null), 0.5, 1.0, 0.25));
    }
    List<String> lines = Files.readAllLines(f);
    assertEquals("{\"kind\":\"step\",\"stage\":\"stage2\",\"step\":3,\"loss\":6.5,\"l_pred\":2.0,\"l_rat\":4.0,"
        + "\"alpha\":0.75,\"pi\":0.5,\"predicted_fraction\":0.25,\"lr\":0.001,\"grad_norm\":\"NaN\","
        + "\"tokens_per_s\":150.0,\"seconds\":2.0,\"explain_cut\":1,\"confidence\":0.75,\"tau\":0.625,\"l_cycle\":8.0,"
        + "\"cycle_accuracy\":0.25,\"gumbel_temperature\":0.875}", lines.get(0));
    assertEquals("{\"kind\":\"step\",\"stage\":\"stage1\",\"step\":1,\"loss\":4.0,\"l_rat\":4.0,\"alpha\":0.0,"
        + "\"lr\":0.5,\"grad_norm\":1.0,\"tokens_per_s\":200.0,\"seconds\":0.25}", lines.get(1));
    MetricsFile read = MetricsFile.read(f);
    assertEquals(List.of(), read.problems());
    assertEquals(6.5, read.lines().get(0).get("loss"), 0);
    assertEquals(Double.NaN, read.lines().get(0).get("grad_norm"), 0);
    assertEquals(0.25, read.lines().get(0).get("predicted_fraction"), 0);
  }
}
