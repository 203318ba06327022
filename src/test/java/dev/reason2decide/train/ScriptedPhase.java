// A Stage-2 phase of the tiny model that trains nothing, run by the real PhaseTrainer with scripted validations.
package dev.reason2decide.train;

import ai.djl.ndarray.NDManager;
import dev.reason2decide.data.Example;
import dev.reason2decide.engine.Engines;
import dev.reason2decide.model.T5Checkpoint;
import dev.reason2decide.model.T5Init;
import dev.reason2decide.model.T5Model;
import dev.reason2decide.runs.PhaseFolder;
import dev.reason2decide.runs.PhaseKind;
import dev.reason2decide.testing.Shared;
import dev.reason2decide.tokens.TextTokenizer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * T = 100 steps validated every 5 (the reference's patience 5, armed at 65); α = 0 and no rationale prompt, so a step
 * costs next to nothing while the loop, best/, state/, done.json, metrics.jsonl and resume are the trainer's own.
 */
final class ScriptedPhase {
  static final Phase PHASE = new Phase(PhaseKind.STAGE2, 100, AlphaSchedule.constant(0f),
      Phase.RationaleTask.NONE, null, Phase.Selection.MACRO_F1, 5, 5, 65);

  private ScriptedPhase() {}

  /**
   * Runs (or resumes) the phase in {@code run}/stage2 with {@code cfg} and the scripted {@code validation}, halting
   * after {@code haltAfter} steps (0: no halt); metrics go to {@code run}/metrics.jsonl.
   */
  static PhaseFolder train(Path run, TrainConfig cfg, int haltAfter, IntFunction<Map<String, Object>> validation) {
    List<Example> data = TinyTraining.sixteen().subList(0, 4);
    PhaseFolder folder = new PhaseFolder(run.resolve("stage2"));
    Path tokDir = Shared.fixture("tokenizer-pubmed-2k");
    try (TextTokenizer tok = TextTokenizer.load(tokDir); NDManager m = Engines.newManager();
        MetricsWriter log = new MetricsWriter(run.resolve("metrics.jsonl"))) {
      PhaseCheckpoints.State state = PhaseCheckpoints.readState(folder);
      T5Model model = state != null ? T5Checkpoint.load(folder.state(), m)
          : T5Init.create(T5Init.named("tiny", tok.vocabSize()).withDropout(0f), 3L, m);
      EncodedExamples enc = new EncodedExamples(data, tok, cfg.prompts(), 32, 16, false);
      new PhaseTrainer(model, tok, tokDir, cfg, PHASE, 1, enc, enc, List.of("routine", "soon", "urgent"), folder, log,
          null, haltAfter).scriptValidation(validation).run(m, state);
    }
    return folder;
  }
}
