// Issue 18, CSV output: cells a spreadsheet would run as formulas are escaped, and this project reads them back.
package dev.reason2decide.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reason2decide.testing.CliRun;
import dev.reason2decide.testing.Shared;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvInjectionReliabilityTest {
  @TempDir
  Path dir;

  /** Inputs that start like formulas, an apostrophe-led one that must stay distinct, and harmless ones. */
  private static final List<String> NOTES = List.of("=HYPERLINK(\"http://evil.example\",\"open\")", "+1 pain score",
      "-2 since yesterday", "@SUM(A1:A9)", "\tindented note", "'=already escaped by someone", "''-two apostrophes",
      "'quoted word", "plain note, with a comma", "a=b inside is fine");

  private static List<Example> examples() {
    List<Example> es = new java.util.ArrayList<>();
    for (int i = 0; i < NOTES.size(); i++) {
      es.add(new Example("n" + i, NOTES.get(i), i % 2 == 0 ? "yes" : "-", "=rationale " + i, "@llm"));
    }
    return es;
  }

  @Test
  void csvCellsThatLookLikeFormulasAreWrittenAsTextAndReadBackAsTheyWere() throws Exception {
    Path f = dir.resolve("notes.csv");
    ExampleWriter.writeDefault(f, examples());
    List<String> lines = Files.readAllLines(f);
    assertEquals("id,question,label,rationale,rationale_source", lines.get(0));
    assertEquals("n0,\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"open\"\")\",yes,'=rationale 0,'@llm", lines.get(1));
    assertEquals("n1,'+1 pain score,'-,'=rationale 1,'@llm", lines.get(2));
    assertEquals("n2,'-2 since yesterday,yes,'=rationale 2,'@llm", lines.get(3));
    assertEquals("n3,'@SUM(A1:A9),'-,'=rationale 3,'@llm", lines.get(4));
    assertEquals("n4,'\tindented note,yes,'=rationale 4,'@llm", lines.get(5));
    assertEquals("n5,''=already escaped by someone,'-,'=rationale 5,'@llm", lines.get(6));
    assertEquals("n6,'''-two apostrophes,yes,'=rationale 6,'@llm", lines.get(7));
    assertEquals("n7,'quoted word,'-,'=rationale 7,'@llm", lines.get(8));
    assertEquals("n8,\"plain note, with a comma\",yes,'=rationale 8,'@llm", lines.get(9));
    assertEquals("n9,a=b inside is fine,'-,'=rationale 9,'@llm", lines.get(10));
    assertEquals(examples(), ExampleReader.readDefault(f).examples());
  }

  @Test
  void tsvRoundTripsToo() throws Exception {
    Path f = dir.resolve("notes.tsv");
    List<Example> noTabs = examples().stream().filter(e -> !e.input().contains("\t") && !e.input().contains("\""))
        .toList();
    ExampleWriter.writeDefault(f, noTabs);
    assertTrue(Files.readString(f).contains("\n'+1 pain score\t".replace("\n", "\nn1\t")), Files.readString(f));
    assertEquals(noTabs, ExampleReader.readDefault(f).examples());
  }

  /** The tiny fixture with short input and output limits (r2d.json), so prediction takes a second. */
  private Path smallModel() throws Exception {
    Path m = Files.createDirectories(dir.resolve("model"));
    for (String f : List.of("config.json", "tokenizer.json", "model.safetensors")) {
      Files.copy(Shared.fixture("t5-tiny-v1_0").resolve(f), m.resolve(f));
    }
    Files.writeString(m.resolve("r2d.json"), "{\"labels\":[\"yes\",\"no\"],\"prompts\":{\"predict\":"
        + "\"predict: {x}\",\"explain\":\"explain: {x}\",\"labelled\":\"given label: {y}, explain: {x}\"},"
        + "\"maxInputTokens\":64,\"labelMaxNewTokens\":4,\"rationaleMaxNewTokens\":8}");
    return m;
  }

  @Test
  void predictCsvOutputEscapesFormulasAndEvaluateReadsThemBack() throws Exception {
    Path in = dir.resolve("in.jsonl");
    ExampleWriter.writeDefault(in, List.of(new Example("a", "=1+1", "yes", "-because", ""),
        new Example("b", "@risk", "no", "fine", "")));
    Path out = dir.resolve("predictions.csv");
    CliRun r = CliRun.of("predict", "--model", smallModel().toString(), "--input", in.toString(), "--output",
        out.toString(), "--quiet");
    assertEquals(0, r.code(), r.err());
    List<String> lines = Files.readAllLines(out);
    assertTrue(lines.get(1).startsWith("a,'=1+1,yes,'-because,"), lines.get(1));
    assertTrue(lines.get(2).startsWith("b,'@risk,no,fine,"), lines.get(2));
    for (String line : lines) {
      for (String cell : line.split(",")) {
        assertTrue(cell.isEmpty() || "=+-@\t".indexOf(cell.charAt(0)) < 0, "unescaped cell " + cell + " in " + line);
      }
    }
    // this project's reader gives the originals back
    List<Example> back = ExampleReader.readDefault(out).examples();
    assertEquals(List.of("=1+1", "@risk"), back.stream().map(Example::input).toList());
    assertEquals(List.of("-because", "fine"), back.stream().map(Example::rationale).toList());
  }
}
