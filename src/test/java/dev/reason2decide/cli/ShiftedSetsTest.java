// The quickstart's shifted-set lines: coverage and error when deciding from rows' trust verdicts, or "no trust verdict".
package dev.reason2decide.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reason2decide.data.Example;
import dev.reason2decide.data.Prediction;
import dev.reason2decide.eval.report.PredictionFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShiftedSetsTest {
  @TempDir
  Path tmp;

  private List<Prediction> rows(String... lines) throws Exception {
    Path f = tmp.resolve("p" + lines.length + lines[0].length() + ".jsonl");
    Files.writeString(f, String.join("\n", lines) + "\n");
    return PredictionFile.read(f);
  }

  private static String row(String gold, String predicted, String trust) {
    return "{\"id\":\"x\",\"input\":\"note\",\"label\":\"" + gold + "\",\"predicted_label\":\"" + predicted
        + "\",\"predicted_rationale\":\"r\"" + (trust == null ? "" : ",\"trust\":" + trust) + "}";
  }

  /** Four rows: two decided (one wrong), one refused right, one refused wrong: coverage 2/4, error 1/2. */
  @Test
  void rowsWithTrustGiveCoverageAndErrorWhenDeciding() throws Exception {
    List<Prediction> p = rows(row("ESI-1", "ESI-1", "{\"score\":0.9,\"decide\":true,\"reasons\":[]}"),
        row("ESI-2", "ESI-1", "{\"score\":0.8,\"decide\":true,\"reasons\":[]}"),
        row("ESI-3", "ESI-3", "{\"score\":0.4,\"decide\":false,\"reasons\":[\"far\"]}"),
        row("ESI-4", "ESI-5", "{\"score\":0.1,\"decide\":false,\"reasons\":[\"far\"]}"));
    String line = ShiftedSets.line("shifted: unseen-names", p);
    assertTrue(line.startsWith("shifted: unseen-names"), line);
    assertTrue(line.endsWith("4 cases  accuracy 0.500   coverage 0.500 (2 decided)   error when deciding 0.5000"),
        line);
  }

  /** Far text: nothing decided, so the error among decided cases is n/a. */
  @Test
  void farTextAllRefused() throws Exception {
    List<Prediction> p = rows(row("out-of-domain", "ESI-1", "{\"score\":0.02,\"decide\":false,\"reasons\":[\"x\"]}"),
        row("out-of-domain", "ESI-4", "{\"score\":0.05,\"decide\":false,\"reasons\":[\"x\"]}"));
    assertTrue(ShiftedSets.line("far", p).endsWith("accuracy 0.000   coverage 0.000 (0 decided)   error when "
        + "deciding n/a"), ShiftedSets.line("far", p));
  }

  @Test
  void rowsWithoutTrustSaySo() throws Exception {
    List<Prediction> p = rows(row("ESI-1", "ESI-1", null), row("ESI-2", "ESI-2", null));
    assertTrue(ShiftedSets.line("shifted", p).endsWith("accuracy 1.000   no trust verdict (no trust verdict in 2 of "
        + "2 predictions)"), ShiftedSets.line("shifted", p));
  }

  @Test
  void writesTheSuiteWithFarTextOnlyWhenPubMedQaIsThere() throws Exception {
    Map<String, List<Example>> none = ShiftedSets.write(tmp.resolve("a"), 3, 10, tmp.resolve("absent"));
    assertEquals(3, none.get("unseen-names").size());
    assertTrue(!none.containsKey("far"));
    Path raw = tmp.resolve("raw");
    Files.createDirectories(raw);
    Files.writeString(raw.resolve("ori_pqal.json"), "{\"1\": {\"QUESTION\": \"Q?\"}}");
    Map<String, List<Example>> with = ShiftedSets.write(tmp.resolve("b"), 3, 10, raw);
    assertEquals(List.of("Q?"), with.get("far").stream().map(Example::input).toList());
  }
}
