// `r2d evaluate` on predictions with and without trust verdicts: selective figures by hand, or "not available".
package dev.reason2decide.eval.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.reason2decide.data.Prediction;
import dev.reason2decide.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SelectiveEvaluateTest {
  @TempDir
  Path tmp;

  private static String row(String id, String gold, String predicted, String trust) {
    return "{\"id\":\"" + id + "\",\"input\":\"note " + id + "\",\"label\":\"" + gold + "\",\"predicted_label\":\""
        + predicted + "\",\"predicted_rationale\":\"r\"" + (trust == null ? "" : ",\"trust\":" + trust) + "}";
  }

  @Test
  void figuresFromTrustVerdicts() throws Exception {
    Path p = tmp.resolve("preds.jsonl");
    // 0.9 right decided, 0.8 wrong decided, 0.7 right refused, 0.6 wrong refused; signals are read past,
    // and Spark writes the verdict as JSON text
    Files.writeString(p, String.join("\n",
        row("a", "ESI-1", "ESI-1", "{\"score\":0.9,\"decide\":true,\"reasons\":[],\"signals\":{\"input\":1.5}}"),
        row("b", "ESI-2", "ESI-3", "{\"score\":0.8,\"decide\":true,\"reasons\":[]}"),
        row("c", "ESI-3", "ESI-3", "\"{\\\"score\\\":0.7,\\\"decide\\\":false,\\\"reasons\\\":[\\\"far from "
            + "the training notes\\\"]}\""),
        row("d", "ESI-4", "ESI-1", "{\"score\":0.6,\"decide\":false,\"reasons\":[\"x\"]}"), ""));
    List<Prediction> read = PredictionFile.read(p);
    assertEquals(List.of("far from the training notes"), read.get(2).trust().reasons());
    CliRun run = CliRun.of("evaluate", "--predictions", p.toString());
    assertEquals(0, run.code(), run.err());
    assertTrue(run.out().contains("selective prediction: coverage 0.5000  error when deciding 0.5000  AURC 0.3333  "
        + "AUROC 0.7500"), run.out());
    Path dir = tmp.resolve("preds.eval");
    JsonObject s = JsonParser.parseString(Files.readString(dir.resolve("report.json"))).getAsJsonObject()
        .getAsJsonObject("selective");
    assertTrue(s.get("available").getAsBoolean());
    assertEquals(0.5, s.get("coverage").getAsDouble(), 1e-12);
    assertEquals(0.5, s.get("error_when_deciding").getAsDouble(), 1e-12);
    assertEquals((0 + 0.5 + 1.0 / 3 + 0.5) / 4, s.get("aurc").getAsDouble(), 1e-12);
    assertEquals(0.75, s.get("auroc").getAsDouble(), 1e-12);
    assertEquals(0.5, s.getAsJsonObject("accuracy_at_coverage").get("0.90").getAsDouble(), 1e-12);
    assertEquals(4, s.getAsJsonArray("curve").size());
    assertTrue(Files.size(dir.resolve("risk_coverage.png")) > 1000);
    String md = Files.readString(dir.resolve("report.md"));
    assertTrue(md.contains("## Selective prediction"), md);
    assertTrue(md.contains("| all | 4 | 0.5000 (2) | 0.5000 (1) | 0.3333 | 0.5000 | 0.5000 | 0.5000 | 0.7500 |"), md);
    assertTrue(md.contains("risk_coverage.png"), md);
  }

  @Test
  void withoutTrustTheFiguresAreNotAvailable() throws Exception {
    Path p = tmp.resolve("old.jsonl");
    Files.writeString(p, String.join("\n", row("a", "ESI-1", "ESI-1", null),
        row("b", "ESI-2", "ESI-2", "{\"score\":0.8,\"decide\":true}"), ""));
    CliRun run = CliRun.of("evaluate", "--predictions", p.toString());
    assertEquals(0, run.code(), run.err());
    assertTrue(run.out().contains("selective prediction: not available: no trust verdict in 1 of 2 predictions"),
        run.out());
    Path dir = tmp.resolve("old.eval");
    JsonObject s = JsonParser.parseString(Files.readString(dir.resolve("report.json"))).getAsJsonObject()
        .getAsJsonObject("selective");
    assertFalse(s.get("available").getAsBoolean());
    assertFalse(s.has("coverage"));
    assertFalse(Files.exists(dir.resolve("risk_coverage.png")));
  }

  @Test
  void aBadVerdictIsAnErrorNamingTheLine() throws Exception {
    Path p = tmp.resolve("bad.jsonl");
    Files.writeString(p, String.join("\n", row("a", "ESI-1", "ESI-1", "{\"score\":0.8,\"decide\":true}"),
        row("b", "ESI-2", "ESI-2", "{\"score\":1.5,\"decide\":true}"), ""));
    CliRun run = CliRun.of("evaluate", "--predictions", p.toString());
    assertEquals(1, run.code());
    assertTrue(run.err().contains(p + ":2: field 'trust': 'score' must be in [0, 1], got 1.5"), run.err());
    Files.writeString(p, row("a", "ESI-1", "ESI-1", "{\"score\":0.8}") + "\n");
    CliRun noDecide = CliRun.of("evaluate", "--predictions", p.toString());
    assertTrue(noDecide.err().contains(p + ":1: field 'trust': 'decide' must be true or false"), noDecide.err());
  }
}
