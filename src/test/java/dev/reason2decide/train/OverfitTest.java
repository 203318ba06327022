// A tiny model trained with the r2d recipe over-fits 16 examples: every label right, rationales reproduced.
package dev.reason2decide.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.reason2decide.data.Example;
import dev.reason2decide.inference.Decision;
import dev.reason2decide.inference.T5DecisionModel;
import dev.reason2decide.testing.Shared;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OverfitTest {
  @TempDir
  Path tmp;

  @Test
  void r2dRecipeOverfitsSixteenExamples() {
    List<Example> data = TinyTraining.sixteen();
    TrainConfig cfg = TinyTraining.config(Recipe.R2D, 400);
    cfg = TrainSettings.with(cfg, "lr-schedule", "linear");
    long start = System.nanoTime();
    Path model = TrainingRun.run(cfg, new TrainingRun.Data(data, data, null, Map.of()),
        ModelSource.fromScratch("tiny", Shared.fixture("tokenizer-pubmed-2k")), tmp.resolve("run"), false,
        new TrainingListener() {
          @Override
          public void onStep(Phase phase, StepRecord r) {
            if (r.step() % 20 == 0 || r.step() < 3) {
              System.out.println(r);
            }
          }

          @Override
          public void onEvaluation(Phase phase, int step, Map<String, Object> metrics, boolean improved) {
            System.out.println(phase.name() + " " + step + " " + metrics);
          }
        }, 0);
    System.out.printf("trained in %.1f s%n", (System.nanoTime() - start) / 1e9);
    try (T5DecisionModel m = T5DecisionModel.load(model)) {
      int labelsRight = 0;
      int rationalesRight = 0;
      for (Example e : data) {
        Decision d = m.decide(e.input());
        labelsRight += d.label().equals(e.label()) ? 1 : 0;
        rationalesRight += d.rationale().equals(e.rationale()) ? 1 : 0;
        double sum = d.probabilities().values().stream().mapToDouble(Double::doubleValue).sum();
        assertEquals(1.0, sum, 1e-6);
      }
      assertEquals(16, labelsRight, "labels right");
      assertEquals(16, rationalesRight, "rationales reproduced");
    }
  }
}
