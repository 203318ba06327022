// The run folder is named once: its file names appear as literals only in the runs package; the reader reads them.
package dev.reason2decide.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFolderNamesTest {
  @TempDir
  Path tmp;

  private static final List<String> NAMES = List.of("\"metrics.jsonl\"", "\"done.json\"", "\"provenance.json\"",
      "\"trainer_state.json\"", "\"optimizer.safetensors\"", "\"r2d.json\"", "\"experiment-timing.json\"",
      "\"predictions.jsonl\"", "\"timing.json\"", "\"counterfactual.jsonl\"");

  @Test
  void fileNamesOfARunAreWrittenOnlyInTheRunsPackage() throws IOException {
    List<String> found = new ArrayList<>();
    Path src = Path.of("src/main/java/dev/reason2decide");
    try (Stream<Path> files = Files.walk(src)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        if (f.startsWith(src.resolve("runs"))) {
          continue;
        }
        String text = Files.readString(f);
        for (String name : NAMES) {
          if (text.contains(name)) {
            found.add(src.relativize(f) + " names " + name);
          }
        }
      }
    }
    assertEquals(List.of(), found);
  }

  @Test
  void theReaderKeepsEveryLineOrSaysWhyNot() throws IOException {
    Path f = tmp.resolve("metrics.jsonl");
    Files.writeString(f, """
        {"kind":"step","stage":"stage1","step":1,"loss":NaN,"lr":0.5}
        {"kind":"eval","stage":"stage1","step":1,"val_loss":2.0}

        {"kind":"step","stage":"stage1"
        {"kind":"other","step":2}
        """);
    MetricsFile m = MetricsFile.read(f);
    assertEquals(2, m.lines().size());
    assertTrue(Double.isNaN(m.lines().get(0).get("loss")));
    assertEquals(0.5, m.lines().get(0).get("lr"));
    assertTrue(m.lines().get(1).isEval());
    assertEquals(List.of(4, 5), m.problems().stream().map(MetricsFile.Problem::line).toList());
    assertEquals("line 5: 'kind' must be \"step\", \"eval\" or \"stop\"", m.problems().get(1).toString());
    assertEquals(0, MetricsFile.read(tmp.resolve("absent.jsonl")).lines().size());
  }
}
