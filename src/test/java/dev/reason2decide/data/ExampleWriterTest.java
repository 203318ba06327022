// ExampleWriter round trips through ExampleReader in every format, with the authors' column names.
package dev.reason2decide.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExampleWriterTest {
  @TempDir
  Path dir;

  private static final List<Example> EXAMPLES = List.of(
      new Example("a1", "Fever, \"cough\"\nand chills", "yes", "Because, it is", "human"),
      new Example("a2", "Ünïcode ✓ text", "no", "r", "llm:gpt-4o"));

  @Test
  void roundTripsJsonlAndCsv() throws Exception {
    for (String name : List.of("x.jsonl", "x.csv")) {
      Path p = dir.resolve(name);
      ExampleWriter.writeDefault(p, EXAMPLES);
      assertEquals(EXAMPLES, ExampleReader.readDefault(p).examples(), name);
    }
  }

  @Test
  void roundTripsEmptyRationalesForTheLlmCommands() {
    List<Example> es = List.of(new Example("x1", "a, \"b\"\nc", "yes", "r1", "llm:m"),
        new Example("x2", "d", "no", "", ""));
    for (String name : List.of("o.jsonl", "o.csv")) {
      Path p = dir.resolve(name);
      ExampleWriter.writeDefault(p, es);
      assertEquals(es, new ExampleReader(ReadOptions.LLM).read(p).examples(), name);
    }
  }

  @Test
  void jsonlUsesTheAuthorsKeys() throws Exception {
    Path p = dir.resolve("k.jsonl");
    ExampleWriter.writeDefault(p, EXAMPLES.subList(1, 2));
    assertEquals("{\"id\":\"a2\",\"question\":\"Ünïcode ✓ text\",\"label\":\"no\",\"rationale\":\"r\","
        + "\"rationale_source\":\"llm:gpt-4o\"}\n", Files.readString(p));
  }

  @Test
  void csvQuotesOnlyWhatNeedsIt() throws Exception {
    Path p = dir.resolve("q.csv");
    ExampleWriter.writeDefault(p, EXAMPLES.subList(0, 1));
    assertEquals("id,question,label,rationale,rationale_source\r\n"
        + "a1,\"Fever, \"\"cough\"\"\nand chills\",yes,\"Because, it is\",human\r\n", Files.readString(p));
  }

  @Test
  void tsvRefusesLineBreaksAndLeavesNoFile() {
    Path p = dir.resolve("t.tsv");
    assertThrows(IllegalArgumentException.class, () -> ExampleWriter.writeDefault(p, EXAMPLES));
    assertFalse(Files.exists(p));
  }
}
