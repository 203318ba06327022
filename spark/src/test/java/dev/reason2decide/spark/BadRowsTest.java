// Bad notes go to the errors output with their reason, or stop the job with no committed output; none is dropped.
package dev.reason2decide.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BadRowsTest {
  @TempDir
  Path tmp;

  /** Two good notes and five bad ones, one of each kind. */
  private Path notes() throws IOException {
    String longText = "patient with chest pain and shortness of breath ".repeat(60);
    Path in = tmp.resolve("notes.jsonl");
    Files.write(in, List.of(
        "{\"id\":\"good-1\",\"question\":\"72yo male, chest pain for 20 minutes, HR 110, BP 150/90.\"}",
        "{\"id\":\"no-text\",\"label\":\"ESI-2\"}",
        "{\"id\":\"blank\",\"question\":\"   \"}",
        "{\"id\":\"long\",\"question\":\"" + longText + "\"}",
        "{\"id\":\"broken\",\"question\":\"unterminated",
        "{\"question\":\"a note without an id\"}",
        "{\"id\":\"good-2\",\"question\":\"30yo female, ankle sprain, walking, vital signs normal.\"}"));
    return in;
  }

  @Test
  void badNotesGoToTheErrorsOutputWithTheirReason() throws IOException {
    TinyTriage t = TinyTriage.get();
    Path out = tmp.resolve("preds");
    Cli run = Cli.spark("predict", "--model", t.model.toString(), "--input", notes().toString(), "--output",
        out.toString(), "--master", "local[2]").ok();
    assertTrue(run.err().contains("decided 2 notes; 5 could not be decided"), run.err());
    assertTrue(Files.exists(out.resolve("_SUCCESS")));
    Path errors = Path.of(out + ".errors");
    assertTrue(Files.exists(errors.resolve("_SUCCESS")));
    List<String> decided = SparkMatchesSingleProcessTest.partLines(out).stream()
        .map(l -> JsonParser.parseString(l).getAsJsonObject().get("id").getAsString()).toList();
    assertEquals(List.of("good-1", "good-2"), decided);
    Map<String, String> reasons = new TreeMap<>();
    for (String l : SparkMatchesSingleProcessTest.partLines(errors)) {
      JsonObject o = JsonParser.parseString(l).getAsJsonObject();
      // a note without id is named by its text (an unreadable line's text is the raw line)
      String key = o.has("id") ? o.get("id").getAsString() : o.get("input").getAsString();
      reasons.put(key, o.get("error").getAsString());
      assertTrue(o.get("file").getAsString().endsWith("notes.jsonl"), l);
    }
    assertEquals(5, reasons.size(), reasons.toString());
    assertEquals("missing text (column 'question')", reasons.get("no-text"));
    assertEquals("missing text (column 'question')", reasons.get("blank"));
    assertTrue(reasons.get("long").startsWith("input too long: "), reasons.get("long"));
    assertTrue(reasons.get("long").contains("the model reads 256"), reasons.get("long"));
    assertEquals("no id (column 'id')", reasons.get("a note without an id"));
    assertEquals("not a valid JSON record: {\"id\":\"broken\",\"question\":\"unterminated",
        reasons.get("{\"id\":\"broken\",\"question\":\"unterminated"));
  }

  @Test
  void failModeStopsTheJobAndCommitsNothing() throws IOException {
    TinyTriage t = TinyTriage.get();
    Path out = tmp.resolve("preds");
    Cli run = Cli.spark("predict", "--model", t.model.toString(), "--input", notes().toString(), "--output",
        out.toString(), "--master", "local[2]", "--on-bad-row", "fail");
    assertEquals(1, run.code());
    List<String> lines = run.err().lines().filter(l -> l.startsWith("r2d spark predict: ")
        && !l.startsWith("r2d spark predict: device ")).toList();
    assertEquals(1, lines.size(), run.err());
    assertTrue(lines.get(0).contains("notes.jsonl: "), lines.get(0));
    assertFalse(Files.exists(out.resolve("_SUCCESS")), "a failed job leaves no output that looks complete");
    assertFalse(Files.exists(Path.of(out + ".errors")), "fail mode writes no errors output");
  }

  @Test
  void truncateDecidesOverLongNotesAsR2dPredictDoes() throws IOException {
    TinyTriage t = TinyTriage.get();
    String longText = "patient with chest pain and shortness of breath ".repeat(60);
    Path in = tmp.resolve("long.jsonl");
    Files.write(in, List.of("{\"id\":\"long\",\"question\":\"" + longText + "\"}"));
    Path single = tmp.resolve("single.jsonl");
    Cli.core("predict", "--model", t.model.toString(), "--input", in.toString(), "--output", single.toString(),
        "--threads", "1", "--quiet").ok();
    Path out = tmp.resolve("preds");
    Cli.spark("predict", "--model", t.model.toString(), "--input", in.toString(), "--output", out.toString(),
        "--master", "local[1]", "--truncate").ok();
    assertEquals(SparkMatchesSingleProcessTest.withChecksAsText(Files.readAllLines(single)),
        SparkMatchesSingleProcessTest.partLines(out));
  }
}
