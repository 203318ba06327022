// Issue 18, messages users meet: help without picocli format warnings, empty inputs as errors, no Java internals.
package dev.reason2decide.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reason2decide.testing.CliRun;
import dev.reason2decide.testing.Shared;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CliMessagesReliabilityTest {
  @TempDir
  Path dir;

  /** Every command path below {@code r2d}, e.g. [train], [data, check], [bench, train]. */
  private static List<List<String>> commandPaths(CommandLine cl, List<String> prefix) {
    List<List<String>> out = new ArrayList<>();
    cl.getSubcommands().forEach((name, sub) -> {
      if (name.equals("help") || !sub.getCommandName().equals(name)) {
        return; // the help command and aliases
      }
      List<String> path = new ArrayList<>(prefix);
      path.add(name);
      out.add(path);
      out.addAll(commandPaths(sub, path));
    });
    return out;
  }

  @Test
  void everyCommandsHelpFormatsWithoutPicocliWarnings() {
    List<List<String>> paths = commandPaths(new CommandLine(new Main()), List.of());
    assertTrue(paths.size() > 20, "found " + paths);
    for (List<String> path : paths) {
      List<String> args = new ArrayList<>(path);
      args.add("--help");
      CliRun r = CliRun.of(args.toArray(String[]::new));
      assertEquals(0, r.code(), path + ": " + r.err());
      assertFalse(r.err().contains("picocli WARN") || r.out().contains("picocli WARN"), path + ": " + r.err());
      assertTrue(r.out().startsWith("Usage: r2d " + String.join(" ", path)), path + ": " + r.out());
    }
  }

  @Test
  void trainUsageErrorsPrintNoPicocliWarning() {
    for (String[] args : new String[][] {{"train"}, {"train", "--bogus"}, {"train", "--train"},
        {"train", "--steps", "many"}}) {
      CliRun r = CliRun.of(args);
      assertEquals(2, r.code(), String.join(" ", args));
      assertFalse(r.err().contains("picocli WARN"), r.err());
      assertTrue(r.err().contains("Usage: r2d train"), r.err());
    }
  }

  @Test
  void dataCheckOfAnEmptyFileIsAnError() throws Exception {
    Path empty = Files.writeString(dir.resolve("empty.jsonl"), "");
    Path header = Files.writeString(dir.resolve("header.csv"), "question,label,rationale\r\n");
    for (Path f : List.of(empty, header)) {
      CliRun r = CliRun.of("data", "check", f.toString());
      assertEquals(1, r.code(), r.out());
      assertEquals(List.of("r2d check: " + f + ": no examples (the file is empty, has only blank lines or only a"
          + " header row)"), r.errLines());
      assertEquals("", r.out());
    }
  }

  @Test
  void predictOnAnEmptyFileIsAnErrorAndWritesNothing() throws Exception {
    Path empty = Files.writeString(dir.resolve("empty.jsonl"), "\n\n");
    Path output = dir.resolve("predictions.jsonl");
    CliRun r = CliRun.of("predict", "--model", Shared.fixture("t5-tiny-v1_0").toString(), "--labels", "yes,no",
        "--input", empty.toString(), "--output", output.toString(), "--quiet");
    assertEquals(1, r.code(), r.err());
    assertEquals(List.of("r2d predict: " + empty + ": no examples (the file is empty, has only blank lines or only a"
        + " header row)"), r.errLines());
    assertEquals(List.of(empty), listing());
  }

  @Test
  void tokenizerBuildOnAnEmptyCorpusIsAnErrorAndWritesNothing() throws Exception {
    Path empty = Files.writeString(dir.resolve("empty.jsonl"), "");
    Path text = Files.writeString(dir.resolve("notes.txt"), "");
    Path out = dir.resolve("tok");
    CliRun r = CliRun.of("tokenizer", "build", "--corpus", empty.toString(), "--corpus", text.toString(),
        "--vocab-size", "300", "--out", out.toString());
    assertEquals(1, r.code(), r.out());
    assertEquals(List.of("r2d build: the corpus has no texts (every file is empty or has only blank lines or a"
        + " header): [" + empty + ", " + text + "]; nothing written"), r.errLines());
    assertFalse(Files.exists(out));
  }

  @Test
  void synthTriageWithNoExamplesIsAnErrorAndWritesNothing() {
    Path out = dir.resolve("synth");
    CliRun zero = CliRun.of("data", "synth-triage", "--n", "0", "--out", out.toString());
    assertEquals(1, zero.code(), zero.out());
    assertEquals(List.of("r2d synth-triage: --n 0: at least one example is needed; nothing written"), zero.errLines());
    // 2 examples at 0.8/0.1/0.1: 2 for train (rounded), none for validation
    CliRun two = CliRun.of("data", "synth-triage", "--n", "2", "--out", out.toString());
    assertEquals(1, two.code(), two.out());
    assertTrue(two.err().startsWith("r2d synth-triage: --n 2 leaves the "), two.err());
    assertEquals(1, two.errLines().size(), two.err());
    assertFalse(Files.exists(out));
  }

  private List<Path> listing() throws Exception {
    try (var s = Files.list(dir)) {
      return s.sorted().toList();
    }
  }
}
