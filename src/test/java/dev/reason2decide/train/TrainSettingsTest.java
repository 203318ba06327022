// The settings table: names, defaults, the CLI and files agree, old keys translate, bad values are refused by name.
package dev.reason2decide.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.reason2decide.cli.TrainOptions;
import dev.reason2decide.cli.Main;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class TrainSettingsTest {
  private static final TrainConfig REF = TrainConfig.reference(Recipe.R2D);

  private static JsonObject json(String s) {
    return JsonParser.parseString(s).getAsJsonObject();
  }

  @Test
  void everyComponentIsReachableByNameAndRoundTrips() {
    TrainConfig c = TrainSettings.with(REF, "recipe", "dss", "steps", 7, "batch-size", 3, "lr", 0.25f, "pi-k", 2.0,
        "schedule", "inverse-sigmoid", "random-batches", true, "dropout", 0.2f, "threads", 4, "prompt-predict", "p: {x}");
    assertEquals(Recipe.DSS, c.recipe());
    assertEquals(7, c.optim().steps());
    assertEquals(3, c.data().batchSize());
    assertEquals(0.25f, c.optim().learningRate());
    assertEquals(SamplingSchedule.Kind.INVERSE_SIGMOID, c.schedules().sampling().kind()); // k set first, whatever order
    assertEquals(false, c.data().groupByLength());
    assertEquals(0.2f, c.optim().dropout());
    assertEquals("p: {x}", c.prompts().predict());
    assertEquals(c, TrainSettings.apply(REF, TrainSettings.toJson(c), ""));
    assertEquals(REF, TrainSettings.apply(TrainConfig.reference(Recipe.SFT), TrainSettings.toJson(REF), ""));
  }

  /** A value other than the reference's for every row that is text (each must have one here). */
  private static final Map<String, String> OTHER_TEXT = Map.of("recipe", "dss", "lr-schedule", "constant", "schedule",
      "linear", "sampled-label", "constrained", "scratch-init", "scaled-head", "device", "gpu:1", "prompt-predict",
      "p: {x}", "prompt-explain", "e: {x}", "prompt-labelled", "l {y}: {x}");

  /** A value other than the reference's, valid for the setting: halved (0.25 for 0), one more, negated, or above. */
  private static Object otherValue(TrainSetting<?> s) {
    Object d = s.get().apply(REF);
    if (s.name().equals("explain-max-input-tokens")) {
      return 512; // 0 or at least 8
    }
    if (s.type() == String.class) {
      assertTrue(OTHER_TEXT.containsKey(s.name()), "no other value for the text setting " + s.name());
      return OTHER_TEXT.get(s.name());
    }
    if (d == null || d instanceof Float) {
      return d == null || (Float) d == 0f ? 0.25f : (Float) d / 2;
    }
    if (d instanceof Double x) {
      return x == 0 ? 0.25 : x / 2;
    }
    if (d instanceof Integer i) {
      return i + 1;
    }
    if (d instanceof Long l) {
      return l + 1;
    }
    return !(Boolean) d;
  }

  @Test
  void everySettingIsSetByNameAndReadBackThroughConfigJsonAndTheCommandLine() {
    String[] files = {"--train", "a", "--validation", "b", "--out", "c"};
    for (TrainSetting<?> s : TrainSettings.ALL) {
      Object v = otherValue(s);
      TrainConfig c = TrainSettings.with(REF, s.name(), v);
      assertEquals(v, s.get().apply(c), s.name());
      for (TrainSetting<?> other : TrainSettings.ALL) { // the value reached its own component and no other
        if (other != s) {
          assertEquals(other.toJson(REF), other.toJson(c), s.name() + " changed " + other.name());
        }
      }
      TrainConfig read = TrainSettings.fromJson(JsonParser.parseString(TrainSettings.toJson(c).toString()),
          "config.json: train.");
      assertEquals(c, read, s.name() + " through config.json");
      String[] flag = v instanceof Boolean ? new String[] {"--" + s.name()} : new String[] {"--" + s.name(), v + ""};
      assertEquals(c, TrainOptions.toConfig(parseTrain(concat(files, flag))), s.name() + " on the command line");
    }
  }

  @Test
  void choicesAreSpelledAsTheCommandLineSpellsThemAndOldSpellingsLoad() {
    TrainConfig c = TrainSettings.with(REF, "lr-schedule", "constant", "sampled-label", "constrained",
        "scratch-init", "scaled-head-numbers");
    assertEquals(OptimConfig.LrSchedule.CONSTANT, c.optim().lrSchedule());
    assertEquals(ScheduleConfig.SampledLabel.CONSTRAINED, c.schedules().sampledLabel());
    assertEquals(OptimConfig.ScratchInit.SCALED_HEAD_NUMBERS, c.optim().scratchInit());
    JsonObject written = TrainSettings.toJson(c);
    assertEquals("constant", written.get("lr-schedule").getAsString());
    assertEquals("constrained", written.get("sampled-label").getAsString());
    assertEquals("scaled-head-numbers", written.get("scratch-init").getAsString());
    // config.json of a run written when these were strings, and the flat form before settings had names
    assertEquals(c, TrainSettings.fromJson(json("{\"lr-schedule\": \"constant\", \"sampled-label\": "
        + "\"constrained\", \"scratch-init\": \"scaled-head-numbers\"}"), "config.json: train."));
    assertEquals(OptimConfig.ScratchInit.SCALED_HEAD, TrainSettings.with(REF, "scratch-init",
        OptimConfig.ScratchInit.SCALED_HEAD).optim().scratchInit());
  }

  @Test
  void oldExperimentKeysAndNewNamesGiveTheSameConfiguration() {
    TrainConfig old = TrainSettings.apply(REF, json("{\"batch_size\": 8, \"learning_rate\": 0.002, "
        + "\"max_validation_examples\": 5, \"group_by_length\": false, \"alpha\": {\"warmup_fraction\": 0.1}, "
        + "\"sampling\": {\"kind\": \"LINEAR\", \"slope\": 0.01}}"), "");
    TrainConfig now = TrainSettings.apply(REF, json("{\"batch-size\": 8, \"lr\": 0.002, \"max-validation\": 5, "
        + "\"random-batches\": true, \"alpha-warmup\": 0.1, \"schedule\": \"linear\", \"pi-slope\": 0.01}"), "");
    assertEquals(now, old);
    assertEquals(0.7f, now.schedules().alpha().alpha());       // the rest of α stays the reference's
  }

  @Test
  void theCommandLineAndTheTableAgree() {
    String[] args = {"--steps", "40", "--lr", "1e-3", "--schedule", "exponential", "--pi-k", "0.5",
        "--random-batches"};
    TrainConfig cli = TrainOptions.toConfig(parseTrain(concat(args, "--train", "a", "--validation", "b", "--out", "c")));
    assertEquals(TrainSettings.with(REF, "steps", 40, "lr", 1e-3f, "schedule", "exponential", "pi-k", 0.5,
        "random-batches", true), cli);
    assertEquals(REF, TrainOptions.toConfig(parseTrain("--train", "a", "--validation", "b", "--out", "c")));
  }

  private static CommandLine.ParseResult parseTrain(String... args) {
    return new CommandLine(new Main()).parseArgs(concat(new String[] {"train"}, args)).subcommand();
  }

  private static String[] concat(String[] a, String... b) {
    String[] out = new String[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  @Test
  void badValuesAreRefusedByName() {
    IllegalArgumentException type = assertThrows(IllegalArgumentException.class,
        () -> TrainSettings.apply(REF, json("{\"batch-size\": 1.5}"), "x.json: train."));
    assertEquals("x.json: train.batch-size must be a whole number, got 1.5", type.getMessage());
    IllegalArgumentException check = assertThrows(IllegalArgumentException.class,
        () -> TrainSettings.apply(REF, json("{\"lr-schedule\": \"cosine\"}"), "x.json: train."));
    assertEquals("x.json: train.lr-schedule: lr-schedule must be linear or constant, got cosine", check.getMessage());
    IllegalArgumentException choice = assertThrows(IllegalArgumentException.class,
        () -> TrainSettings.apply(REF, json("{\"scratch-init\": \"zeros\"}"), "x.json: train."));
    assertEquals("x.json: train.scratch-init: scratch-init must be transformers, scaled-head or scaled-head-numbers, "
        + "got zeros", choice.getMessage());
    IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
        () -> TrainSettings.apply(REF, json("{\"batch-size\": 2, \"batch_size\": 3}"), "x: "));
    assertTrue(twice.getMessage().contains("batch-size is given twice"), twice.getMessage());
    assertThrows(IllegalArgumentException.class, () -> TrainSettings.with(REF, "schedule", "inverse-sigmoid"));
  }

  private static List<Integer> phaseSteps(TrainConfig c) {
    return RecipePlan.phases(c).stream().map(Phase::steps).toList();
  }

  @Test
  void r2dcRecipesDefaultToTheAuthorsStage1Length() {
    // R2D: 50k Stage-1 + 30k Stage-2; R2D-C's code: r2dc_stage1.py max_steps 30000, r2dc_stage2.py 30000
    assertEquals(List.of(50_000, 30_000), phaseSteps(REF));
    for (Recipe r : List.of(Recipe.R2DC, Recipe.R2DC_NO_CYCLE, Recipe.R2DC_NO_ADAPTIVE)) {
      assertEquals(List.of(30_000, 30_000), phaseSteps(TrainConfig.reference(r)), r.cliName());
    }
    assertEquals(List.of(50_000, 30_000), phaseSteps(TrainConfig.reference(Recipe.R2D_GOLD_ONLY)));
    String[] files = {"--train", "a", "--validation", "b", "--out", "c"};
    assertEquals(List.of(30_000, 30_000), phaseSteps(TrainOptions.toConfig(parseTrain(concat(files, "--recipe",
        "r2dc")))));
    // a budget given keeps R2D-C's half for Stage-1; a share given wins
    assertEquals(List.of(500, 500), phaseSteps(TrainOptions.toConfig(parseTrain(concat(files, "--recipe",
        "r2dc-no-cycle", "--steps", "1000")))));
    assertEquals(List.of(37_500, 22_500), phaseSteps(TrainOptions.toConfig(parseTrain(concat(files, "--recipe",
        "r2dc", "--stage1-fraction", "0.625")))));
    assertEquals(List.of(625, 375), phaseSteps(TrainOptions.toConfig(parseTrain(concat(files, "--steps", "1000")))));
    TrainConfig r2dc = TrainConfig.reference(Recipe.R2DC);
    assertEquals(r2dc, TrainSettings.fromJson(TrainSettings.toJson(r2dc), "config.json: train."));
  }

  @Test
  void helpDefaultsAreTheReferenceValues() {
    assertEquals("5e-5", TrainSettings.named("lr").text(REF));
    assertEquals("0.625", TrainSettings.named("stage1-fraction").text(REF));
    assertEquals("0", TrainSettings.named("weight-decay").text(REF));
    assertEquals("<stage1EvalEvery>", TrainSettings.named("stage1-eval-every").paramLabel());
  }
}
