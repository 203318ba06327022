// Scripted validation curves through the real PhaseTrainer: where the phase ends, what best/ holds, exact resume.
package dev.reason2decide.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import com.google.gson.JsonObject;
import dev.reason2decide.data.Example;
import dev.reason2decide.engine.Engines;
import dev.reason2decide.io.Json;
import dev.reason2decide.model.T5Checkpoint;
import dev.reason2decide.model.T5Init;
import dev.reason2decide.model.T5Model;
import dev.reason2decide.runs.PhaseFolder;
import dev.reason2decide.runs.PhaseKind;
import dev.reason2decide.testing.Shared;
import dev.reason2decide.tokens.TextTokenizer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

  /** No task is trained (α = 0, no rationale prompt), so that a step costs next to nothing; the loop is the same. */
  private static final Phase PHASE = new Phase(PhaseKind.STAGE2, 100, AlphaSchedule.constant(0f),
      Phase.RationaleTask.NONE, null, Phase.Selection.MACRO_F1, 5, 5, 65);

  private PhaseFolder train(String name, int haltAfter) {
    List<Example> data = TinyTraining.sixteen().subList(0, 4);
    TrainConfig cfg = TrainSettings.with(TinyTraining.config(Recipe.R2D_STAGE2, 100), "batch-size", 4);
    PhaseFolder folder = new PhaseFolder(tmp.resolve(name).resolve("stage2"));
    Path tokDir = Shared.fixture("tokenizer-pubmed-2k");
    try (TextTokenizer tok = TextTokenizer.load(tokDir); NDManager m = Engines.newManager();
        MetricsWriter log = new MetricsWriter(tmp.resolve(name).resolve("metrics.jsonl"))) {
      PhaseCheckpoints.State state = PhaseCheckpoints.readState(folder);
      T5Model model = state != null ? T5Checkpoint.load(folder.state(), m)
          : T5Init.create(T5Init.named("tiny", tok.vocabSize()).withDropout(0f), 3L, m);
      EncodedExamples enc = new EncodedExamples(data, tok, cfg.prompts(), 32, 16, false);
      new PhaseTrainer(model, tok, tokDir, cfg, PHASE, 1, enc, enc, List.of("routine", "soon", "urgent"), folder, log,
          null, haltAfter)
          .scriptValidation(step -> Map.of("val_macro_f1", EarlyStoppingTest.plateauAfterArming(step)))
          .run(m, state);
    }
    return folder;
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
