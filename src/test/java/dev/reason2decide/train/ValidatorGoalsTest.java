// Validator.goalMetrics on a real (untrained) model: the rationale checks run only when the accuracy goal is met.
package dev.reason2decide.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import dev.reason2decide.data.Example;
import dev.reason2decide.data.synth.SynthTriage;
import dev.reason2decide.engine.Engines;
import dev.reason2decide.model.T5Init;
import dev.reason2decide.model.T5Model;
import dev.reason2decide.testing.Shared;
import dev.reason2decide.tokens.TextTokenizer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValidatorGoalsTest {
  @Test
  void rationalesAreDecodedAndCheckedOnlyWhenTheAccuracyGoalIsMet() {
    List<Example> val = SynthTriage.generate(5, 3L);
    assertEquals(-1, Validator.firstNonTriage(val));
    assertEquals(0, Validator.firstNonTriage(TinyTraining.sixteen().subList(0, 1)));
    TrainConfig cfg = TrainSettings.with(TinyTraining.config(Recipe.R2D, 10), "eval-batch-size", 3,
        "label-max-new-tokens", 4, "rationale-max-new-tokens", 6);
    try (TextTokenizer tok = TextTokenizer.load(Shared.fixture("tokenizer-pubmed-2k"));
        NDManager m = Engines.newManager()) {
      T5Model model = T5Init.create(T5Init.named("tiny", tok.vocabSize()).withDropout(0f), 3L, m);
      EncodedExamples enc = new EncodedExamples(val, tok, cfg.prompts(), 64, 32, true);
      // an untrained model is right on no note (its ŷ is no ESI label), so the 0.95 bar stops before the rationales
      Map<String, Object> strict = Validator.goalMetrics(model, enc, tok, cfg, GoalStop.Goals.QUICKSTART, m);
      assertEquals(0.0, strict.get("val_accuracy"));
      assertFalse(strict.containsKey("val_fully_faithful"));
      assertFalse(GoalStop.Goals.QUICKSTART.metBy(strict));
      // with every bar at 0 the rationales are decoded and checked: 5 rationales outside the grammar fail every check
      Map<String, Object> all = Validator.goalMetrics(model, enc, tok, cfg, new GoalStop.Goals(0, 0, 0, 0), m);
      assertEquals(0.0, all.get("val_decision_agreement"));
      assertEquals(0.0, all.get("val_fully_faithful"));
      assertTrue(all.containsKey("val_cited_findings_in_note"));
    }
  }
}
