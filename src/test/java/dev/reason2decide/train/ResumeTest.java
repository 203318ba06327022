// An interrupted-and-resumed run produces the same per-step losses as an uninterrupted one (on CPU), also for r2dc.
package dev.reason2decide.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.reason2decide.data.Example;
import dev.reason2decide.testing.Shared;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResumeTest {
  @TempDir
  Path tmp;

  private static TrainConfig config(Recipe recipe) {
    TrainConfig c = TinyTraining.config(recipe, 40);
    // evaluation every 5 steps so that state is saved often; dropout on, to prove masks are reproduced
    return TrainSettings.with(c, "batch-size", 8, "eval-batch-size", 8, "lr", 1e-3f, "lr-schedule", "linear",
        "weight-decay", 0.01f, "grad-accumulation", 2, "stage1-eval-every", 5, "eval-every", 5, "seed", 11L,
        "dropout", 0.1f, "max-validation", 8);
  }

  private Path run(String name, int haltAfter) {
    return run(name, haltAfter, Recipe.R2D);
  }

  private Path run(String name, int haltAfter, Recipe recipe) {
    List<Example> data = TinyTraining.sixteen();
    return TrainingRun.run(config(recipe), new TrainingRun.Data(data, data, null, Map.of()),
        ModelSource.fromScratch("tiny", Shared.fixture("tokenizer-pubmed-2k")), tmp.resolve(name), haltAfter == -1,
        new TrainingListener() {
          @Override
          public void onStep(Phase phase, StepRecord r) {
            System.out.printf("%s %d %.3fs%n", phase.name(), r.step(), r.seconds());
          }
        }, Math.max(0, haltAfter));
  }

  private static List<String> stepLines(Path runDir) throws Exception {
    return Files.readAllLines(runDir.resolve("metrics.jsonl")).stream()
        .filter(l -> l.contains("\"kind\":\"step\""))
        .map(l -> {
          JsonObject o = JsonParser.parseString(l).getAsJsonObject();
          o.remove("seconds");
          o.remove("tokens_per_s");
          return o.toString();
        }).toList();
  }

  @Test
  void resumedRunRepeatsTheUninterruptedLosses() throws Exception {
    run("straight", 0);
    Path straight = tmp.resolve("straight");
    // interrupted inside Stage-2 (step 32 of 40: phase step 12 of 20), then resumed
    assertThrows(PhaseTrainer.Halted.class, () -> run("resumed", 32));
    assertTrue(Files.exists(tmp.resolve("resumed/stage1/done.json")));
    run("resumed", -1);
    List<String> a = stepLines(straight);
    List<String> b = stepLines(tmp.resolve("resumed"));
    assertEquals(40, a.size(), "one line per step");
    assertEquals(a, b);
    assertTrue(a.stream().anyMatch(l -> l.contains("\"predicted_fraction\":") && !l.contains(
        "\"predicted_fraction\":0.0")), () -> "scheduled sampling was active in the compared steps: "
        + String.join("\n", a.subList(20, 40)));
  }

  @Test
  void resumedR2dcRunRepeatsTheUninterruptedStepsWithEveryOptionOn() throws Exception {
    // Stage-2 of 20 steps: W_c = 1, τ re-estimated every step, the cycle loss from phase step 2 (t > 1), π > 0 from
    // phase step 2; dropout on and two micro-batches per step, as above
    run("straight-r2dc", 0, Recipe.R2DC);
    assertThrows(PhaseTrainer.Halted.class, () -> run("resumed-r2dc", 32, Recipe.R2DC));
    assertTrue(Files.exists(tmp.resolve("resumed-r2dc/stage2/state/confidence_threshold.json")));
    run("resumed-r2dc", -1, Recipe.R2DC);
    List<String> a = stepLines(tmp.resolve("straight-r2dc"));
    List<String> b = stepLines(tmp.resolve("resumed-r2dc"));
    assertEquals(40, a.size(), "one line per step");
    assertEquals(a, b);
    List<String> after = a.subList(32, 40); // the steps the resumed run computed
    String shown = String.join("\n", after);
    for (String field : new String[] {"\"confidence\":", "\"tau\":", "\"l_cycle\":", "\"cycle_accuracy\":",
        "\"gumbel_temperature\":"}) {
      assertTrue(after.stream().allMatch(l -> l.contains(field)), () -> field + " on every resumed step:\n" + shown);
    }
    assertTrue(after.stream().anyMatch(l -> !l.contains("\"predicted_fraction\":0.0")),
        () -> "some ŷ were used in the compared steps:\n" + shown);
  }

  @Test
  void existingRunIsNotOverwrittenWithoutResume() {
    run("once", 0);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> run("once", 0));
    assertTrue(e.getMessage().contains("--resume"), e.getMessage());
  }
}
