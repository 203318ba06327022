// r2d experiment end to end on a tiny synthetic set: files, tables equal to the runs' reports, charts, a rerun that trains nothing.
package dev.reason2decide.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.reason2decide.testing.CliRun;
import dev.reason2decide.train.Phase;
import dev.reason2decide.train.StepRecord;
import dev.reason2decide.train.TrainingListener;
import java.awt.image.BufferedImage;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExperimentEndToEndTest {
  static final List<String> RECIPES = List.of("r2d", "sft");
  static final List<Long> SEEDS = List.of(1L, 2L);

  @TempDir
  Path tmp;

  static final String CONFIG = """
      {
        "name": "tiny-e2e",
        "data": {"synthetic-triage": {"n": 80, "seed": 7, "fractions": [0.6, 0.2, 0.2]}},
        "recipes": ["r2d", "sft"],
        "seeds": [1, 2],
        "steps": 6,
        "train": {"batch_size": 8, "eval_batch_size": 16, "learning_rate": 0.003, "stage1_eval_every": 2,
                  "eval_every": 2, "max_input_tokens": 96, "max_target_tokens": 48, "label_max_new_tokens": 6,
                  "rationale_max_new_tokens": 12},
        "model": {"scratch": "tiny", "tokenizer_vocab": 400},
        "evaluation": {"batch_size": 16},
        "metrics": ["macro_f1", "accuracy", "rougeL", "consistency", "ece"]
      }
      """;

  @Test
  void twoRecipesTwoSeedsEndToEndThenARerunTrainsNothing() throws Exception {
    Path config = tmp.resolve("tiny.json");
    Files.writeString(config, CONFIG);
    Path out = tmp.resolve("out");
    runCli("experiment", "--config", config.toString(), "--out", out.toString());

    for (String f : List.of("experiment.json", "results.json", "results.md", "tokenizer/tokenizer.json",
        "data/test.jsonl")) {
      assertTrue(Files.isRegularFile(out.resolve(f)), f);
    }
    JsonObject results = read(out.resolve("results.json"));
    String md = Files.readString(out.resolve("results.md"));
    Map<Path, FileTime> stamps = new HashMap<>();
    for (String recipe : RECIPES) {
      for (long seed : SEEDS) {
        Path run = out.resolve("runs").resolve(recipe + "-seed" + seed);
        for (String f : List.of("done.json", "config.json", "provenance.json", "metrics.jsonl",
            "evaluation/predictions.jsonl", "evaluation/report.json", "evaluation/report.md")) {
          assertTrue(Files.isRegularFile(run.resolve(f)), run + "/" + f);
          stamps.put(run.resolve(f), Files.getLastModifiedTime(run.resolve(f)));
        }
        assertEquals(16, Files.readAllLines(run.resolve("evaluation/predictions.jsonl")).size());
        assertEquals(seed, read(run.resolve("provenance.json")).get("seed").getAsLong());
        assertFalse(Files.exists(run.resolve("evaluation/held_out_forms")), "no held-out forms in this data");
      }
    }
    // every table value is the run's own report value; mean and sd recomputed here by hand
    Map<String, String[]> paths = Map.of("macro_f1", new String[] {"labels", "macro_f1"},
        "accuracy", new String[] {"labels", "accuracy"}, "rougeL", new String[] {"rationales", "rougeL", "f"},
        "consistency", new String[] {"faithfulness", "consistency"}, "ece", new String[] {"labels", "ece"});
    for (Map.Entry<String, String[]> m : paths.entrySet()) {
      JsonObject table = results.getAsJsonObject("metrics").getAsJsonObject(m.getKey()).getAsJsonObject("recipes");
      double[][] v = new double[RECIPES.size()][SEEDS.size()];
      for (int r = 0; r < RECIPES.size(); r++) {
        JsonObject row = table.getAsJsonObject(RECIPES.get(r));
        JsonArray values = row.getAsJsonArray("values");
        for (int s = 0; s < SEEDS.size(); s++) {
          JsonObject report = read(out.resolve("runs").resolve(RECIPES.get(r) + "-seed" + SEEDS.get(s))
              .resolve("evaluation/report.json"));
          v[r][s] = dig(report, m.getValue());
          assertEquals(v[r][s], values.get(s).getAsDouble(), 0.0, m.getKey());
        }
        double mean = (v[r][0] + v[r][1]) / 2;
        double sd = Math.abs(v[r][0] - v[r][1]) / Math.sqrt(2);
        assertEquals(mean, row.get("mean").getAsDouble(), 1e-12, m.getKey() + " mean");
        assertEquals(sd, row.get("sd").getAsDouble(), 1e-12, m.getKey() + " sd");
        String cell = String.format(Locale.ROOT, "%.3f ± %.3f", mean, sd);
        assertTrue(md.contains("| " + RECIPES.get(r) + " | " + cell) || md.contains("| " + RECIPES.get(r) + " | **"
            + cell + "**"), m.getKey() + ": results.md lacks " + RECIPES.get(r) + " " + cell);
      }
      JsonArray diff = table.getAsJsonObject("sft").getAsJsonObject("difference_to_r2d").getAsJsonArray("per_seed");
      for (int s = 0; s < SEEDS.size(); s++) {
        assertEquals(v[1][s] - v[0][s], diff.get(s).getAsDouble(), 1e-12, m.getKey() + " paired difference");
      }
    }
    assertTrue(md.contains("## Macro-F1") && md.contains("## ECE"), md);
    // without held-out forms there is no held-out column (HeldOutFormsExperimentTest has one)
    assertFalse(results.has("held_out_forms") || md.contains("eld-out"), md);
    for (var r : results.getAsJsonArray("runs")) {
      assertFalse(r.getAsJsonObject().has("held_out_forms_values"), r.toString());
    }
    assertFalse(read(out.resolve("experiment.json")).getAsJsonObject("data").has("held_out_forms"));
    for (String png : List.of("validation.png", "training_losses.png", "final_metrics.png",
        "scheduled_sampling.png")) {
      BufferedImage img = ImageIO.read(out.resolve("charts").resolve(png).toFile());
      assertTrue(img != null && img.getWidth() >= 300 && img.getHeight() >= 200, png);
      assertTrue(md.contains("charts/" + png), png + " not linked from results.md");
    }

    // a rerun finds every run finished: no training step, no rewritten run file
    AtomicInteger steps = new AtomicInteger();
    TrainingListener counter = new TrainingListener() {
      @Override
      public void onStep(Phase phase, StepRecord record) {
        steps.incrementAndGet();
      }
    };
    List<RunOutcome> again = new ExperimentRunner(ExperimentConfig.load(config.toString()), out, null,
        new PrintStream(OutputStream.nullOutputStream()), counter).run();
    assertEquals(0, steps.get());
    assertEquals(4, again.size());
    assertTrue(again.stream().noneMatch(RunOutcome::trainedNow));
    for (Map.Entry<Path, FileTime> e : stamps.entrySet()) {
      assertEquals(e.getValue(), Files.getLastModifiedTime(e.getKey()), e.getKey() + " was rewritten");
    }
    assertEquals(results.getAsJsonObject("metrics"), read(out.resolve("results.json")).getAsJsonObject("metrics"));
  }

  @Test
  void theSameConfigurationRunsFromAHuggingFaceFolderWithInit() throws Exception {
    Path fixture = dev.reason2decide.testing.Shared.fixture("t5-tiny-v1_1");
    Path config = tmp.resolve("tiny.json");
    Files.writeString(config, CONFIG.replace("\"recipes\": [\"r2d\", \"sft\"]", "\"recipes\": [\"sft\"]")
        .replace("\"seeds\": [1, 2]", "\"seeds\": [3]").replace("\"steps\": 6", "\"steps\": 2"));
    Path out = tmp.resolve("from-init");
    runCli("experiment", "--config", config.toString(), "--init", fixture.toString(), "--out", out.toString());
    Path run = out.resolve("runs/sft-seed3");
    JsonObject runConfig = read(run.resolve("config.json"));
    assertEquals(fixture.toString(), runConfig.get("init").getAsString());
    assertTrue(Files.notExists(out.resolve("tokenizer")), "no tokenizer is built when the model folder has one");
    // the trained model keeps the initial model's architecture and vocabulary
    JsonObject initial = read(fixture.resolve("config.json"));
    JsonObject trained = read(run.resolve("model/config.json"));
    for (String k : List.of("d_model", "num_layers", "num_heads", "vocab_size", "feed_forward_proj")) {
      assertEquals(initial.get(k), trained.get(k), k);
    }
    assertEquals(Files.readString(fixture.resolve("tokenizer.json")),
        Files.readString(run.resolve("model/tokenizer.json")));
    assertTrue(Files.readString(out.resolve("results.md")).contains("| sft |"));
  }

  @Test
  void anInterruptedRunKeepsTheTrainingTimeItHadSpent() throws Exception {
    Path config = tmp.resolve("one.json");
    Files.writeString(config, CONFIG.replace("\"recipes\": [\"r2d\", \"sft\"]", "\"recipes\": [\"sft\"]")
        .replace("\"seeds\": [1, 2]", "\"seeds\": [1]"));
    Path out = tmp.resolve("interrupted");
    TrainingListener stopAtSecondValidation = new TrainingListener() {
      int validations;

      @Override
      public void onEvaluation(Phase phase, int step, Map<String, Object> metrics, boolean improved) {
        if (++validations == 2) {
          throw new IllegalStateException("simulated interruption");
        }
      }
    };
    PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
    org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
        () -> new ExperimentRunner(ExperimentConfig.load(config.toString()), out, null, quiet, stopAtSecondValidation)
            .run());
    Path run = out.resolve("runs/sft-seed1");
    assertTrue(Files.notExists(run.resolve("done.json")), "the run did not finish");
    double spent = read(run.resolve("experiment-timing.json")).get("train_wall_seconds").getAsDouble();
    assertTrue(spent > 0, "time up to the last validation is recorded: " + spent);

    new ExperimentRunner(ExperimentConfig.load(config.toString()), out, null, quiet, new TrainingListener() {}).run();
    assertTrue(Files.exists(run.resolve("done.json")));
    double total = read(run.resolve("experiment-timing.json")).get("train_wall_seconds").getAsDouble();
    assertTrue(total > spent, "the resumed invocation adds to it: " + spent + " then " + total);
  }

  /** Runs the CLI with its output captured; fails with that output unless it exits with 0. */
  private static void runCli(String... args) {
    CliRun r = CliRun.of(args);
    assertEquals(0, r.code(), r.out() + r.err());
  }

  private static double dig(JsonObject o, String[] path) {
    JsonObject cur = o;
    for (int i = 0; i < path.length - 1; i++) {
      cur = cur.getAsJsonObject(path[i]);
    }
    return cur.get(path[path.length - 1]).getAsDouble();
  }

  static JsonObject read(Path f) throws java.io.IOException {
    return JsonParser.parseString(Files.readString(f)).getAsJsonObject();
  }
}
