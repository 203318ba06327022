// StratifiedSplit: hand-computed part sizes and per-label counts, a true partition, determinism by seed.
package dev.reason2decide.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StratifiedSplitTest {
  private static List<Example> pool(int yes, int no, int maybe) {
    List<Example> out = new ArrayList<>();
    int i = 0;
    // interleave labels so that input order is not label order
    while (yes + no + maybe > 0) {
      if (yes-- > 0) {
        out.add(new Example("e" + i++, "x", "yes", "r", ""));
      }
      if (no-- > 0) {
        out.add(new Example("e" + i++, "x", "no", "r", ""));
      }
      if (maybe-- > 0) {
        out.add(new Example("e" + i++, "x", "maybe", "r", ""));
      }
      yes = Math.max(yes, 0);
      no = Math.max(no, 0);
      maybe = Math.max(maybe, 0);
    }
    return out;
  }

  private static long count(List<Example> l, String label) {
    return l.stream().filter(e -> e.label().equals(label)).count();
  }

  @Test
  void sizesByLargestRemainder() {
    // 2206 * 0.8 = 1764.8, 0.1 -> 220.6 twice: floors 1764+220+220 = 2204, +1 to the .8, then the first .6
    assertArrayEquals(new int[] {1765, 221, 220}, StratifiedSplit.sizes(2206, 0.8, 0.1, 0.1));
    assertArrayEquals(new int[] {4, 3, 3}, StratifiedSplit.sizes(10, 1, 1, 1));
    assertArrayEquals(new int[] {450, 50}, StratifiedSplit.sizes(500, 0.9, 0.1));
  }

  @Test
  void pubmedQaPoolGivesHandComputedCounts() {
    List<Example> all = pool(276, 169, 55);
    Map<String, List<Example>> s = StratifiedSplit.bySizes(all, List.of("train", "validation"), 0, 450, 50);
    // train shares 248.4 / 152.1 / 49.5 -> floors 248, 152, 49 (449), the extra place to maybe (.5)
    List<Example> train = s.get("train");
    assertEquals(List.of(248L, 152L, 50L), List.of(count(train, "yes"), count(train, "no"), count(train, "maybe")));
    List<Example> val = s.get("validation");
    assertEquals(List.of(28L, 17L, 5L), List.of(count(val, "yes"), count(val, "no"), count(val, "maybe")));
  }

  @Test
  void partitionKeepsInputOrderAndIsSeeded() {
    List<Example> all = pool(60, 30, 10);
    Map<String, List<Example>> a = StratifiedSplit.byFractions(all, List.of("train", "validation", "test"), 7,
        0.8, 0.1, 0.1);
    Set<String> seen = new HashSet<>();
    for (List<Example> part : a.values()) {
      for (int i = 0; i < part.size(); i++) {
        assertTrue(seen.add(part.get(i).id()), "in two parts: " + part.get(i).id());
        if (i > 0) {
          assertTrue(all.indexOf(part.get(i - 1)) < all.indexOf(part.get(i)), "input order kept");
        }
      }
    }
    assertEquals(100, seen.size());
    assertEquals(List.of(6L, 3L, 1L), List.of(count(a.get("test"), "yes"), count(a.get("test"), "no"),
        count(a.get("test"), "maybe")));
    assertEquals(a, StratifiedSplit.byFractions(all, List.of("train", "validation", "test"), 7, 0.8, 0.1, 0.1));
    assertNotEquals(a, StratifiedSplit.byFractions(all, List.of("train", "validation", "test"), 8, 0.8, 0.1, 0.1));
  }

  @Test
  void rejectsSizesThatDoNotAddUp() {
    List<Example> all = pool(3, 3, 3);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> StratifiedSplit.bySizes(all, List.of("a", "b"), 0, 5, 5));
    assertTrue(e.getMessage().contains("sum to 10 but there are 9"));
    assertThrows(IllegalArgumentException.class, () -> StratifiedSplit.sizes(9, 0, 0));
  }
}
