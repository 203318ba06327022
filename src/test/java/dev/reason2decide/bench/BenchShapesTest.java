// The benchmark configurations have the PyTorch peer's dimensions, so both sides run the same shapes.
package dev.reason2decide.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reason2decide.model.T5Config;
import dev.reason2decide.model.T5Parameters;
import org.junit.jupiter.api.Test;

class BenchShapesTest {
  @Test
  void smallIsFlanT5SmallWithThePeersParameterCount() {
    T5Config c = BenchShapes.named("small");
    assertEquals(512, c.dModel());
    assertEquals(8, c.numLayers());
    assertEquals(6, c.numHeads());
    assertEquals(1024, c.dFf());
    assertEquals(32128, c.vocabSize());
    assertTrue(c.gated());
    assertFalse(c.tieWordEmbeddings());
    assertEquals(0f, c.dropoutRate());
    // the peer prints "params": 76961152 for --config small
    long n = T5Parameters.expectedShapes(c).values().stream().mapToLong(s -> s[0] * (s.length > 1 ? s[1] : 1)).sum();
    assertEquals(76961152L, n);
  }

  @Test
  void tinyHasThePeersParameterCount() {
    long n = T5Parameters.expectedShapes(BenchShapes.named("tiny")).values().stream()
        .mapToLong(s -> s[0] * (s.length > 1 ? s[1] : 1)).sum();
    assertEquals(441856L, n); // the peer's "params" for --config tiny
  }

  @Test
  void unknownConfigIsNamed() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BenchShapes.named("huge"));
    assertTrue(e.getMessage().contains("huge"), e.getMessage());
  }

  @Test
  void medianIsThePeersMiddleElement() {
    StepTimes t = new StepTimes(new double[] {1, 2, 3, 10});
    assertEquals(3.0, t.median()); // ts[len(ts) // 2]
    assertEquals(1.0, t.min());
    assertEquals(10.0, t.max());
  }
}
