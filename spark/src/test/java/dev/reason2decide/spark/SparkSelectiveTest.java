// r2d spark evaluate's selective-prediction figures, overall and per group, by hand and as r2d evaluate gives them.
package dev.reason2decide.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SparkSelectiveTest {
  @TempDir
  Path tmp;

  private static String row(String id, String dept, String gold, String predicted, double score, boolean decide) {
    return "{\"id\":\"" + id + "\",\"department\":\"" + dept + "\",\"input\":\"x\",\"label\":\"" + gold
        + "\",\"predicted_label\":\"" + predicted + "\",\"predicted_rationale\":\"r\",\"trust\":{\"score\":" + score
        + ",\"decide\":" + decide + ",\"reasons\":[]}}";
  }

  /**
   * A: 0.9 right and 0.8 wrong, both decided; B: 0.7 right and 0.6 wrong, both refused. Whole: coverage 1/2, error
   * 1/2, AURC (0 + 1/2 + 1/3 + 2/4)/4, AUROC 3/4. A: coverage 1, error 1/2, AURC (0 + 1/2)/2, AUROC 1. B: coverage 0,
   * error n/a, AURC 1/4, AUROC 1.
   */
  @Test
  void overallAndPerGroupByHand() throws IOException {
    Path preds = tmp.resolve("preds.jsonl");
    Files.write(preds, List.of(row("a1", "A", "ESI-1", "ESI-1", 0.9, true), row("a2", "A", "ESI-2", "ESI-3", 0.8, true),
        row("b1", "B", "ESI-3", "ESI-3", 0.7, false), row("b2", "B", "ESI-4", "ESI-1", 0.6, false)));
    Path out = tmp.resolve("spark-eval");
    Cli run = Cli.spark("evaluate", "--predictions", preds.toString(), "--group-by", "department", "--master",
        "local[1]", "--out", out.toString());
    run.ok();
    JsonObject whole = selective(Files.readString(out.resolve("report.json")));
    assertEquals(0.5, whole.get("coverage").getAsDouble(), 1e-12);
    assertEquals(0.5, whole.get("error_when_deciding").getAsDouble(), 1e-12);
    assertEquals((0 + 0.5 + 1.0 / 3 + 0.5) / 4, whole.get("aurc").getAsDouble(), 1e-12);
    assertEquals(0.75, whole.get("auroc").getAsDouble(), 1e-12);
    List<String> groups = Files.readAllLines(out.resolve("groups.jsonl"));
    JsonObject a = JsonParser.parseString(groups.get(0)).getAsJsonObject().getAsJsonObject("selective");
    JsonObject b = JsonParser.parseString(groups.get(1)).getAsJsonObject().getAsJsonObject("selective");
    assertEquals(1.0, a.get("coverage").getAsDouble(), 1e-12);
    assertEquals(0.5, a.get("error_when_deciding").getAsDouble(), 1e-12);
    assertEquals(0.25, a.get("aurc").getAsDouble(), 1e-12);
    assertEquals(1.0, a.get("auroc").getAsDouble(), 1e-12);
    assertEquals(0.0, b.get("coverage").getAsDouble(), 1e-12);
    assertTrue(b.get("error_when_deciding") == null || b.get("error_when_deciding").isJsonNull(), b.toString());
    assertEquals(0.25, b.get("aurc").getAsDouble(), 1e-12);
    String csv = Files.readString(out.resolve("groups.csv"));
    assertTrue(csv.lines().findFirst().orElseThrow().endsWith(",coverage,error_when_deciding,aurc,auroc"), csv);
    assertTrue(csv.contains(",0.0,,0.25,1.0\n"), csv); // B: error when deciding n/a is an empty cell
    assertTrue(Files.size(out.resolve("risk_coverage.png")) > 1000);
    assertTrue(run.out().contains("selective prediction: coverage 0.5000  error when deciding 0.5000"), run.out());

    Path core = tmp.resolve("core.eval");
    Cli.core("evaluate", "--predictions", preds.toString(), "--out", core.toString()).ok();
    assertEquals(selective(Files.readString(core.resolve("report.json"))), whole);
  }

  @Test
  void withoutTrustNotAvailable() throws IOException {
    Path preds = tmp.resolve("old.jsonl");
    Files.write(preds, List.of("{\"id\":\"a\",\"label\":\"x\",\"predicted_label\":\"x\"}"));
    Path out = tmp.resolve("e");
    Cli.spark("evaluate", "--predictions", preds.toString(), "--master", "local[1]", "--out", out.toString()).ok();
    JsonObject s = selective(Files.readString(out.resolve("report.json")));
    assertFalse(s.get("available").getAsBoolean());
    assertEquals("not available: no trust verdict in 1 of 1 predictions", s.get("note").getAsString());
    assertFalse(Files.exists(out.resolve("risk_coverage.png")));
    assertNull(s.get("coverage"));
  }

  private static JsonObject selective(String json) {
    return JsonParser.parseString(json).getAsJsonObject().getAsJsonObject("selective");
  }
}
