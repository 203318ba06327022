// Mixing rationale sources: rationales swapped by id, refused when missing or for other labels or inputs.
package dev.reason2decide.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reason2decide.data.Example;
import dev.reason2decide.data.ExampleWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RationaleSourcesTest {
  private final List<Example> train = List.of(new Example("1", "case one", "yes", "clinician r1", "human"),
      new Example("2", "case two", "no", "clinician r2", "human"));

  @Test
  void replacesRationalesById(@TempDir Path dir) {
    Path f = dir.resolve("llm.jsonl");
    // other order, one extra example: matching is by id
    ExampleWriter.writeDefault(f, List.of(new Example("3", "case three", "no", "llm r3", "llm:m"),
        new Example("2", "case two", "no", "llm r2", "llm:m"), new Example("1", "case one", "yes", "llm r1", "")));
    List<Example> mixed = RationaleSources.apply(train, f);
    assertEquals(new Example("1", "case one", "yes", "llm r1", "file:" + f), mixed.get(0));
    assertEquals(new Example("2", "case two", "no", "llm r2", "llm:m"), mixed.get(1));
    assertEquals("clinician r1", train.get(0).rationale(), "input list untouched");
  }

  @Test
  void refusesMissingRationalesAndMismatches() {
    IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> RationaleSources.apply(
        train, List.of(new Example("1", "case one", "yes", "r", "x"), new Example("2", "case two", "no", " ", "x")),
        "r.jsonl"));
    assertEquals("r.jsonl: no rationale for 1 of 2 examples (ids 2)", missing.getMessage());
    IllegalArgumentException label = assertThrows(IllegalArgumentException.class, () -> RationaleSources.apply(
        train, List.of(new Example("1", "case one", "no", "r", "x")), "r.jsonl"));
    assertTrue(label.getMessage().contains("example \"1\" has label \"no\" there but \"yes\""), label.getMessage());
    IllegalArgumentException input = assertThrows(IllegalArgumentException.class, () -> RationaleSources.apply(
        train, List.of(new Example("1", "another case", "yes", "r", "x")), "r.jsonl"));
    assertTrue(input.getMessage().contains("different input text"), input.getMessage());
  }
}
