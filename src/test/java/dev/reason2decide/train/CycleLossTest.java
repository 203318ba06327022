// L_cycle of a padded batch equals the label loss of each soft-embedded rationale computed step by step, one by one.
package dev.reason2decide.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.reason2decide.batches.TokenBatch;
import dev.reason2decide.engine.Engines;
import dev.reason2decide.engine.Tensors;
import dev.reason2decide.model.T5Init;
import dev.reason2decide.model.T5Model;
import dev.reason2decide.prompts.PromptTemplates;
import dev.reason2decide.testing.Shared;
import dev.reason2decide.tokens.TextTokenizer;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CycleLossTest {
  private static final float TEMPERATURE = 0.8f;

  @Test
  void prefixIsThePredictionPromptBeforeTheInputWithoutEos() {
    try (TextTokenizer tok = TextTokenizer.load(Shared.fixture("tokenizer-pubmed-2k"))) {
      long[] prefix = CycleLoss.prefixIds(tok, PromptTemplates.reference());
      assertArrayEquals(tok.encodePlain("predict:"), prefix);
      long[] prompt = tok.encodePlain("predict: fever");
      for (int i = 0; i < prefix.length; i++) {
        assertEquals(prompt[i], prefix[i], "the prefix starts every prediction prompt");
      }
    }
  }

  @Test
  void batchLossIsTheTokenMeanOfEachExampleComputedAlone() {
    try (TextTokenizer tok = TextTokenizer.load(Shared.fixture("tokenizer-pubmed-2k"));
        NDManager m = Engines.newManager()) {
      T5Model model = T5Init.create(T5Init.named("tiny", tok.vocabSize()).withDropout(0f), 3L, m);
      int v = tok.vocabSize();
      int d = (int) model.parameters().get("shared.weight").getShape().get(1);
      float[] shared = model.parameters().get("shared.weight").toFloatArray();                  // (V,D)
      long[] prefix = CycleLoss.prefixIds(tok, PromptTemplates.reference());
      int p = prefix.length;
      // two rationales of 4 and 2 tokens (padded to 4), labels of 2 and 3 tokens
      long[][] rationale = {{11, 12, 13, 1}, {21, 1, -100, -100}};
      long[][] labels = TokenBatch.labels(List.of(new long[] {40, 1}, new long[] {50, 51, 1}));
      int r = 4;
      SplittableRandom rnd = new SplittableRandom(9);
      float[] z = new float[2 * r * v];
      float[] g = new float[2 * r * v];
      for (int i = 0; i < z.length; i++) {
        z[i] = (float) (3 * rnd.nextGaussian());
        g[i] = (float) -Math.log(-Math.log(rnd.nextDouble(1e-12, 1)));
      }
      NDArray logits = Tensors.owned(m, z, new Shape(2, r, v));
      logits.setRequiresGradient(true);
      float batch;
      double accuracy;
      try (GradientCollector gc = Engines.pytorch().newGradientCollector()) {
        CycleLoss.Result res = CycleLoss.compute(model, m, logits, rationale, Tensors.owned(m, g, new Shape(2, r, v)),
            TEMPERATURE, prefix, labels, false);
        batch = res.loss().getFloat();
        accuracy = res.accuracy();
        gc.backward(res.loss());
      }
      float[] grad = logits.getGradient().toFloatArray();
      // the padding positions of row 1 are masked: no gradient reaches their logits
      for (int j = 2; j < r; j++) {
        for (int k = 0; k < v; k++) {
          assertEquals(0f, grad[(r + j) * v + k], 0f, "padding logit (1," + j + "," + k + ")");
        }
      }
      assertTrue(java.util.stream.IntStream.range(0, v).anyMatch(k -> grad[k] != 0f), "valid logits get a gradient");

      // step by step, each example alone: soft tokens in double, embedded by hand, prefix rows of the matrix
      double lossSum = 0;
      int tokens = 0;
      int hits = 0;
      for (int b = 0; b < 2; b++) {
        int len = 0;
        while (len < r && rationale[b][len] != -100) {
          len++;
        }
        float[] in = new float[(p + len) * d];
        for (int i = 0; i < p; i++) {
          System.arraycopy(shared, (int) prefix[i] * d, in, i * d, d);
        }
        for (int j = 0; j < len; j++) {
          double[] soft = new double[v];
          double max = Double.NEGATIVE_INFINITY;
          for (int k = 0; k < v; k++) {
            int at = (b * r + j) * v + k;
            soft[k] = (z[at] + g[at]) / (double) TEMPERATURE;
            max = Math.max(max, soft[k]);
          }
          double sum = 0;
          for (int k = 0; k < v; k++) {
            soft[k] = Math.exp(soft[k] - max);
            sum += soft[k];
          }
          for (int c = 0; c < d; c++) {
            double e = 0;
            for (int k = 0; k < v; k++) {
              e += soft[k] / sum * shared[k * d + c];
            }
            in[(p + j) * d + c] = (float) e;
          }
        }
        long[] label = java.util.Arrays.stream(labels[b]).filter(x -> x != -100).toArray();
        try (NDManager s = m.newSubManager()) {
          NDArray emb = s.create(in, new Shape(1, p + len, d));
          NDArray mask = s.ones(new Shape(1, p + len)).toType(ai.djl.ndarray.types.DataType.INT64, false);
          NDArray enc = model.encodeEmbedded(emb, mask, false);
          float[] out = model.logits(model.decode(TokenBatch.matrix(s, model.shiftRight(new long[][] {label})), enc,
              mask, false)).toFloatArray();                                                      // (1,L,V)
          for (int t = 0; t < label.length; t++) {
            double max = Double.NEGATIVE_INFINITY;
            int arg = 0;
            for (int k = 0; k < v; k++) {
              if (out[t * v + k] > max) {
                max = out[t * v + k];
                arg = k;
              }
            }
            double sum = 0;
            for (int k = 0; k < v; k++) {
              sum += Math.exp(out[t * v + k] - max);
            }
            lossSum += -(out[t * v + (int) label[t]] - max - Math.log(sum));
            tokens++;
            hits += arg == label[t] ? 1 : 0;
          }
        }
      }
      assertEquals(lossSum / tokens, batch, 2e-5 * Math.max(1, lossSum / tokens));
      assertEquals((double) hits / tokens, accuracy, 1e-12);
    }
  }

  @Test
  void oneHotSoftTokensGiveTheOrdinaryPredictionLossOfThoseTokens() {
    // logits with a gap of 60 nats at one token: the Gumbel-softmax is one-hot to float precision, so L_cycle is the
    // ordinary label loss of "predict:" followed by the rationale's tokens (no </s> after them, as in the code)
    try (TextTokenizer tok = TextTokenizer.load(Shared.fixture("tokenizer-pubmed-2k"));
        NDManager m = Engines.newManager()) {
      T5Model model = T5Init.create(T5Init.named("tiny", tok.vocabSize()).withDropout(0f), 4L, m);
      int v = tok.vocabSize();
      long[] prefix = CycleLoss.prefixIds(tok, PromptTemplates.reference());
      long[][] rationale = {{101, 102, 103}, {201, 202, 203}};
      long[][] labels = TokenBatch.labels(List.of(new long[] {7, 1}, new long[] {8, 9, 1}));
      float[] z = new float[2 * 3 * v];
      for (int b = 0; b < 2; b++) {
        for (int j = 0; j < 3; j++) {
          z[(b * 3 + j) * v + (int) rationale[b][j]] = 30f;
        }
      }
      NDArray logits = Tensors.owned(m, z, new Shape(2, 3, v));
      float cycle = CycleLoss.compute(model, m, logits, rationale, m.zeros(new Shape(2, 3, v)), 0.5f, prefix, labels,
          false).loss().getFloat();
      long[][] ids = new long[2][];
      for (int b = 0; b < 2; b++) {
        ids[b] = new long[prefix.length + 3];
        System.arraycopy(prefix, 0, ids[b], 0, prefix.length);
        System.arraycopy(rationale[b], 0, ids[b], prefix.length, 3);
      }
      NDArray[] im = TokenBatch.inputs(m, List.of(ids), 0);
      float ordinary = model.teacherForcedLoss(m, model.encode(im[0], im[1], false), im[1], labels, false).getFloat();
      assertEquals(ordinary, cycle, 1e-5);
    }
  }
}
