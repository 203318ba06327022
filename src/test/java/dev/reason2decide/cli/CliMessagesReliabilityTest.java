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
      assertEquals(List.of("r2d data check: " + f + ": no examples (the file is empty, has only blank lines or only a"
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
    assertEquals(List.of("r2d tokenizer build: the corpus has no texts (every file is empty or has only blank lines or a"
        + " header): [" + empty + ", " + text + "]; nothing written"), r.errLines());
    assertFalse(Files.exists(out));
  }

  @Test
  void llmCommandsOnEmptyInputsAreErrorsAndWriteNothing() throws Exception {
    Path empty = Files.writeString(dir.resolve("empty.jsonl"), "\n");
    CliRun generate = CliRun.of("rationales", "generate", "--input", empty.toString(), "--output",
        dir.resolve("g.jsonl").toString(), "--base-url", "http://127.0.0.1:9/v1", "--model", "m", "--quiet");
    assertEquals(1, generate.code(), generate.out());
    assertEquals(List.of("r2d rationales generate: " + empty + ": no examples (the file is empty, has only blank lines or only a"
        + " header row)"), generate.errLines());
    CliRun judge = CliRun.of("judge", "--predictions", empty.toString(), "--output", dir.resolve("j.jsonl").toString(),
        "--base-url", "http://127.0.0.1:9/v1", "--model", "m", "--quiet");
    assertEquals(1, judge.code(), judge.out());
    assertEquals(List.of("r2d judge: " + empty + ": no predictions (the file is empty, has only blank lines or only a"
        + " header row)"), judge.errLines());
    assertEquals(List.of(empty), listing());
  }

  @Test
  void synthTriageWithNoExamplesIsAnErrorAndWritesNothing() {
    Path out = dir.resolve("synth");
    CliRun zero = CliRun.of("data", "synth-triage", "--n", "0", "--out", out.toString());
    assertEquals(2, zero.code(), zero.out());
    assertEquals(List.of("r2d data synth-triage: --n must be between 1 and 1,000,000, got 0"), zero.errLines());
    // 2 examples at 0.8/0.1/0.1: 2 for train (rounded), none for validation
    CliRun two = CliRun.of("data", "synth-triage", "--n", "2", "--out", out.toString());
    assertEquals(1, two.code(), two.out());
    assertTrue(two.err().startsWith("r2d data synth-triage: --n 2 leaves the "), two.err());
    assertEquals(1, two.errLines().size(), two.err());
    assertFalse(Files.exists(out));
  }

  /** Words of Java and Gson internals that no user-facing message may contain. */
  private static void assertNoInternals(String err) {
    for (String internal : List.of("JsonReader", "setStrictness", "EOFException", "Exception:", "fromIndex",
        "toIndex", "Failed to invoke", "java.", "gson", "\tat ")) {
      assertFalse(err.contains(internal), "'" + internal + "' in: " + err);
    }
  }

  /** A model folder: the tiny fixture's config, tokenizer and weights with this r2d.json. */
  private Path modelWithCard(String card) throws Exception {
    Path m = Files.createDirectories(dir.resolve("model"));
    for (String f : List.of("config.json", "tokenizer.json", "model.safetensors")) {
      Files.copy(Shared.fixture("t5-tiny-v1_0").resolve(f), m.resolve(f));
    }
    Files.writeString(m.resolve("r2d.json"), card);
    return m;
  }

  private CliRun predictWith(Path model) throws Exception {
    Path input = Files.writeString(dir.resolve("in.jsonl"), "{\"question\":\"q\"}\n");
    return CliRun.of("predict", "--model", model.toString(), "--input", input.toString(), "--output",
        dir.resolve("out.jsonl").toString(), "--quiet");
  }

  @Test
  void aModelCardFailingItsOwnCheckIsReportedInTheChecksWords() throws Exception {
    Path m = modelWithCard("{\"labels\":[\"yes\",\"no\"],\"prompts\":{\"predict\":\"no placeholder\","
        + "\"explain\":\"explain: {x}\",\"labelled\":\"given label: {y}, explain: {x}\"},\"maxInputTokens\":64,"
        + "\"labelMaxNewTokens\":4,\"rationaleMaxNewTokens\":8}");
    CliRun r = predictWith(m);
    assertEquals(1, r.code());
    assertEquals(List.of("r2d predict: " + m.resolve("r2d.json") + ": not a valid model card: prompt template"
        + " 'predict' must contain {x}: no placeholder"), r.errLines());
    assertNoInternals(r.err());
    assertFalse(Files.exists(dir.resolve("out.jsonl")));
  }

  @Test
  void aTruncatedModelCardIsReportedAsASentence() throws Exception {
    Path m = modelWithCard("{\"labels\":[\"yes\",\"no\"], \"maxInputTokens\":\n");
    CliRun r = predictWith(m);
    assertEquals(1, r.code());
    assertEquals(List.of("r2d predict: " + m.resolve("r2d.json") + ": not a valid model card: not valid JSON: the"
        + " text ends before the value is complete (an unclosed object, array or string) (near line 2 column 1)"),
        r.errLines());
    assertNoInternals(r.err());
  }

  @Test
  void aModelCardFieldOfTheWrongTypeNamesTheField() throws Exception {
    Path m = modelWithCard("{\"labels\":\"yes\"}");
    CliRun r = predictWith(m);
    assertEquals(1, r.code());
    assertEquals(List.of("r2d predict: " + m.resolve("r2d.json") + ": not a valid model card: field 'labels':"
        + " expected an array, found a string"), r.errLines());
    assertNoInternals(r.err());
  }

  @Test
  void aNegativeWorstCountIsAnOptionErrorNotAListIndex() throws Exception {
    Path p = Files.writeString(dir.resolve("p.jsonl"), "{\"id\":\"a\",\"input\":\"q\",\"label\":\"yes\","
        + "\"predicted_label\":\"yes\",\"predicted_rationale\":\"r\",\"rationale\":\"r\"}\n");
    Path out = dir.resolve("eval");
    CliRun r = CliRun.of("evaluate", "--predictions", p.toString(), "--worst", "-3", "--out", out.toString());
    assertEquals(2, r.code());
    assertEquals(List.of("r2d evaluate: --worst must be between 0 and 1,000,000, got -3"),
        r.errLines());
    assertNoInternals(r.err());
    assertFalse(Files.exists(out));
  }

  @Test
  void escapesAndBidiCharactersInFileNamesAndLabelsArePrintedEscaped() throws Exception {
    // a file name with ESC, a newline, a right-to-left override and a zero-width space; a label with ESC and an isolate
    Path f = Files.writeString(dir.resolve("n\u001b[31m\nr2d check: ok\u202e\u200blsnoj.jsonl"), "");
    CliRun empty = CliRun.of("data", "check", f.toString());
    assertEquals(1, empty.code(), empty.err());
    String shownName = dir + "/n\\x1b[31m\\nr2d check: ok\\u202e\\u200blsnoj.jsonl";
    assertEquals(List.of("r2d data check: " + shownName + ": no examples (the file is empty, has only blank lines or "
        + "only a header row)"), empty.errLines(), "one line, the name escaped");
    Path rows = Files.writeString(dir.resolve("rows.jsonl"), "{\"question\":\"q\",\"label\":\"a\",\"rationale\":\"r\"}\n"
        + "{\"question\":\"q\",\"label\":\"b\\u001b]0;owned\\u0007\\u2066\",\"rationale\":\"r\"}\n");
    CliRun label = CliRun.of("data", "check", rows.toString(), "--labels", "a,b");
    assertEquals(1, label.code(), label.err());
    assertEquals(1, label.errLines().size(), label.err());
    assertTrue(label.err().contains("'b\\x1b]0;owned\\x07\\u2066'"), label.err());
    CliRun skipped = CliRun.of("data", "check", rows.toString(), "--labels", "a,b", "--skip-malformed");
    assertEquals(0, skipped.code(), skipped.err());
    assertEquals("", skipped.err());
    assertTrue(skipped.out().contains("'b\\u001b]0;owned\\u0007\\u2066'"), "as JSON escapes: " + skipped.out());
    assertEquals("b\u001b]0;owned\u0007\u2066' (expected one of a, b)", com.google.gson.JsonParser.parseString(
        skipped.out()).getAsJsonObject().getAsJsonArray("skipped").get(0).getAsJsonObject().get("problem")
        .getAsString().substring("unknown label '".length()), "the JSON still reads back as the label");
    for (String out : List.of(empty.err(), label.err(), skipped.err(), skipped.out())) {
      assertTrue(out.codePoints().noneMatch(c -> (c < 0x20 && c != '\n') || c == 0x7f
          || Character.getType(c) == Character.FORMAT), "nothing raw reaches the terminal: " + out);
    }
    assertEquals("", Files.readString(f), "the inputs are untouched");
  }

  @Test
  void malformedJsonlInDataCheckIsASentence() throws Exception {
    Path f = Files.writeString(dir.resolve("rows.jsonl"),
        "{\"question\":\"q\",\"label\":\"yes\",\"rationale\":\"r\"} extra\n");
    CliRun r = CliRun.of("data", "check", f.toString());
    assertEquals(1, r.code());
    assertEquals(List.of("r2d data check: " + f + ":1: not valid JSON: more text after the value (at column 48)"),
        r.errLines());
    assertNoInternals(r.err());
  }

  @Test
  void aWrongTypeInAnExperimentsTrainSettingsNamesTheField() {
    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> dev.reason2decide.train.TrainSettings.apply(
            dev.reason2decide.train.TrainConfig.reference(dev.reason2decide.train.Recipe.R2D),
            com.google.gson.JsonParser.parseString("{\"batch_size\":[8]}").getAsJsonObject(), "exp.json: train."));
    assertEquals("exp.json: train.batch-size must be a single value, got [8]", e.getMessage());
    assertNoInternals(e.getMessage());
  }

  private List<Path> listing() throws Exception {
    try (var s = Files.list(dir)) {
      return s.sorted().toList();
    }
  }
}
