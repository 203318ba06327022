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
  void aListColumnFollowsTheStandardOnesAndIsIgnoredWhenRead() throws Exception {
    ExampleWriter.ListColumn cleaned = new ExampleWriter.ListColumn("cleaned",
        List.of(List.of("think_block", "label"), List.of()));
    Path j = dir.resolve("l.jsonl");
    new ExampleWriter(Columns.DEFAULT).write(j, EXAMPLES, cleaned);
    assertEquals("{\"id\":\"a2\",\"question\":\"Ünïcode ✓ text\",\"label\":\"no\",\"rationale\":\"r\","
        + "\"rationale_source\":\"llm:gpt-4o\",\"cleaned\":[]}", Files.readAllLines(j).get(1));
    Path t = dir.resolve("l.tsv");
    new ExampleWriter(Columns.DEFAULT).write(t, EXAMPLES.subList(1, 2),
        new ExampleWriter.ListColumn("cleaned", List.of(List.of("think_block", "label"))));
    assertEquals("id\tquestion\tlabel\trationale\trationale_source\tcleaned\r\n"
        + "a2\tÜnïcode ✓ text\tno\tr\tllm:gpt-4o\tthink_block;label\r\n", Files.readString(t));
    for (Path p : List.of(j, t)) {
      assertEquals(p == j ? EXAMPLES : EXAMPLES.subList(1, 2), ExampleReader.readDefault(p).examples());
    }
    assertThrows(IllegalArgumentException.class, () -> new ExampleWriter(Columns.DEFAULT).write(dir.resolve("n.csv"),
        EXAMPLES, new ExampleWriter.ListColumn("cleaned", List.of(List.of()))));
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
