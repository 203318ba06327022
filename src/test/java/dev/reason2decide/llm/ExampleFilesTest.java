// Example, prediction and rationale files: CSV quoting, JSONL fields, errors naming file, line and field.
package dev.reason2decide.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reason2decide.data.Example;
import dev.reason2decide.data.Prediction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExampleFilesTest {
  @TempDir
  Path dir;

  private Path write(String name, String text) throws Exception {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  @Test
  void readsRfc4180Csv() throws Exception {
    Path f = write("t.csv", "question,label,rationale\r\n"
        + "\"Fever, cough\",yes,\"He said \"\"fine\"\"\nthen left\"\r\n"
        + "plain,no,\r\n");
    List<Example> es = ExampleFiles.read(f);
    assertEquals(2, es.size());
    assertEquals(new Example("1", "Fever, cough", "yes", "He said \"fine\"\nthen left", ""), es.get(0));
    assertEquals(new Example("2", "plain", "no", "", ""), es.get(1));
  }

  @Test
  void readsJsonlWithQuestionOrInput() throws Exception {
    Path f = write("t.jsonl", "{\"id\":\"a\",\"question\":\"q1\",\"label\":\"yes\"}\n\n"
        + "{\"id\":\"b\",\"input\":\"q2\",\"label\":\"no\",\"rationale\":\"r\",\"rationale_source\":\"human\"}\n");
    assertEquals(List.of(new Example("a", "q1", "yes", "", ""), new Example("b", "q2", "no", "r", "human")),
        ExampleFiles.read(f));
  }

  @Test
  void errorsNameFileLineAndField() throws Exception {
    Path j = write("bad.jsonl", "{\"question\":\"q\",\"label\":\"yes\"}\n{\"question\":\"q\"}\n");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ExampleFiles.read(j));
    assertEquals(j + ":2: field \"label\" is missing or empty", e.getMessage());
    Path k = write("bad2.jsonl", "{\"question\":\"q\",\"label\":\"yes\"\n");
    assertTrue(assertThrows(IllegalArgumentException.class, () -> ExampleFiles.read(k)).getMessage()
        .startsWith(k + ":1: not valid JSON"));
    Path c = write("bad.csv", "question,label\n\"a\nb\",yes\n,no\n");
    assertEquals(c + ":4: field \"question\" is empty",
        assertThrows(IllegalArgumentException.class, () -> ExampleFiles.read(c)).getMessage());
    Path q = write("bad2.csv", "question,label\n\"never closed,yes\n");
    assertEquals(q + ":2: a quoted CSV field is never closed",
        assertThrows(IllegalArgumentException.class, () -> ExampleFiles.read(q)).getMessage());
    Path h = write("bad3.csv", "text,label\nx,yes\n");
    assertTrue(assertThrows(IllegalArgumentException.class, () -> ExampleFiles.read(h)).getMessage()
        .startsWith(h + ":1: header must name \"question\" and \"label\""));
    Path d = write("dup.jsonl", "{\"id\":\"a\",\"question\":\"q\",\"label\":\"y\"}\n"
        + "{\"id\":\"a\",\"question\":\"q\",\"label\":\"y\"}\n");
    assertEquals(d + ": id \"a\" occurs more than once",
        assertThrows(IllegalArgumentException.class, () -> ExampleFiles.read(d)).getMessage());
  }

  @Test
  void writesWhatItReads() {
    List<Example> es = List.of(new Example("x1", "a, \"b\"\nc", "yes", "r1", "llm:m"),
        new Example("x2", "d", "no", "", ""));
    for (String name : List.of("o.jsonl", "o.csv")) {
      Path p = dir.resolve(name);
      ExampleFiles.write(p, es);
      assertEquals(es, ExampleFiles.read(p), name);
    }
  }

  @Test
  void readsPredictions() throws Exception {
    Path j = write("p.jsonl", "{\"id\":\"a\",\"input\":\"q\",\"label\":\"yes\",\"rationale\":\"g\","
        + "\"predicted_label\":\"no\",\"predicted_rationale\":\"because\",\"probabilities\":{\"yes\":0.25,"
        + "\"no\":0.75}}\n");
    Prediction p = PredictionFiles.read(j).get(0);
    assertEquals("no", p.predictedLabel());
    assertEquals("because", p.predictedRationale());
    assertEquals(0.75, p.probabilities().get("no"));
    Path c = write("p.csv", "question,label,rationale,Predicted_Label,Predicted_Rationale\nq,yes,g,yes,\"r, r\"\n");
    Prediction pc = PredictionFiles.read(c).get(0);
    assertEquals(new Prediction("1", "q", "yes", "g", "yes", "r, r", java.util.Map.of()), pc);
    Path bad = write("pb.jsonl", "{\"id\":\"a\",\"predicted_label\":\"no\"}\n");
    assertEquals(bad + ":1: field \"predicted_rationale\" is missing",
        assertThrows(IllegalArgumentException.class, () -> PredictionFiles.read(bad)).getMessage());
  }
}
