// Reading predictions and gold files: the authors' CSV, JSONL, matching by id or by line, clear errors.
package dev.reason2decide.eval.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reason2decide.data.Example;
import dev.reason2decide.data.ExampleReader;
import dev.reason2decide.data.Prediction;
import dev.reason2decide.data.ReadOptions;
import dev.reason2decide.inference.Decision;
import dev.reason2decide.io.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PredictionFileTest {
  @TempDir
  Path tmp;

  /** Gold examples as `r2d evaluate --gold` reads them. */
  private static List<Example> gold(Path file) {
    return new ExampleReader(ReadOptions.LLM).read(file).examples();
  }

  @Test
  void readsWhatPredictWritesChecksIncluded() throws Exception {
    // a record as r2d predict writes it: the checks object (here with an unsupported number, 88) is read past
    Example note = new Example("n1", "Woman, 40. HR 120, BP 90/60. Pain 8/10.", "ESI-2", null, null);
    Decision d = new Decision("ESI-2", Map.of("ESI-2", 0.75, "ESI-3", 0.25), "HR 88 and pain, so ESI-2.");
    Path f = Files.writeString(tmp.resolve("p.jsonl"),
        Json.COMPACT.toJson(PredictionRow.of(note, d, List.of("ESI-2", "ESI-3"))) + "\n");
    assertTrue(Files.readString(f).contains("\"checks\":{"), Files.readString(f));
    Prediction p = PredictionFile.read(f).get(0);
    assertEquals("n1", p.id());
    assertEquals("ESI-2", p.goldLabel());
    assertEquals("ESI-2", p.predictedLabel());
    assertEquals("HR 88 and pain, so ESI-2.", p.predictedRationale());
    assertEquals(0.75, p.probabilities().get("ESI-2"), 0.0);
  }

  @Test
  void authorsCsvWithQuotesAndLineBreaks() throws Exception {
    Path f = tmp.resolve("preds.csv");
    Files.writeString(f, "question,label,rationale,Predicted_Label,Predicted_Rationale\r\n"
        + "\"Is it, really?\",yes,\"Because \"\"so\"\"\",yes,\"line one\nline two\"\r\n"
        + "q2,no,r2,maybe,\r\n");
    List<Prediction> p = PredictionFile.read(f);
    assertEquals(2, p.size());
    assertEquals("Is it, really?", p.get(0).input());
    assertEquals("Because \"so\"", p.get(0).goldRationale());
    assertEquals("line one\nline two", p.get(0).predictedRationale());
    assertEquals("maybe", p.get(1).predictedLabel());
    assertEquals("", p.get(1).predictedRationale());
    assertNull(p.get(0).probabilities());
  }

  @Test
  void jsonlProbabilitiesAndLineOrderMatching() throws Exception {
    Path f = tmp.resolve("p.jsonl");
    Files.writeString(f, "{\"predicted_label\":\"yes\",\"probabilities\":{\"yes\":0.7,\"no\":0.3}}\n\n"
        + "{\"predicted_label\":\"no\",\"predicted_rationale\":\"r\"}\n");
    Path g = tmp.resolve("g.jsonl");
    Files.writeString(g, "{\"question\":\"q1\",\"label\":\"yes\",\"rationale\":\"r1\"}\n"
        + "{\"input\":\"q2\",\"label\":\"no\"}\n");
    List<Prediction> merged = PredictionFile.withGold(PredictionFile.read(f), f, gold(g), g);
    assertEquals(0.7, merged.get(0).probabilities().get("yes"));
    assertEquals("q2", merged.get(1).input());
    assertEquals("r1", merged.get(0).goldRationale());
    assertNull(merged.get(1).goldRationale());
    assertEquals("g-2", merged.get(1).id(), "a gold example without id is named by its file and line");
  }

  @Test
  void idsMatchWhenTheGoldFileHasThePredictionsIds() throws Exception {
    Path p = tmp.resolve("p.jsonl");
    Files.writeString(p, "{\"id\":\"a\",\"predicted_label\":\"yes\"}\n{\"id\":\"b\",\"predicted_label\":\"no\"}\n");
    Path noIds = tmp.resolve("g.csv");
    Files.writeString(noIds, "question,label\nq1,no\nq2,yes\n");
    assertEquals(List.of("no", "yes"), PredictionFile.withGold(PredictionFile.read(p), p, gold(noIds), noIds).stream()
        .map(Prediction::goldLabel).toList(), "gold without ids: line by line");
    Path otherIds = tmp.resolve("o.csv");
    Files.writeString(otherIds, "id,question,label\nb,q2,yes\nc,q3,no\n");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> PredictionFile.withGold(PredictionFile.read(p), p, gold(otherIds), otherIds));
    assertEquals(p + ": prediction id 'a' is not in " + otherIds, e.getMessage());
  }

  @Test
  void theJudgeNeedsAPredictedRationaleInEveryRecord() throws Exception {
    Path j = tmp.resolve("p.jsonl");
    Files.writeString(j, "{\"id\":\"a\",\"input\":\"q\",\"label\":\"yes\",\"rationale\":\"g\","
        + "\"predicted_label\":\"no\",\"predicted_rationale\":\"because\",\"probabilities\":{\"yes\":0.25,"
        + "\"no\":0.75}}\n");
    assertEquals(List.of(new Prediction("a", "q", "yes", "g", "no", "because", Map.of("yes", 0.25, "no", 0.75))),
        PredictionFile.readWithRationales(j));
    Path c = tmp.resolve("p.csv");
    Files.writeString(c, "question,label,rationale,Predicted_Label,Predicted_Rationale\nq,yes,g,yes,\"r, r\"\n");
    assertEquals(List.of(new Prediction(null, "q", "yes", "g", "yes", "r, r", null)),
        PredictionFile.readWithRationales(c));
    Path bad = tmp.resolve("pb.jsonl");
    Files.writeString(bad, "{\"id\":\"a\",\"predicted_label\":\"no\",\"predicted_rationale\":\"r\"}\n"
        + "{\"id\":\"b\",\"predicted_label\":\"no\"}\n");
    assertEquals(bad + ":2: no predicted_rationale",
        assertThrows(IllegalArgumentException.class, () -> PredictionFile.readWithRationales(bad)).getMessage());
    assertNull(PredictionFile.read(bad).get(1).predictedRationale(), "evaluation needs no rationale");
    Path badCsv = tmp.resolve("pb.csv");
    Files.writeString(badCsv, "question,label,Predicted_Label\nq,yes,no\n");
    assertEquals(badCsv + ":2: no predicted_rationale",
        assertThrows(IllegalArgumentException.class, () -> PredictionFile.readWithRationales(badCsv)).getMessage());
  }

  @Test
  void errorsNameFileLineAndField() throws Exception {
    Path f = tmp.resolve("bad.jsonl");
    Files.writeString(f, "{\"predicted_label\":\"yes\"}\n{\"input\":\"x\"}\n");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PredictionFile.read(f));
    assertTrue(e.getMessage().contains("bad.jsonl:2") && e.getMessage().contains("predicted_label"), e.getMessage());
    Path j = tmp.resolve("junk.jsonl");
    Files.writeString(j, "{\"predicted_label\":\"yes\"}\nnot json\n");
    e = assertThrows(IllegalArgumentException.class, () -> PredictionFile.read(j));
    assertTrue(e.getMessage().contains("junk.jsonl:2"), e.getMessage());
    Path ragged = tmp.resolve("ragged.csv");
    Files.writeString(ragged, "question,Predicted_Label\nq1,yes\n\"q2\nstill q2\"\n");
    e = assertThrows(IllegalArgumentException.class, () -> PredictionFile.read(ragged));
    assertTrue(e.getMessage().startsWith(ragged + ":3: has 1 fields, the header has 2"), e.getMessage());
    Path c = tmp.resolve("open.csv");
    Files.writeString(c, "question,label\n\"never closed,yes\n");
    e = assertThrows(IllegalArgumentException.class, () -> gold(c));
    assertTrue(e.getMessage().contains("open.csv:2"), e.getMessage());
    Path p = tmp.resolve("p.jsonl");
    Files.writeString(p, "{\"id\":\"1\",\"label\":\"yes\",\"predicted_label\":\"yes\"}\n");
    Path g = tmp.resolve("g.jsonl");
    Files.writeString(g, "{\"id\":\"1\",\"question\":\"q\",\"label\":\"no\"}\n");
    e = assertThrows(IllegalArgumentException.class,
        () -> PredictionFile.withGold(PredictionFile.read(p), p, gold(g), g));
    assertTrue(e.getMessage().contains("do not match") && e.getMessage().contains(g + " example '1'"),
        e.getMessage());
  }

  @Test
  void textLinesKeepEmptyLinesAndDropOnlyTheFinalBreak() throws Exception {
    Path f = tmp.resolve("t.txt");
    Files.writeString(f, "a\n\nc\r\n");
    assertEquals(List.of("a", "", "c"), TextLines.read(f));
    Files.writeString(f, "");
    assertEquals(List.of(), TextLines.read(f));
    Files.writeString(f, "\n");
    assertEquals(List.of(""), TextLines.read(f));
  }
}
