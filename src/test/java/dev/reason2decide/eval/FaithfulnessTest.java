// Faithfulness rates by hand (labels compared as R2D-C's infer.py: stripped, lower-cased), gold robustness, and the
// labeler contract (one label per rationale).
package dev.reason2decide.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
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
  void labelsThatDifferOnlyInCaseAgreeAsInReason2DecideCInfer() {
    // infer.py compares str(x).strip().lower(): "Yes" from the rationale is consistent with " YES" predicted
    Faithfulness.Result r = Faithfulness.compute(List.of("Yes because", "no since", "MAYBE x", "no"),
        List.of(" YES", "No", "maybe", "yes"), Arrays.asList("yes", "no", "Maybe", null),
        texts -> texts.stream().map(t -> t.split(" ")[0]).toList(), false);
    // consistent: Yes/YES, no/No, MAYBE/maybe; not no/yes
    assertEquals(3.0 / 4, r.consistency(), 1e-12);
    // sufficient over the 3 with a gold label: Yes/yes, no/no, MAYBE/Maybe
    assertEquals(3, r.withGold());
    assertEquals(1.0, r.sufficiency(), 1e-12);
    assertTrue(r.cases().get(0).consistent());
    assertEquals("yes", Faithfulness.label("  Yes\n"));
    assertEquals("unknown", Faithfulness.label(" "));
  }

  @Test
  void goldRobustnessIsTheLabelFromTheGoldRationaleAgainstTheGoldLabel() {
    List<List<String>> asked = new ArrayList<>();
    Function<List<String>, List<String>> firstWord = texts -> {
      asked.add(texts);
      return texts.stream().map(t -> t.split(" ")[0]).toList();
    };
    // gold rationales: e1 "YES clearly" -> YES = yes (robust); e2 "Maybe so" -> Maybe != no; e3 blank: none;
    // e4 has a gold rationale but no gold label: not counted
    Faithfulness.Result r = Faithfulness.compute(List.of("yes", "no", "maybe", "no"),
        List.of("yes", "no", "maybe", "no"), Arrays.asList("yes", "no", "maybe", null),
        Arrays.asList("YES clearly", "Maybe so", " ", "no indeed"), firstWord, false);
    assertEquals(2, r.withGoldRationale());
    assertEquals(0.5, r.goldRobustness(), 1e-12);
    assertEquals(List.of(List.of("yes", "no", "maybe", "no"), List.of("YES clearly", "Maybe so")), asked,
        "one call for the generated rationales, one for the gold rationales that count");
    assertEquals("YES", r.cases().get(0).fromGoldRationale());
    assertTrue(r.cases().get(0).goldRobust());
    assertFalse(r.cases().get(1).goldRobust());
    assertNull(r.cases().get(2).fromGoldRationale());
    assertNull(r.cases().get(3).fromGoldRationale());
    // the generated-rationale rates are unchanged by the gold rationales
    assertEquals(1.0, r.consistency(), 1e-12);
    assertEquals(1.0, r.sufficiency(), 1e-12);

    Faithfulness.Result none = Faithfulness.compute(List.of("a"), List.of("a"), List.of("a"), t -> t, false);
    assertNull(none.goldRobustness(), "no gold rationales: not computed, not 0");
    assertEquals(0, none.withGoldRationale());
    assertThrows(IllegalStateException.class, () -> Faithfulness.compute(List.of("a", "b"), List.of("a", "b"),
        List.of("a", "b"), List.of("r1", "r2"), t -> t.size() == 2 && t.get(0).equals("a") ? t : List.of(), false));
  }

  @Test
  void perturbationDropsEverySecondWord() {
    assertEquals("one three five", Faithfulness.dropEverySecondWord(" one two\tthree four five "));
    assertEquals("", Faithfulness.dropEverySecondWord(""));
  }
}
