// AdamW parameter groups: a parameter with a learning-rate scale steps exactly as AdamW at the scaled rate.
package dev.reason2decide.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.reason2decide.engine.Engines;
import dev.reason2decide.engine.Tensors;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AdamWGroupsTest {
  @Test
  void theFirstStepMovesEachParameterByItsOwnRate() {
    try (NDManager m = Engines.newManager()) {
      Map<String, NDArray> params = new LinkedHashMap<>();
      params.put("encoder.block.0.layer.0.SelfAttention.q.weight", Tensors.owned(m, new float[] {1f, 1f}, new Shape(2)));
      params.put("encoder.block.0.layer.0.SelfAttention.relative_attention_bias.weight",
          Tensors.owned(m, new float[] {1f, -1f}, new Shape(2)));
      Map<String, NDArray> grads = new LinkedHashMap<>();
      grads.put("encoder.block.0.layer.0.SelfAttention.q.weight", Tensors.owned(m, new float[] {0.5f, -2f},
          new Shape(2)));
      grads.put("encoder.block.0.layer.0.SelfAttention.relative_attention_bias.weight",
          Tensors.owned(m, new float[] {0.5f, -2f}, new Shape(2)));
      OptimConfig optim = TrainSettings.with(TrainConfig.reference(Recipe.R2D), "position-lr-scale", 20f).optim();
      try (AdamW opt = new AdamW(AdamW.Settings.defaults(), m)) {
        opt.step(params, grads, 0.01f, optim::lrScale);
      }
      // step 1 from zero moments: p - lr * g / (|g| + eps), i.e. lr against the gradient's sign
      float[] q = params.get("encoder.block.0.layer.0.SelfAttention.q.weight").toFloatArray();
      float[] bias = params.get("encoder.block.0.layer.0.SelfAttention.relative_attention_bias.weight").toFloatArray();
      assertEquals(0.99f, q[0], 1e-6f);
      assertEquals(1.01f, q[1], 1e-6f);
      assertEquals(0.8f, bias[0], 1e-6f);
      assertEquals(-0.8f, bias[1], 1e-6f);
    }
  }

  @Test
  void onlyRelativeAttentionBiasesAreScaled() {
    OptimConfig optim = TrainSettings.with(TrainConfig.reference(Recipe.R2D), "position-lr-scale", 30f).optim();
    assertEquals(30f, optim.lrScale("decoder.block.0.layer.0.SelfAttention.relative_attention_bias.weight"));
    assertEquals(1f, optim.lrScale("shared.weight"));
    assertEquals(1f, optim.lrScale("decoder.block.1.layer.1.EncDecAttention.k.weight"));
    assertEquals(1f, OptimConfig.reference().lrScale("encoder.block.0.layer.0.SelfAttention.relative_attention_bias"
        + ".weight"));
  }
}
