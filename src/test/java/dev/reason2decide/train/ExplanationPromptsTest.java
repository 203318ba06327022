// explain-max-input-tokens: while π_t > 0 every Stage-2 explanation prompt, gold ones too, is cut at that limit.
package dev.reason2decide.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import dev.reason2decide.data.Example;
import dev.reason2decide.engine.Engines;
import dev.reason2decide.model.T5Init;
import dev.reason2decide.model.T5Model;
import dev.reason2decide.testing.Shared;
import dev.reason2decide.tokens.TextTokenizer;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExplanationPromptsTest {
  private static final int LIMIT = 9;
  private static final int[] BATCH = {0, 5, 11};
  private static final boolean[] USE_PRED = {false, true, false};
  private static final String[] YHAT = {null, "urgent", null};

  private interface Check {
    void run(JointObjective objective, EncodedExamples enc, TextTokenizer tok);
  }

  private static void with(TrainConfig cfg, Check check) {
    List<Example> data = TinyTraining.sixteen();
    try (TextTokenizer tok = TextTokenizer.load(Shared.fixture("tokenizer-pubmed-2k"));
        NDManager m = Engines.newManager()) {
      T5Model model = T5Init.create(T5Init.named("tiny", tok.vocabSize()), 3L, m);
      EncodedExamples enc = new EncodedExamples(data, tok, cfg.prompts(), 128, 64, true);
      Phase stage2 = RecipePlan.phases(cfg).get(1);
      check.run(new JointObjective(model, enc, tok, cfg, stage2, List.of("routine", "soon", "urgent")), enc, tok);
    }
  }

  /** The full prompt's ids (no limit) cut by hand to {@code LIMIT}: the first LIMIT − 1 tokens and {@code </s>}. */
  private static long[] cutByHand(TextTokenizer tok, String label, String input) {
    long[] full = tok.encode("given label: " + label + ", explain: " + input, 10_000).ids();
    assertTrue(full.length > LIMIT, "the prompt is longer than the limit: " + full.length);
    long[] cut = Arrays.copyOf(full, LIMIT);
    cut[LIMIT - 1] = full[full.length - 1]; // the eos
    return cut;
  }

  @Test
  void whileSamplingEveryPromptIsCutAtTheLimitGoldOnesToo() {
    TrainConfig cfg = TrainSettings.with(TinyTraining.config(Recipe.R2D, 200), "max-input-tokens", 128,
        "explain-max-input-tokens", LIMIT);
    with(cfg, (objective, enc, tok) -> {
      JointObjective.ExplanationPrompts p = objective.explanationPrompts(BATCH, USE_PRED, YHAT, 0.25);
      List<Example> ex = enc.examples;
      assertArrayEquals(cutByHand(tok, ex.get(0).label(), ex.get(0).input()), p.ids().get(0));
      assertArrayEquals(cutByHand(tok, "urgent", ex.get(5).input()), p.ids().get(1));
      assertArrayEquals(cutByHand(tok, ex.get(11).label(), ex.get(11).input()), p.ids().get(2));
      assertEquals(3, p.cutAtExplainLimit());
    });
  }

  @Test
  void withoutSamplingTheGoldPromptsAreTheOnesCutAtTheInputLimit() {
    TrainConfig cfg = TrainSettings.with(TinyTraining.config(Recipe.R2D, 200), "max-input-tokens", 128,
        "explain-max-input-tokens", LIMIT);
    with(cfg, (objective, enc, tok) -> {
      boolean[] gold = {false, false, false};
      JointObjective.ExplanationPrompts p = objective.explanationPrompts(BATCH, gold, new String[3], 0.0);
      for (int i = 0; i < BATCH.length; i++) {
        assertSame(enc.goldLabelled[BATCH[i]], p.ids().get(i));
        assertTrue(p.ids().get(i).length > LIMIT);
      }
      assertNull(p.cutAtExplainLimit());
    });
  }

  @Test
  void byDefaultThePromptsAreCutAtTheInputLimitAsBefore() {
    TrainConfig cfg = TrainSettings.with(TinyTraining.config(Recipe.R2D, 200), "max-input-tokens", 128);
    assertEquals(0, cfg.data().explainMaxInputTokens());
    with(cfg, (objective, enc, tok) -> {
      JointObjective.ExplanationPrompts p = objective.explanationPrompts(BATCH, USE_PRED, YHAT, 0.25);
      assertSame(enc.goldLabelled[0], p.ids().get(0));
      assertSame(enc.goldLabelled[11], p.ids().get(2));
      long[] full = tok.encode("given label: urgent, explain: " + enc.examples.get(5).input(), 10_000).ids();
      assertTrue(full.length <= 128);
      assertArrayEquals(full, p.ids().get(1));
      assertNull(p.cutAtExplainLimit());
    });
  }
}
