// config.json: today's form round-trips, the flat form written before settings had names still loads for resume.
package dev.reason2decide.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunConfigTest {
  @TempDir
  Path tmp;

  /** What `r2d train --recipe r2d --scratch tiny --tokenizer tok --steps 40 --batch-size 8 --eval-batch-size 16
   * --eval-every 10 --stage1-eval-every 10 --lr 1e-3 --seed 5 --threads 1` meant, written out by hand. */
  private static TrainConfig baselineRun() {
    return TrainSettings.with(TrainConfig.reference(Recipe.R2D), "steps", 40, "batch-size", 8, "eval-batch-size", 16,
        "eval-every", 10, "stage1-eval-every", 10, "lr", 1e-3f, "seed", 5L, "threads", 1);
  }

  private Path oldConfig() throws Exception {
    Path f = tmp.resolve("config.json");
    try (var in = getClass().getResourceAsStream("config-before-settings.json")) {
      Files.write(f, in.readAllBytes());
    }
    return f;
  }

  @Test
  void theFlatFormOfBeforeLoadsAsTheSameRun() throws Exception {
    RunConfig old = RunConfig.read(oldConfig());
    TrainConfig c = old.train();
    assertEquals(Recipe.R2D, c.recipe());
    assertEquals(40, c.optim().steps());
    assertEquals(8, c.data().batchSize());
    assertEquals(16, c.data().evalBatchSize());
    assertEquals(0.001f, c.optim().learningRate());
    assertEquals(10, c.eval().evalEvery());
    assertEquals(5L, c.seed());
    assertEquals(1, c.runtime().threads());
    assertEquals(SamplingSchedule.Kind.REFERENCE, c.schedules().sampling().kind());
    assertEquals(c, baselineRun());
    RunConfig now = new RunConfig(TrainSettings.with(baselineRun(), "threads", 2, "device", "gpu:1"), null, "tiny",
        "tok");
    assertEquals(List.of(), now.differences(old));           // threads and the device do not count
  }

  @Test
  void todaysFormRoundTripsAndDifferencesAreNamed() throws Exception {
    RunConfig a = new RunConfig(baselineRun(), null, "tiny", "tok");
    Path f = tmp.resolve("new.json");
    Files.writeString(f, a.toJson(tmp));
    assertTrue(Files.readString(f).contains("\"batch-size\": 8"));
    assertTrue(Files.readString(f).contains("\"schedule\": \"reference\""));
    assertEquals(a, RunConfig.read(f));
    RunConfig b = new RunConfig(TrainSettings.with(baselineRun(), "lr", 2e-3f), null, "tiny", "tok");
    assertEquals(List.of("lr 0.001 → 0.002"), b.differences(RunConfig.read(oldConfig())));
  }

  @Test
  void theTokenizerIsWrittenRelativeToTheRunSoThatAMovedExperimentStillCompares() throws Exception {
    Path exp = tmp.resolve("exp");
    Path run = exp.resolve("runs/r2d-seed1");
    Files.createDirectories(run);
    Files.writeString(run.resolve("config.json"), new RunConfig(baselineRun(), null, "tiny",
        exp.resolve("tokenizer").toString()).toJson(run));
    assertTrue(Files.readString(run.resolve("config.json")).contains("\"tokenizer\": \"../../tokenizer\""));
    Path moved = tmp.resolve("moved");
    Files.move(exp, moved);
    RunConfig read = RunConfig.read(moved.resolve("runs/r2d-seed1/config.json"));
    assertEquals(moved.resolve("tokenizer").toAbsolutePath().toString(), read.tokenizer());
    RunConfig here = new RunConfig(baselineRun(), null, "tiny", moved.resolve("tokenizer").toString());
    assertEquals(List.of(), here.differences(read));
    // a file written before: its absolute path is read as it stands
    Path old = tmp.resolve("old.json");
    Files.writeString(old, Files.readString(moved.resolve("runs/r2d-seed1/config.json"))
        .replace("\"../../tokenizer\"", "\"/data/tok\"").replace("\"tokenizer_relative_to\": \"run folder\",", ""));
    assertEquals("/data/tok", RunConfig.read(old).tokenizer());
  }

  @Test
  void aBrokenOldFileNamesTheFileAndTheSetting() throws Exception {
    Path f = oldConfig();
    Files.writeString(f, Files.readString(f).replace("\"batchSize\": 8", "\"batchSise\": 8"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RunConfig.read(f));
    assertTrue(e.getMessage().startsWith(f + ": train.batchSise is not a training setting"), e.getMessage());
  }
}
