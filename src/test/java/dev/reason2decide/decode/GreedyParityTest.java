// Decoding without the key/value cache gives the same greedy ids as the cached decoder and as transformers.
package dev.reason2decide.decode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.reason2decide.engine.Engines;
import dev.reason2decide.model.T5Checkpoint;
import dev.reason2decide.model.T5Model;
import dev.reason2decide.model.safetensors.SafeTensorsReader;
import dev.reason2decide.model.safetensors.TensorEntry;
import dev.reason2decide.testing.Shared;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GreedyParityTest {
  @ParameterizedTest
  @ValueSource(strings = {"t5-tiny-v1_0", "t5-tiny-v1_1"})
  void uncachedEqualsCachedEqualsTransformers(String fixture) {
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
      GenerationSettings g = GenerationSettings.greedy(w - 1);
      long[][] cached = GreedyDecoder.generate(model, enc, mask, g);
      long[][] uncached = GreedyDecoder.generateWithoutCache(model, enc, mask, g);
      long[] flat = ref.toLongs();
      for (int i = 0; i < b; i++) {
        long[] row = java.util.Arrays.copyOfRange(flat, i * w, (i + 1) * w);
        assertArrayEquals(row, cached[i]);
        assertArrayEquals(row, uncached[i]);
      }
    }
  }
}
