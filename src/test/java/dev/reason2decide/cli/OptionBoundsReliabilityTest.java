// Issue 26, items 1 and 18: every numeric option is bounded when the command line is parsed, in one line.
package dev.reason2decide.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reason2decide.testing.CliRun;
import dev.reason2decide.testing.Shared;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

class OptionBoundsReliabilityTest {
  private static final Set<Class<?>> NUMERIC = Set.of(int.class, long.class, float.class, double.class,
      Integer.class, Long.class, Float.class, Double.class);

  @TempDir
  Path dir;

  private static void collect(CommandLine cl, String path, List<String> missing, List<String> seen) {
    for (OptionSpec o : cl.getCommandSpec().options()) {
      if (NUMERIC.contains(o.type())) {
        seen.add(path + " " + o.longestName());
        double[] r = OptionBounds.range(o);
        if (r == null) {
          missing.add(path + " " + o.longestName());
        } else if (o.defaultValue() != null) {
          double d = Double.parseDouble(o.defaultValue());
          if (d < r[0] || d > r[1]) {
            missing.add(path + " " + o.longestName() + " (default " + d + " outside its range)");
          }
        }
      }
    }
    cl.getSubcommands().forEach((name, sub) -> {
      // bench: developer benchmarks
      if (sub.getCommandName().equals(name) && !name.equals("bench")) {
        collect(sub, path + " " + name, missing, seen);
      }
    });
  }

  @Test
  void everyNumericOptionOfEveryCommandHasARangeHoldingItsDefault() {
    List<String> missing = new ArrayList<>();
    List<String> seen = new ArrayList<>();
    collect(new CommandLine(new Main()), "r2d", missing, seen);
    assertTrue(seen.contains("r2d predict --batch-size") && seen.contains("r2d train --steps")
        && seen.contains("r2d data synth-triage --n"), seen.toString());
    assertEquals(List.of(), missing);
  }

  @Test
  void servesNumbersAreRefusedOutsideTheirRangeBeforeTheModelLoads() throws Exception {
    // the model folder does not exist: a refusal that names the option proves nothing was loaded first
    String model = dir.resolve("no-model").toString();
    for (String[] bad : new String[][] {{"--workers", "100000", "--workers must be between 1 and 256, got 100000"},
        {"--max-tokens-in-flight", "0", "--max-tokens-in-flight must be between 1 and 1,048,576, got 0"},
        {"--port", "70000", "--port must be between 0 and 65,535, got 70000"}}) {
      CliRun r = CliRun.of("serve", "--model", model, bad[0], bad[1]);
      assertEquals(2, r.code(), r.err());
      assertEquals(List.of("r2d serve: " + bad[2]), r.errLines());
    }
  }

  @Test
  void predictsBatchSizeAndThreadsAreRefusedOutsideTheirRangeBeforeAnythingRuns() throws Exception {
    Path input = Files.writeString(dir.resolve("in.jsonl"), "{\"question\":\"q\"}\n");
    Path output = dir.resolve("out.jsonl");
    String model = Shared.fixture("t5-tiny-v1_0").toString();
    for (String[] bad : new String[][] {{"--batch-size", "0", "--batch-size must be between 1 and 1,024, got 0"},
        {"--batch-size", "-1", "--batch-size must be between 1 and 1,024, got -1"},
        {"--threads", "100000", "--threads must be between 0 and 1,024, got 100000"}}) {
      CliRun r = CliRun.of("predict", "--model", model, "--labels", "yes,no", "--input", input.toString(),
          "--output", output.toString(), "--quiet", bad[0], bad[1]);
      assertEquals(2, r.code(), r.err());
      assertEquals(List.of("r2d predict: " + bad[2]), r.errLines());
      assertEquals("", r.out());
      assertEquals(List.of(input), listing());
    }
  }

  @Test
  void trainingSettingsAreRefusedOutsideTheirRangeBeforeTheRunFolderExists() throws Exception {
    Path out = dir.resolve("run");
    for (String[] bad : new String[][] {{"--weight-decay", "-1", "--weight-decay must be between 0 and 1, got -1.0"},
        {"--steps", "0", "--steps must be between 1 and 1,000,000,000, got 0"},
        {"--rationale-max-new-tokens", "1000000000",
            "--rationale-max-new-tokens must be between 1 and 4,096, got 1000000000"},
        {"--max-input-tokens", "100000", "--max-input-tokens must be between 8 and 8,192, got 100000"},
        {"--dropout", "2", "--dropout must be between 0 and 1, got 2.0"}}) {
      CliRun r = CliRun.of("train", "--train", "t.jsonl", "--validation", "v.jsonl", "--out", out.toString(),
          bad[0], bad[1]);
      assertEquals(2, r.code(), r.err());
      assertEquals(List.of("r2d train: " + bad[2]), r.errLines());
      assertFalse(Files.exists(out));
    }
    CliRun schedule = CliRun.of("schedule", "--steps", "-5");
    assertEquals(2, schedule.code());
    assertEquals(List.of("r2d schedule: --steps must be between 1 and 1,000,000,000, got -5"), schedule.errLines());
    assertEquals("", schedule.out());
  }

  @Test
  void synthTriageRefusesMoreNotesThanItsStatedBoundBeforeGeneratingAny() {
    Path out = dir.resolve("synth");
    CliRun r = CliRun.of("data", "synth-triage", "--n", "2000000000", "--out", out.toString());
    assertEquals(2, r.code(), r.err());
    assertEquals(List.of("r2d data synth-triage: --n must be between 1 and 1,000,000, got 2000000000"), r.errLines());
    assertFalse(Files.exists(out));
  }

  @Test
  void anExperimentFilesSettingOutsideItsRangeNamesTheSettingAndTheRange() {
    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> dev.reason2decide.train.TrainSettings.apply(
            dev.reason2decide.train.TrainConfig.reference(dev.reason2decide.train.Recipe.R2D),
            com.google.gson.JsonParser.parseString("{\"weight-decay\":-1}").getAsJsonObject(), "exp.json: train."));
    assertEquals("exp.json: train.weight-decay must be between 0 and 1, got -1.0", e.getMessage());
  }

  @Test
  void dataSplitRefusesFractionsNotSummingToOneAndEmptyLabelsNamingItself() throws Exception {
    Path in = Files.writeString(dir.resolve("in.jsonl"),
        "{\"question\":\"q1\",\"label\":\"yes\"}\n{\"question\":\"q2\",\"label\":\"no\"}\n");
    Path out = dir.resolve("split");
    CliRun fractions = CliRun.of("data", "split", in.toString(), "--out", out.toString(), "--fractions",
        "0.5,0.5,0.5");
    assertEquals(1, fractions.code(), fractions.err());
    assertEquals(List.of("r2d data split: --fractions must add up to 1 (train,validation,test), got 0.5,0.5,0.5 "
        + "(sum 1.5)"), fractions.errLines());
    CliRun labels = CliRun.of("data", "split", in.toString(), "--out", out.toString(), "--labels", ",,,");
    assertEquals(1, labels.code(), labels.err());
    assertEquals(List.of("r2d data split: --labels ',,,' has an empty label; give the labels comma-separated, e.g. "
        + "yes,no,maybe"),
        labels.errLines());
    assertFalse(Files.exists(out));
    assertNotNull(fractions.out());
  }

  private List<Path> listing() throws Exception {
    try (var s = Files.list(dir)) {
      return s.sorted().toList();
    }
  }
}
