// Issue 18, training inputs: empty train/validation files fail before a run folder exists; huge notes are cut early.
package dev.reason2decide.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reason2decide.testing.CliRun;
import dev.reason2decide.testing.Shared;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TrainingInputsReliabilityTest {
  @TempDir
  Path dir;

  private static final String ONE_ROW = "{\"question\":\"HR 120\",\"label\":\"yes\",\"rationale\":\"fast\"}\n";

  /** An empty file, only blank lines, or a header alone (CSV). */
  private Path emptyInput(String kind) throws Exception {
    return switch (kind) {
      case "empty" -> Files.writeString(dir.resolve("empty.jsonl"), "");
      case "blank" -> Files.writeString(dir.resolve("blank.jsonl"), "\n  \n\t\n");
      case "header" -> Files.writeString(dir.resolve("header.csv"), "question,label,rationale\n");
      default -> throw new IllegalArgumentException(kind);
    };
  }

  private CliRun train(Path trainFile, Path validationFile, Path out) {
    return CliRun.of("train", "--train", trainFile.toString(), "--validation", validationFile.toString(),
        "--init", Shared.fixture("t5-tiny-v1_0").toString(), "--out", out.toString(), "--steps", "2", "--quiet");
  }

  @ParameterizedTest
  @ValueSource(strings = {"empty", "blank", "header"})
  void anEmptyTrainingFileFailsBeforeTheRunFolderIsCreated(String kind) throws Exception {
    Path empty = emptyInput(kind);
    Path good = Files.writeString(dir.resolve("good.jsonl"), ONE_ROW);
    Path out = dir.resolve("run");
    CliRun r = train(empty, good, out);
    assertEquals(1, r.code(), r.err());
    assertEquals(List.of("r2d train: " + empty + ": no examples (the file is empty, has only blank lines or only a"
        + " header row)"), r.errLines());
    assertFalse(Files.exists(out), "no run folder is left behind");
  }

  @ParameterizedTest
  @ValueSource(strings = {"empty", "blank", "header"})
  void anEmptyValidationFileFailsBeforeTheRunFolderIsCreated(String kind) throws Exception {
    Path empty = emptyInput(kind);
    Path good = Files.writeString(dir.resolve("good.jsonl"), ONE_ROW);
    Path out = dir.resolve("run");
    CliRun r = train(good, empty, out);
    assertEquals(1, r.code(), r.err());
    assertEquals(List.of("r2d train: " + empty + ": no examples (the file is empty, has only blank lines or only a"
        + " header row)"), r.errLines());
    assertFalse(Files.exists(out), "no run folder is left behind");
  }

  @Test
  void aFileWhoseRowsAreAllSkippedIsEmptyToo() throws Exception {
    Path bad = Files.writeString(dir.resolve("bad.jsonl"), ONE_ROW.replace("\"fast\"", "\"\"") + "not json\n");
    Path good = Files.writeString(dir.resolve("good.jsonl"), ONE_ROW);
    Path out = dir.resolve("run");
    CliRun r = CliRun.of("train", "--train", bad.toString(), "--validation", good.toString(), "--skip-malformed",
        "--init", Shared.fixture("t5-tiny-v1_0").toString(), "--out", out.toString(), "--steps", "2", "--quiet");
    assertEquals(1, r.code(), r.err());
    assertTrue(r.err().contains("r2d train: " + bad + ": no examples left: all 2 rows are malformed (first: line 1,"
        + " field 'rationale': empty)"), r.err());
    assertFalse(Files.exists(out), "no run folder is left behind");
  }
}
