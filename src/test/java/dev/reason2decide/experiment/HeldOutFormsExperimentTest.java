// An experiment with held-out note forms: every run evaluated on them, the report's held-out column, reused runs completed.
package dev.reason2decide.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.reason2decide.data.synth.FormPolicy;
import dev.reason2decide.data.synth.NoteForms;
import dev.reason2decide.data.synth.SynthTriage;
import dev.reason2decide.train.Phase;
import dev.reason2decide.train.StepRecord;
import dev.reason2decide.train.TrainingListener;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeldOutFormsExperimentTest {
  static final List<String> RECIPES = List.of("r2d-gold-only", "sft");
  static final List<Long> SEEDS = List.of(1L, 2L);
  static final String HELD_OUT = "hr:pulse-bpm,spo2:o2-sat-percent,pain:out-of-10";
  static final int TEST = 10;

  @TempDir
  Path tmp;

  static final String CONFIG = """
      {
        "name": "tiny-held-out-forms",
        "data": {"synthetic-triage": {"train": 48, "validation": 12, "test": %d, "seed": 5, "grammar": 2,
                                      "held_out_forms": "%s"}},
        "recipes": ["r2d-gold-only", "sft"],
        "seeds": [1, 2],
        "steps": 4,
        "train": {"batch-size": 8, "eval-batch-size": 16, "lr": 0.003, "stage1-eval-every": 2, "eval-every": 2,
                  "max-input-tokens": 96, "max-target-tokens": 48, "label-max-new-tokens": 6,
                  "rationale-max-new-tokens": 12},
        "model": {"scratch": "tiny", "tokenizer_vocab": 400},
        "evaluation": {"batch_size": 16},
        "metrics": ["macro_f1", "accuracy"]
      }
      """.formatted(TEST, HELD_OUT);

  @Test
  void everyRunIsEvaluatedOnTheHeldOutFormsAndTheReportHasTheirColumn() throws Exception {
    Path config = tmp.resolve("held.json");
    Files.writeString(config, CONFIG);
    Path out = tmp.resolve("out");
    PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
    ExperimentConfig cfg = ExperimentConfig.load(config.toString());
    new ExperimentRunner(cfg, out, null, quiet, null).run();

    // the generator's own reading of the split: which forms each held-out note was written with
    Set<String> held = FormPolicy.parse(HELD_OUT);
    Map<String, List<SynthTriage.Generated>> splits = SynthTriage.generatedSplits(cfg.data().synthetic().plan());
    Map<String, SynthTriage.Generated> heldOutNotes = new HashMap<>();
    splits.get(SynthTriage.HELD_OUT_FORMS_SPLIT).forEach(g -> heldOutNotes.put(g.example().input(), g));
    Set<String> otherNotes = new HashSet<>();
    for (String split : List.of("train", "validation", "test")) {
      splits.get(split).forEach(g -> otherNotes.add(g.example().input()));
    }

    JsonObject results = ExperimentEndToEndTest.read(out.resolve("results.json"));
    String md = Files.readString(out.resolve("results.md"));
    Map<Path, FileTime> testEvaluation = new HashMap<>();
    for (String recipe : RECIPES) {
      for (long seed : SEEDS) {
        Path run = out.resolve("runs").resolve(recipe + "-seed" + seed);
        Path heldDir = run.resolve("evaluation/held_out_forms");
        for (String f : List.of("predictions.jsonl", "report.json", "report.md", "timing.json")) {
          assertTrue(Files.isRegularFile(heldDir.resolve(f)), heldDir + "/" + f);
        }
        assertFalse(Files.exists(heldDir.resolve("counterfactual.jsonl")), "no probes on the held-out split");
        List<String> lines = Files.readAllLines(heldDir.resolve("predictions.jsonl"));
        assertEquals(TEST, lines.size());
        int slotsSeen = 0;
        for (String line : lines) {
          String input = com.google.gson.JsonParser.parseString(line).getAsJsonObject().get("input").getAsString();
          SynthTriage.Generated g = heldOutNotes.get(input);
          assertTrue(g != null, "not a held-out forms note: " + input);
          assertFalse(otherNotes.contains(input), input);
          for (String key : held) {
            String slot = key.substring(0, key.indexOf(':'));
            String form = g.forms().get(slot);
            if (held.contains(slot + ":" + form)) {
              slotsSeen++;
            } else { // a finding the note lacks: left out, or stated missing
              assertTrue("omitted".equals(form) || NoteForms.named(slot + ":" + form).statesAbsent(),
                  slot + " written as " + form + ", not a held-out form: " + input);
            }
          }
        }
        assertTrue(slotsSeen >= TEST, "the held-out slots are written: " + slotsSeen);
        try (Stream<Path> files = Files.list(run.resolve("evaluation"))) {
          for (Path f : files.filter(Files::isRegularFile).toList()) {
            testEvaluation.put(f, Files.getLastModifiedTime(f));
          }
        }

        // the run's row in results.json carries the held-out report's own values
        JsonObject heldReport = ExperimentEndToEndTest.read(heldDir.resolve("report.json"));
        JsonObject testReport = ExperimentEndToEndTest.read(run.resolve("evaluation/report.json"));
        JsonObject row = runRow(results, recipe, seed);
        assertEquals(heldReport.getAsJsonObject("labels").get("accuracy").getAsDouble(),
            row.getAsJsonObject("held_out_forms_values").get("accuracy").getAsDouble(), 0.0);
        assertEquals(testReport.getAsJsonObject("labels").get("accuracy").getAsDouble(),
            row.getAsJsonObject("values").get("accuracy").getAsDouble(), 0.0, "the test column stays the test's");
      }
    }

    JsonObject h = results.getAsJsonObject("held_out_forms");
    assertEquals("data/test_held_out_forms.jsonl", h.get("split").getAsString());
    assertEquals(TEST, h.get("examples_evaluated").getAsInt());
    // every value is the run's own held-out report value; mean and sd recomputed here by hand
    Map<String, String[]> paths = Map.of("accuracy", new String[] {"labels", "accuracy"},
        "macro_f1", new String[] {"labels", "macro_f1"},
        "cited_findings_in_note", new String[] {"faithfulness_checks", "synthetic_triage", "all",
            "cited_findings_in_note"},
        "fully_faithful", new String[] {"faithfulness_checks", "synthetic_triage", "all", "fully_faithful"});
    for (Map.Entry<String, String[]> m : paths.entrySet()) {
      String metric = m.getKey();
      JsonObject table = h.getAsJsonObject("metrics").getAsJsonObject(metric).getAsJsonObject("recipes");
      for (String recipe : RECIPES) {
        JsonObject row = table.getAsJsonObject(recipe);
        JsonArray values = row.getAsJsonArray("values");
        Double[] v = new Double[SEEDS.size()];
        for (int s = 0; s < SEEDS.size(); s++) {
          JsonObject report = ExperimentEndToEndTest.read(out.resolve("runs").resolve(recipe + "-seed" + SEEDS.get(s))
              .resolve("evaluation/held_out_forms/report.json"));
          Double expected = dig(report, m.getValue());
          v[s] = values.get(s).isJsonNull() ? null : values.get(s).getAsDouble();
          assertEquals(expected, v[s], metric + " " + recipe);
          if (metric.equals("accuracy") || metric.equals("macro_f1")) {
            assertTrue(v[s] != null && v[s] >= 0 && v[s] <= 1, metric + " " + recipe + ": " + v[s]);
          }
        }
        if (v[0] == null || v[1] == null) {
          continue; // e.g. no finding cited by a model trained for four steps: the check is 0/0
        }
        double mean = (v[0] + v[1]) / 2;
        double sd = Math.abs(v[0] - v[1]) / Math.sqrt(2);
        assertEquals(mean, row.get("mean").getAsDouble(), 1e-12, metric);
        assertEquals(sd, row.get("sd").getAsDouble(), 1e-12, metric);
        String cell = String.format(Locale.ROOT, "%.3f ± %.3f", mean, sd);
        assertTrue(md.contains(" | " + cell + " |") || md.contains(" | **" + cell + "** |"),
            "results.md lacks the held-out " + metric + " " + cell + " of " + recipe);
      }
    }
    assertTrue(md.contains("## Held-out note forms") && md.contains("| Accuracy: test | Accuracy: held-out forms |")
        && md.contains("### Macro-F1 on held-out forms"), md);

    // a run reused from an invocation before the held-out split was evaluated gets it, without training
    Path reused = out.resolve("runs/r2d-gold-only-seed2/evaluation/held_out_forms");
    try (Stream<Path> files = Files.list(reused)) {
      for (Path f : files.toList()) {
        Files.delete(f);
      }
    }
    Files.delete(reused);
    AtomicInteger steps = new AtomicInteger();
    new ExperimentRunner(cfg, out, null, quiet, new TrainingListener() {
      @Override
      public void onStep(Phase phase, StepRecord record) {
        steps.incrementAndGet();
      }
    }).run();
    assertEquals(0, steps.get());
    assertTrue(Files.isRegularFile(reused.resolve("report.json")));
    assertEquals(results.getAsJsonObject("held_out_forms").getAsJsonObject("metrics").getAsJsonObject("accuracy"),
        ExperimentEndToEndTest.read(out.resolve("results.json")).getAsJsonObject("held_out_forms")
            .getAsJsonObject("metrics").getAsJsonObject("accuracy"), "the same model decides the same");
    for (Map.Entry<Path, FileTime> e : testEvaluation.entrySet()) {
      assertEquals(e.getValue(), Files.getLastModifiedTime(e.getKey()), e.getKey() + " was rewritten");
    }
  }

  /** The number at {@code path} in {@code o}, or null where the report has none. */
  private static Double dig(JsonObject o, String[] path) {
    com.google.gson.JsonElement e = o;
    for (String p : path) {
      if (e == null || !e.isJsonObject() || !e.getAsJsonObject().has(p)) {
        return null;
      }
      e = e.getAsJsonObject().get(p);
    }
    return e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber() ? e.getAsDouble() : null;
  }

  private static JsonObject runRow(JsonObject results, String recipe, long seed) {
    for (var r : results.getAsJsonArray("runs")) {
      JsonObject o = r.getAsJsonObject();
      if (o.get("recipe").getAsString().equals(recipe) && o.get("seed").getAsLong() == seed) {
        return o;
      }
    }
    throw new AssertionError("no run " + recipe + " seed " + seed);
  }
}
