// The Stage-2 gradient is that of α·L_pred + (1−α)·L_rat computed separately; the share of ŷ-conditioned prompts
// tracks π.
package dev.reason2decide.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import dev.reason2decide.batches.TokenBatch;
import dev.reason2decide.data.Example;
import dev.reason2decide.engine.Engines;
import dev.reason2decide.check.HfReferenceCheck;
import dev.reason2decide.model.T5Init;
import dev.reason2decide.model.T5Model;
import dev.reason2decide.testing.Shared;
import dev.reason2decide.tokens.TextTokenizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class JointObjectiveTest {
  private static Map<String, float[]> grads(T5Model model) {
    Map<String, float[]> g = new LinkedHashMap<>();
    model.parameters().all().forEach((k, v) -> g.put(k, v.getGradient().toFloatArray()));
    AdamW.zeroGradients(model.parameters().all());
    return g;
  }

  private static float lossAndBackward(T5Model model, NDManager m, List<long[]> in, List<long[]> out) {
    try (GradientCollector gc = Engines.pytorch().newGradientCollector()) {
      NDArray[] im = TokenBatch.inputs(m, in, 0);
      long[][] labels = TokenBatch.labels(out);
      NDArray enc = model.encode(im[0], im[1], false);
      NDArray logits = model.logits(model.decode(TokenBatch.matrix(m, model.shiftRight(labels)), enc, im[1], false));
      NDArray loss = T5Model.loss(logits, TokenBatch.matrix(m, labels));
      gc.backward(loss);
      return loss.getFloat();
    }
  }

  @Test
  void stage2GradientIsTheWeightedSumOfBothTasks() {
    List<Example> data = TinyTraining.sixteen();
    TrainConfig cfg = TinyTraining.config(Recipe.R2D_GOLD_ONLY, 200); // π ≡ 0: gold labels, no randomness
    Phase stage2 = RecipePlan.phases(cfg).get(1);
    try (TextTokenizer tok = TextTokenizer.load(Shared.fixture("tokenizer-pubmed-2k"));
        NDManager m = Engines.newManager()) {
      T5Model model = T5Init.create(T5Init.named("tiny", tok.vocabSize()).withDropout(0f), 3L, m);
      EncodedExamples enc = new EncodedExamples(data, tok, cfg.prompts(), 128, 64, true);
      model.parameters().requireGradients(true);
      int[] batch = {0, 3, 5, 8, 13};
      int t = 80; // after the α warm-up: α = 0.7
      JointObjective objective = new JointObjective(model, enc, tok, cfg, stage2, List.of("routine", "soon", "urgent"));
      StepLosses r = objective.forwardBackward(m, batch, t, 1f, new SplittableRandom(1));
      Map<String, float[]> joint = grads(model);
      double a = stage2.alpha().at(t, stage2.steps());
      assertEquals(0.7, a, 1e-6);
      float lp = lossAndBackward(model, m, JointObjective.rows(enc.predict, batch), JointObjective.rows(enc.label, batch));
      Map<String, float[]> gp = grads(model);
      float lr = lossAndBackward(model, m, JointObjective.rows(enc.goldLabelled, batch),
          JointObjective.rows(enc.rationale, batch));
      Map<String, float[]> gr = grads(model);
      assertEquals(lp, r.lPred(), 1e-5);
      assertEquals(lr, r.lRat(), 1e-5);
      for (String name : joint.keySet()) {
        float[] expected = new float[joint.get(name).length];
        for (int i = 0; i < expected.length; i++) {
          expected[i] = (float) (a * gp.get(name)[i] + (1 - a) * gr.get(name)[i]);
        }
        double err = HfReferenceCheck.relativeError(joint.get(name), expected);
        assertTrue(err < 1e-5, name + " relative error " + err);
      }
    }
  }

  @Test
  void realisedFractionOfPredictedLabelsTracksPi() {
    List<Example> data = TinyTraining.sixteen();
    TrainConfig cfg = TinyTraining.config(Recipe.R2D_STAGE2, 1000);
    Phase stage2 = RecipePlan.phases(cfg).get(0);
    try (TextTokenizer tok = TextTokenizer.load(Shared.fixture("tokenizer-pubmed-2k"));
        NDManager root = Engines.newManager()) {
      T5Model model = T5Init.create(T5Init.named("tiny", tok.vocabSize()), 5L, root);
      EncodedExamples enc = new EncodedExamples(data, tok, cfg.prompts(), 128, 64, true);
      model.parameters().requireGradients(true);
      JointObjective objective = new JointObjective(model, enc, tok, cfg, stage2, List.of("routine", "soon", "urgent"));
      int[] batch = new int[16];
      for (int i = 0; i < 16; i++) {
        batch[i] = i;
      }
      for (int t : new int[] {20, 350, 900}) { // π = 0, 0.5, 0.9
        double pi = stage2.sampling().at(t, stage2.steps());
        int predicted = 0;
        int total = 0;
        SplittableRandom coins = new SplittableRandom(t);
        for (int rep = 0; rep < 12; rep++) {
          try (NDManager m = root.newSubManager()) {
            StepLosses r = objective.forwardBackward(m, batch, t, 1f, coins);
            assertEquals(pi, r.pi(), 1e-12);
            predicted += r.predicted();
            total += r.examples();
          }
          AdamW.zeroGradients(model.parameters().all());
        }
        double frac = (double) predicted / total;
        double sd = Math.sqrt(pi * (1 - pi) / total);
        assertTrue(Math.abs(frac - pi) <= 4 * sd + 1e-9, "π " + pi + " realised " + frac);
      }
    }
  }

  @Test
  void cycleLossJoinsWithWeightLambdaUnscaledByAlpha() {
    List<Example> data = TinyTraining.sixteen();
    // π ≡ 0 (gold labels), dropout 0: the Gumbel noise is the only draw from torch's generator
    TrainConfig cfg = TrainSettings.with(TinyTraining.config(Recipe.R2DC_NO_ADAPTIVE, 400), "schedule", "constant",
        "pi-value", 0.0, "cycle-weight", 0.25f);
    Phase stage2 = RecipePlan.phases(cfg).get(1);
    assertTrue(stage2.cycle() && !stage2.adaptive());
    try (TextTokenizer tok = TextTokenizer.load(Shared.fixture("tokenizer-pubmed-2k"));
        NDManager m = Engines.newManager()) {
      T5Model model = T5Init.create(T5Init.named("tiny", tok.vocabSize()).withDropout(0f), 3L, m);
      EncodedExamples enc = new EncodedExamples(data, tok, cfg.prompts(), 128, 64, true);
      model.parameters().requireGradients(true);
      int[] batch = {1, 4, 6, 9, 14};
      int t = 80; // α = 0.7, cycle on (W_c = 10), temperature 2^(−80/200)
      JointObjective objective = new JointObjective(model, enc, tok, cfg, stage2, List.of("routine", "soon", "urgent"));
      dev.reason2decide.engine.Grad.seed(99);
      StepLosses r = objective.forwardBackward(m, batch, t, 1f, new SplittableRandom(1));
      Map<String, float[]> joint = grads(model);
      assertEquals(Math.pow(2, -80 / 200.0), r.gumbelTemperature(), 1e-12);
      float lp = lossAndBackward(model, m, JointObjective.rows(enc.predict, batch), JointObjective.rows(enc.label, batch));
      Map<String, float[]> gp = grads(model);
      float lr = lossAndBackward(model, m, JointObjective.rows(enc.goldLabelled, batch),
          JointObjective.rows(enc.rationale, batch));
      Map<String, float[]> gr = grads(model);
      float lc;
      try (GradientCollector gc = Engines.pytorch().newGradientCollector()) {
        dev.reason2decide.engine.Grad.seed(99);
        NDArray[] im = TokenBatch.inputs(m, JointObjective.rows(enc.goldLabelled, batch), 0);
        long[][] labels = TokenBatch.labels(JointObjective.rows(enc.rationale, batch));
        NDArray logits = model.logits(model.decode(TokenBatch.matrix(m, model.shiftRight(labels)),
            model.encode(im[0], im[1], false), im[1], false));
        CycleLoss.Result c = CycleLoss.compute(model, m, logits, labels,
            dev.reason2decide.engine.TorchKernels.gumbelNoise(logits), (float) Math.pow(2, -80 / 200.0),
            CycleLoss.prefixIds(tok, cfg.prompts()), TokenBatch.labels(JointObjective.rows(enc.label, batch)), false);
        gc.backward(c.loss());
        lc = c.loss().getFloat();
      }
      Map<String, float[]> gcy = grads(model);
      assertEquals(lp, r.lPred(), 1e-5);
      assertEquals(lr, r.lRat(), 1e-5);
      assertEquals(lc, r.lCycle(), 1e-5);
      for (String name : joint.keySet()) {
        float[] expected = new float[joint.get(name).length];
        for (int i = 0; i < expected.length; i++) {
          expected[i] = (float) (0.7 * gp.get(name)[i] + 0.3 * gr.get(name)[i] + 0.25 * gcy.get(name)[i]);
        }
        double err = HfReferenceCheck.relativeError(joint.get(name), expected);
        assertTrue(err < 1e-5, name + " relative error " + err);
      }
    }
  }
}
