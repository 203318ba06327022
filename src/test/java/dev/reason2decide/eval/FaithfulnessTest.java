// Faithfulness rates by hand, and the labeler contract (one label per rationale).
package dev.reason2decide.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class FaithfulnessTest {
  @Test
  void consistencySufficiencyAndPerturbation() {
    // label from rationale: first word of the text
    Faithfulness.Result r = Faithfulness.compute(List.of("yes because", "no since x", "maybe"),
        List.of("yes", "yes", " maybe "), Arrays.asList("yes", "no", null),
        texts -> texts.stream().map(t -> t.isEmpty() ? "" : t.split(" ")[0]).toList(), true);
    assertEquals(2.0 / 3, r.consistency(), 1e-12);
    assertEquals(2, r.withGold());
    assertEquals(1.0, r.sufficiency(), 1e-12);
    assertEquals(0.0, r.perturbationFlip(), 1e-12);
    Faithfulness.Result noProbe = Faithfulness.compute(List.of("a"), List.of("a"), List.of("a"), t -> t, false);
    assertNull(noProbe.perturbationFlip());
    assertThrows(IllegalStateException.class,
        () -> Faithfulness.compute(List.of("a", "b"), List.of("a", "b"), List.of("a", "b"), t -> List.of("a"), false));
  }

  @Test
  void perturbationDropsEverySecondWord() {
    assertEquals("one three five", Faithfulness.dropEverySecondWord(" one two\tthree four five "));
    assertEquals("", Faithfulness.dropEverySecondWord(""));
  }
}
