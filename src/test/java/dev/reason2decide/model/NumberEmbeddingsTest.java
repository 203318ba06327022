// NumberEmbeddings: which pieces are numbers, their magnitude coordinates, and how T5Init places them.
package dev.reason2decide.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import dev.reason2decide.engine.Engines;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class NumberEmbeddingsTest {
  @Test
  void numberPiecesAreWholeNumbersWithOrWithoutTheSpaceMark() {
    assertEquals(OptionalInt.of(118), NumberEmbeddings.value("\u2581118"));
    assertEquals(OptionalInt.of(72), NumberEmbeddings.value("72"));
    assertEquals(OptionalInt.of(0), NumberEmbeddings.value("\u25810"));
    assertEquals(OptionalInt.of(9999), NumberEmbeddings.value("9999"));
    for (String p : new String[] {"\u2581", "", "07", "\u258112a", "1.5", "\u2581-3", "10000", "\u2581HR", "<0x31>"}) {
      assertFalse(NumberEmbeddings.value(p).isPresent(), p);
    }
  }

  @Test
  void coordinatesAreASoftThermometerAndTheOrderOfMagnitude() {
    float[] f = NumberEmbeddings.features(92, 32);
    assertEquals(32, f.length);
    assertEquals(Math.tanh(92 / 5.0), f[0], 1e-6);         // far above 0
    assertEquals(Math.tanh(2 / 5.0), f[9], 1e-6);          // 92 against the step at 90
    assertEquals(Math.tanh(-8 / 5.0), f[10], 1e-6);        // against 100
    assertEquals(Math.tanh(-208 / 5.0), f[30], 1e-6);      // against 300
    assertEquals(Math.log10(93) - 2, f[31], 1e-6);
    // monotone in n on every coordinate: "above a threshold" is a linear read-out
    float[] lo = NumberEmbeddings.features(99, 32);
    float[] hi = NumberEmbeddings.features(101, 32);
    for (int j = 0; j < 32; j++) {
      assertTrue(hi[j] > lo[j] || (Math.abs(hi[j] - lo[j]) < 1e-6 && Math.abs(hi[j]) > 0.999), "coordinate " + j);
    }
    assertEquals(32, NumberEmbeddings.dims(128));
    assertEquals(16, NumberEmbeddings.dims(64));
    assertEquals(32, NumberEmbeddings.dims(512));
  }

  @Test
  void rowsCoverTheNumberPiecesOfAVocabulary() {
    Map<Integer, float[]> rows = NumberEmbeddings.rows(Map.of("\u2581HR", 5, "\u258176", 6, "76", 7, "07", 8), 128);
    assertEquals(java.util.Set.of(6, 7), rows.keySet());
    assertArrayEquals(NumberEmbeddings.features(76, 32), rows.get(6));
  }

  @Test
  void initialisationReplacesOnlyTheLeadingCoordinatesOfNumberRows() {
    T5Config c = T5Init.named("tiny", 300);
    float[] plainShared;
    float[] numberShared;
    float[] plainWo;
    float[] numberWo;
    float[] want = NumberEmbeddings.features(118, 32);
    try (NDManager m = Engines.newManager()) {
      T5Model plain = T5Init.create(c, 4L, m, true);
      T5Model numbers = T5Init.create(c, 4L, m, true, Map.of(260, want));
      plainShared = plain.parameters().get("shared.weight").toFloatArray();
      numberShared = numbers.parameters().get("shared.weight").toFloatArray();
      plainWo = plain.parameters().get("lm_head.weight").toFloatArray();
      numberWo = numbers.parameters().get("lm_head.weight").toFloatArray();
    }
    assertArrayEquals(plainWo, numberWo);
    int d = c.dModel();
    for (int i = 0; i < plainShared.length; i++) {
      int row = i / d;
      int col = i % d;
      float expected = row == 260 && col < 32 ? want[col] : plainShared[i];
      assertEquals(expected, numberShared[i], 0f, "row " + row + " col " + col);
    }
  }
}
