// Scripted validation curves through the real PhaseTrainer: where the phase ends, what best/ holds, exact resume.
package dev.reason2decide.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.reason2decide.io.Json;
import dev.reason2decide.runs.PhaseFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Stage-2 rule (armed at A = 65 of T = 100, validation every 5 steps, patience 5) on a phase of the tiny model
 * that trains nothing; the validation scores are scripted (curve 2 of the notes: stop at 90, step 40 kept),
 * everything else — steps, best/, state/, done.json, resume — is the trainer's own.
 */
class PhaseTrainerStoppingTest {
  @TempDir
  Path tmp;

  private PhaseFolder train(String name, int haltAfter) {
    return ScriptedPhase.train(tmp.resolve(name), TrainSettings.with(TinyTraining.config(Recipe.R2D_STAGE2, 100),
        "batch-size", 4), haltAfter, step -> Map.of("val_macro_f1", EarlyStoppingTest.plateauAfterArming(step)));
  }

  @Test
  void stage2StopsAtTheReferenceStepAndKeepsTheBestOfThePhase() {
    PhaseFolder folder = train("straight", 0);
    JsonObject done = Json.readObject(folder.done());
    assertEquals(90, done.get("last_step").getAsInt());
    assertTrue(done.get("stopped_early").getAsBoolean());
    assertEquals(40, done.get("best_step").getAsInt());
    assertEquals(0.7, done.get("best_score").getAsDouble());
    assertTrue(Files.exists(folder.best().dir().resolve("model.safetensors")));
  }

  @Test
  void theStoppingCountersSurviveAnInterruption() throws Exception {
    // halted after step 80: baseline 0.6 (step 65), 3 failures (70, 75, 80) saved in trainer_state.json
    assertThrows(PhaseTrainer.Halted.class, () -> train("resumed", 80));
    JsonObject st = Json.readObject(PhaseFolder.trainerState(new PhaseFolder(tmp.resolve("resumed/stage2")).state()));
    assertEquals(80, st.get("step").getAsInt());
    assertEquals(0.6, st.get("stop_baseline").getAsDouble());
    assertEquals(3, st.get("stop_failures").getAsInt());
    assertEquals(40, st.get("best_step").getAsInt());
    JsonObject done = Json.readObject(train("resumed", 0).done());
    assertEquals(90, done.get("last_step").getAsInt());
    assertEquals(40, done.get("best_step").getAsInt());
  }
}
