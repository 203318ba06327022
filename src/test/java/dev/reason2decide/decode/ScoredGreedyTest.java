// Greedy decoding with token log-probabilities: transformers' ids, and each score is the teacher-forced log-probability.
package dev.reason2decide.decode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.reason2decide.engine.Engines;
import dev.reason2decide.model.T5Checkpoint;
import dev.reason2decide.model.T5Model;
import dev.reason2decide.model.safetensors.SafeTensorsReader;
import dev.reason2decide.model.safetensors.TensorEntry;
import dev.reason2decide.testing.Shared;
import org.junit.jupiter.api.Test;

class ScoredGreedyTest {
  @Test
  void scoresAreTheLogProbabilitiesOfTheChosenTokens() {
    String fixture = "t5-tiny-v1_1";
    SafeTensorsReader exp = SafeTensorsReader.open(Shared.fixture(fixture).resolve("expected.safetensors"));
    try (NDManager m = Engines.newManager()) {
      T5Model model = T5Checkpoint.load(Shared.fixture(fixture), m);
      TensorEntry ids = exp.get("input_ids");
      NDArray in = m.create(ids.toLongs(), new Shape(ids.shape()));
      NDArray mask = m.create(exp.get("attention_mask").toLongs(), new Shape(ids.shape()));
      NDArray enc = model.encode(in, mask, false);
      TensorEntry ref = exp.get("greedy_ids");
      int b = (int) ref.shape()[0];
      int w = (int) ref.shape()[1];
      GreedyDecoder.Scored s = GreedyDecoder.generateWithoutCacheScored(model, enc, mask,
          GenerationSettings.greedy(w - 1));
      assertArrayEquals(GreedyDecoder.generateWithoutCache(model, enc, mask, GenerationSettings.greedy(w - 1)),
          s.ids());
      long eos = model.config().eosTokenId();
      // teacher forcing over the decoded rows: log-softmax in double at every position, read at the next token
      float[] logits = model.logits(model.decode(m.create(flatten(s.ids()), new Shape(b, w)), enc, mask, false))
          .toFloatArray();                                                                        // (B,W,V)
      int v = model.config().vocabSize();
      for (int i = 0; i < b; i++) {
        assertArrayEquals(java.util.Arrays.copyOfRange(ref.toLongs(), i * w, (i + 1) * w), s.ids()[i]);
        for (int k = 0; k + 1 < w; k++) {
          int at = (i * w + k) * v;
          double max = Double.NEGATIVE_INFINITY;
          for (int j = 0; j < v; j++) {
            max = Math.max(max, logits[at + j]);
          }
          double sum = 0;
          for (int j = 0; j < v; j++) {
            sum += Math.exp(logits[at + j] - max);
          }
          double expected = logits[at + (int) s.ids()[i][k + 1]] - max - Math.log(sum);
          assertEquals(expected, s.logProbs()[i][k], 2e-5, "row " + i + " step " + k);
          if (s.ids()[i][k + 1] == eos) {
            break; // afterwards the row is padded; its scores are not of the pad written
          }
        }
      }
    }
  }

  private static long[] flatten(long[][] rows) {
    long[] out = new long[rows.length * rows[0].length];
    for (int i = 0; i < rows.length; i++) {
      System.arraycopy(rows[i], 0, out, i * rows[0].length, rows[0].length);
    }
    return out;
  }
}
