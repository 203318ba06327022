// Every malformed-input case of ExampleReader, strict (error names file, line, field) and skipping (counted).
package dev.reason2decide.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExampleReaderTest {
  @TempDir
  Path dir;

  private Path file(String name, String content) throws Exception {
    Path p = dir.resolve(name);
    Files.writeString(p, content, StandardCharsets.UTF_8);
    return p;
  }

  private static final String GOOD = "{\"question\":\"q1\",\"label\":\"yes\",\"rationale\":\"r1\"}\n";

  private MalformedExampleException strictFails(Path p, ReadOptions o) {
    return assertThrows(MalformedExampleException.class, () -> new ExampleReader(o).read(p));
  }

  private void assertMalformed(Path p, ReadOptions o, int line, String field, String problemPart) {
    MalformedExampleException e = strictFails(p, o);
    assertEquals(p, e.file());
    assertEquals(line, e.line(), e.getMessage());
    assertEquals(field, e.field(), e.getMessage());
    assertTrue(e.problem().contains(problemPart), e.getMessage());
    assertTrue(e.getMessage().startsWith(p + ":" + line + ": "), e.getMessage());
    // the same file read with skipping: the bad row is counted, the good ones kept
    ExampleSet s = new ExampleReader(o.withSkipMalformed(true)).read(p);
    assertEquals(1, s.report().skipped().size(), s.report().summary());
    assertEquals(line, s.report().skipped().get(0).line());
    assertEquals(field, s.report().skipped().get(0).field());
    assertEquals(s.report().rows() - 1, s.report().kept());
  }

  @Test
  void readsJsonlWithDefaultsForIdAndSource() throws Exception {
    Path p = file("train.jsonl", GOOD + "\n{\"id\":\"x7\",\"question\":\"q2\",\"label\":\"no\",\"rationale\":\"r2\","
        + "\"rationale_source\":\"llm:gpt-4o\",\"extra\":[1,2]}\n");
    ExampleSet s = ExampleReader.readDefault(p);
    assertEquals(List.of(new Example("train-1", "q1", "yes", "r1", ""),
        new Example("x7", "q2", "no", "r2", "llm:gpt-4o")), s.examples());
    assertEquals(2, s.report().rows());
    assertTrue(s.report().skipped().isEmpty());
  }

  @Test
  void badJsonNamesTheLine() throws Exception {
    Path p = file("a.jsonl", GOOD + "{\"question\": \"q\", \"label\": \n" + GOOD);
    assertMalformed(p, ReadOptions.DEFAULT, 2, null, "not valid JSON");
  }

  @Test
  void jsonThatIsNotAnObject() throws Exception {
    assertMalformed(file("a.jsonl", GOOD + "[1,2]\n"), ReadOptions.DEFAULT, 2, null, "not a JSON object");
  }

  @Test
  void missingFields() throws Exception {
    assertMalformed(file("a.jsonl", "{\"label\":\"yes\",\"rationale\":\"r\"}\n" + GOOD),
        ReadOptions.DEFAULT, 1, "question", "missing");
    assertMalformed(file("b.jsonl", GOOD + "{\"question\":\"q\",\"rationale\":\"r\"}\n"),
        ReadOptions.DEFAULT, 2, "label", "missing");
    assertMalformed(file("c.jsonl", GOOD + GOOD.replace("\"q1\"", "\"q3\"") + "{\"question\":\"q\",\"label\":\"no\"}"),
        ReadOptions.DEFAULT, 3, "rationale", "missing");
  }

  @Test
  void nullCountsAsMissing() throws Exception {
    assertMalformed(file("a.jsonl", GOOD + "{\"question\":\"q\",\"label\":null,\"rationale\":\"r\"}\n"),
        ReadOptions.DEFAULT, 2, "label", "missing");
  }

  @Test
  void emptyFields() throws Exception {
    assertMalformed(file("a.jsonl", GOOD + "{\"question\":\"  \",\"label\":\"yes\",\"rationale\":\"r\"}\n"),
        ReadOptions.DEFAULT, 2, "question", "empty");
    assertMalformed(file("b.jsonl", GOOD + "{\"question\":\"q\",\"label\":\"\",\"rationale\":\"r\"}\n"),
        ReadOptions.DEFAULT, 2, "label", "empty");
    assertMalformed(file("c.jsonl", GOOD + "{\"question\":\"q\",\"label\":\"no\",\"rationale\":\"\"}\n"),
        ReadOptions.DEFAULT, 2, "rationale", "empty");
  }

  @Test
  void fieldThatIsNotText() throws Exception {
    assertMalformed(file("a.jsonl", GOOD + "{\"question\":[\"q\"],\"label\":\"yes\",\"rationale\":\"r\"}\n"),
        ReadOptions.DEFAULT, 2, "question", "must be text");
  }

  @Test
  void unknownLabelWhenALabelSetIsGiven() throws Exception {
    Path p = file("a.jsonl", GOOD + "{\"question\":\"q\",\"label\":\"perhaps\",\"rationale\":\"r\"}\n");
    ReadOptions o = ReadOptions.DEFAULT.withLabels(LabelSet.parse("yes,no,maybe"));
    assertMalformed(p, o, 2, "label", "unknown label 'perhaps'");
    assertEquals(2, ExampleReader.readDefault(p).size(), "without a label set any label is accepted");
  }

  @Test
  void duplicateIds() throws Exception {
    String row = "{\"id\":\"d1\",\"question\":\"q\",\"label\":\"yes\",\"rationale\":\"r\"}\n";
    assertMalformed(file("a.jsonl", row + GOOD + row), ReadOptions.DEFAULT, 3, "id", "already used on line 1");
  }

  @Test
  void invalidUtf8() throws Exception {
    Path p = dir.resolve("bad.jsonl");
    Files.write(p, new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', '}', '\n'});
    MalformedExampleException e = strictFails(p, ReadOptions.DEFAULT);
    assertTrue(e.problem().contains("UTF-8"), e.getMessage());
  }

  @Test
  void rationaleMayBeOptional() throws Exception {
    Path p = file("a.jsonl", "{\"question\":\"q\",\"label\":\"yes\"}\n");
    ExampleSet s = new ExampleReader(ReadOptions.DEFAULT.withRequireRationale(false)).read(p);
    assertEquals("", s.examples().get(0).rationale());
  }

  @Test
  void inputAliasIsReadWhereTheInputColumnIsAbsent() throws Exception {
    Path j = file("t.jsonl", "{\"id\":\"a\",\"question\":\"q1\",\"label\":\"yes\"}\n\n"
        + "{\"id\":\"b\",\"input\":\"q2\",\"label\":\"no\",\"rationale\":\"r\",\"rationale_source\":\"human\"}\n"
        + "{\"id\":\"c\",\"question\":\"q3\",\"input\":\"other\",\"label\":\"no\"}\n");
    assertEquals(List.of(new Example("a", "q1", "yes", "", ""), new Example("b", "q2", "no", "r", "human"),
        new Example("c", "q3", "no", "", "")), new ExampleReader(ReadOptions.LLM).read(j).examples());
    Path c = file("t.csv", "input,label\nq,yes\n");
    assertEquals(List.of(new Example("t-2", "q", "yes", "", "")),
        new ExampleReader(ReadOptions.LLM).read(c).examples());
    // without the alias (the training commands' columns) the same files lack the input
    ReadOptions noAlias = ReadOptions.DEFAULT.withRequireRationale(false);
    assertMalformed(j, noAlias, 3, "question", "missing");
    assertEquals("question", strictFails(c, noAlias).field());
  }

  @Test
  void aMissingInputNamesTheAliasToo() throws Exception {
    assertMalformed(file("a.jsonl", "{\"question\":\"q\",\"label\":\"yes\"}\n{\"text\":\"q\",\"label\":\"yes\"}\n"),
        ReadOptions.LLM, 2, "question", "missing (and no 'input' either)");
    MalformedExampleException h = strictFails(file("h.csv", "text,label\nx,yes\n"), ReadOptions.LLM);
    assertEquals(1, h.line());
    assertEquals("question", h.field());
    assertTrue(h.problem().startsWith("column missing from the header (and no 'input' either)"), h.getMessage());
    assertMalformed(file("n.jsonl", GOOD + "{\"input\":[\"q\"],\"label\":\"yes\"}\n"), ReadOptions.LLM, 2, "input",
        "must be text");
  }

  @Test
  void llmFilesMayLackRationalesButNotLabels() throws Exception {
    Path f = file("t.csv", "question,label,rationale\r\n"
        + "\"Fever, cough\",yes,\"He said \"\"fine\"\"\nthen left\"\r\n"
        + "plain,no,\r\n");
    assertEquals(List.of(new Example("t-2", "Fever, cough", "yes", "He said \"fine\"\nthen left", ""),
        new Example("t-4", "plain", "no", "", "")), new ExampleReader(ReadOptions.LLM).read(f).examples());
    assertMalformed(file("a.jsonl", "{\"question\":\"q\",\"label\":\"yes\"}\n{\"question\":\"q\"}\n"),
        ReadOptions.LLM, 2, "label", "missing");
    assertMalformed(file("b.jsonl", "{\"question\":\"q\",\"label\":\"yes\"\n"), ReadOptions.LLM, 1, null,
        "not valid JSON");
    assertMalformed(file("c.csv", "question,label\n\"a\nb\",yes\n,no\n"), ReadOptions.LLM, 4, "question", "empty");
    MalformedExampleException open = strictFails(file("d.csv", "question,label\n\"never closed,yes\n"),
        ReadOptions.LLM);
    assertEquals(2, open.line());
    assertTrue(open.problem().contains("unterminated"), open.getMessage());
    assertMalformed(file("e.jsonl", "{\"id\":\"a\",\"question\":\"q\",\"label\":\"y\"}\n"
        + "{\"id\":\"a\",\"question\":\"q\",\"label\":\"y\"}\n"), ReadOptions.LLM, 2, "id", "already used on line 1");
  }

  @Test
  void csvWithQuotesNewlinesBomAndCrlf() throws Exception {
    String csv = "\uFEFFquestion,label,rationale\r\n"
        + "\"Fever, cough\",yes,\"line one\r\nline \"\"two\"\"\"\r\n"
        + "\r\n"
        + "plain,no,short\r\n";
    ExampleSet s = ExampleReader.readDefault(file("cases.csv", csv));
    assertEquals(List.of(new Example("cases-2", "Fever, cough", "yes", "line one\nline \"two\"", ""),
        new Example("cases-5", "plain", "no", "short", "")), s.examples());
  }

  @Test
  void configurableColumns() throws Exception {
    Path p = file("c.csv", "text,decision,why\nq,yes,r\n");
    ReadOptions o = ReadOptions.DEFAULT.withColumns(Columns.DEFAULT.withInput("text").withLabel("decision")
        .withRationale("why"));
    assertEquals(new Example("c-2", "q", "yes", "r", ""), new ExampleReader(o).read(p).examples().get(0));
    MalformedExampleException e = strictFails(p, ReadOptions.DEFAULT);
    assertEquals(1, e.line());
    assertEquals("question", e.field());
    assertTrue(e.problem().contains("column missing"));
  }

  @Test
  void csvRowWithWrongFieldCount() throws Exception {
    assertMalformed(file("a.csv", "question,label,rationale\nq,yes,r\nq,yes\nq,no,r\n"),
        ReadOptions.DEFAULT, 3, null, "has 2 fields, the header has 3");
  }

  @Test
  void csvStrayQuoteAndTextAfterQuote() throws Exception {
    assertMalformed(file("a.csv", "question,label,rationale\nq,yes,r\nq\"x,yes,r\nq,no,r\n"),
        ReadOptions.DEFAULT, 3, null, "quote inside an unquoted field 1");
    assertMalformed(file("b.csv", "question,label,rationale\nq,yes,r\n\"q\"x,yes,r\nq,no,r\n"),
        ReadOptions.DEFAULT, 3, null, "text after a closing quote in field 1");
  }

  @Test
  void csvUnterminatedQuote() throws Exception {
    MalformedExampleException e = strictFails(file("a.csv", "question,label,rationale\nq,yes,r\n\"q,yes,r\nq,no,r\n"),
        ReadOptions.DEFAULT);
    assertEquals(3, e.line());
    assertNull(e.field());
    assertTrue(e.problem().contains("unterminated"));
  }

  @Test
  void csvEmptyFieldAndUnknownLabel() throws Exception {
    assertMalformed(file("a.csv", "question,label,rationale\nq,yes,r\nq,yes,\n"), ReadOptions.DEFAULT, 3,
        "rationale", "empty");
    assertMalformed(file("b.csv", "question,label,rationale\nq,yes,r\nq,B,r\n"),
        ReadOptions.DEFAULT.withLabels(LabelSet.of("yes", "no")), 3, "label", "unknown label 'B'");
  }

  @Test
  void csvHeaderProblemsAreNeverSkipped() throws Exception {
    ReadOptions skip = ReadOptions.DEFAULT.withSkipMalformed(true);
    MalformedExampleException empty = assertThrows(MalformedExampleException.class,
        () -> new ExampleReader(skip).read(file("e.csv", "")));
    assertTrue(empty.problem().contains("header"));
    MalformedExampleException twice = assertThrows(MalformedExampleException.class,
        () -> new ExampleReader(skip).read(file("t.csv", "question,label,label,rationale\n")));
    assertEquals("label", twice.field());
  }

  @Test
  void unknownExtensionAndMissingFile() {
    assertThrows(IllegalArgumentException.class, () -> ExampleReader.readDefault(dir.resolve("a.txt")));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ExampleReader.readDefault(dir.resolve("none.jsonl")));
    assertTrue(e.getMessage().contains("no such file"));
  }

  @Test
  void skipReportCountsEveryReason() throws Exception {
    Path p = file("mix.jsonl", GOOD + "nope\n" + "{\"question\":\"q\",\"label\":\"x\",\"rationale\":\"r\"}\n"
        + "{\"question\":\"q\",\"label\":\"no\"}\n" + GOOD.replace("q1", "q9"));
    ExampleSet s = new ExampleReader(ReadOptions.DEFAULT.withSkipMalformed(true)
        .withLabels(LabelSet.of("yes", "no"))).read(p);
    assertEquals(5, s.report().rows());
    assertEquals(2, s.report().kept());
    assertEquals(java.util.Map.of("row", 1, "label", 1, "rationale", 1), s.report().skippedByField());
    assertFalse(s.report().summary().isEmpty());
  }
}
