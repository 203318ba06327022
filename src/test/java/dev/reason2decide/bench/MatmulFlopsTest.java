// The FLOP count behind model FLOP utilisation, checked against a count done by hand.
package dev.reason2decide.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.reason2decide.model.T5Config;
import org.junit.jupiter.api.Test;

class MatmulFlopsTest {
  @Test
  void tinyConfigOneTokenTargetByHand() {
    T5Config c = BenchShapes.named("tiny"); // d 64, 4 heads × 16, gated d_ff 96, 2+2 layers, V 2100
    // encoder layer (S=2): q,k,v,o 2·2·64·64·4 = 65536; scores+context 2·4·2·2·16·2 = 1024;
    //   wi_0, wi_1, wo 2·2·64·(96+96+96) = 73728 → 140288, two layers 280576.
    // decoder layer (T=1): self q,k,v,o 32768; self attention 256; cross q,o 16384; cross k,v (on S) 32768;
    //   cross attention 512; feed-forward 36864 → 119552, two layers 239104. LM head 2·64·2100 = 268800.
    assertEquals(788480.0, MatmulFlops.forward(c, 1, 2, 1), 0.0);
    assertEquals(3 * 788480.0, MatmulFlops.trainStep(c, 1, 2, 1), 0.0);
  }

  @Test
  void scalesLinearlyWithBatch() {
    T5Config c = BenchShapes.named("small");
    assertEquals(8 * MatmulFlops.forward(c, 1, 256, 64), MatmulFlops.forward(c, 8, 256, 64), 1e-3);
  }
}
