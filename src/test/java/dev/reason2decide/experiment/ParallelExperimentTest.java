// r2d experiment --parallel: a run trained in a worker beside another gives the same results as trained alone.
package dev.reason2decide.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.reason2decide.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One recipe, two seeds, a few steps. Alone: one run at a time in this process with 1 thread. In parallel: two
 * workers side by side, the configuration's 2 threads shared, so 1 each. Every loss, gradient norm and validation
 * of metrics.jsonl and every metric of the evaluation report must be equal; only times may differ.
 */
class ParallelExperimentTest {
  @TempDir
  Path tmp;

  static String config(int threads) {
    return """
        {
          "name": "tiny-parallel",
          "data": {"synthetic-triage": {"n": 60, "seed": 7, "fractions": [0.6, 0.2, 0.2]}},
          "recipes": ["r2d"],
          "seeds": [1, 2],
          "steps": 4,
          "train": {"batch-size": 8, "eval-batch-size": 16, "lr": 0.003, "stage1-eval-every": 2, "eval-every": 2,
                    "max-input-tokens": 96, "max-target-tokens": 32, "label-max-new-tokens": 6,
                    "rationale-max-new-tokens": 8, "threads": %d},
          "model": {"scratch": "tiny", "tokenizer_vocab": 400},
          "evaluation": {"batch_size": 16},
          "metrics": ["macro_f1", "accuracy", "rougeL"]
        }
        """.formatted(threads);
  }

  private Path experiment(String name, int threads, String... extra) throws Exception {
    Path cfg = tmp.resolve(name + ".json");
    Files.writeString(cfg, config(threads));
    Path out = tmp.resolve(name);
    List<String> args = new ArrayList<>(List.of("experiment", "--config", cfg.toString(), "--out", out.toString()));
    args.addAll(List.of(extra));
    CliRun r = CliRun.of(args.toArray(String[]::new));
    assertEquals(0, r.code(), r.out() + r.err());
    return out;
  }

  /** metrics.jsonl without its timing fields. */
  private static List<JsonObject> history(Path run) throws Exception {
    List<JsonObject> out = new ArrayList<>();
    for (String line : Files.readAllLines(run.resolve("metrics.jsonl"))) {
      JsonObject o = JsonParser.parseString(line).getAsJsonObject();
      o.remove("seconds");
      o.remove("tokens_per_s");
      out.add(o);
    }
    return out;
  }

  /** Every test decision and rationale with its probabilities, and the report's label scores. */
  private static List<String> evaluation(Path run) throws Exception {
    List<String> out = new ArrayList<>(Files.readAllLines(run.resolve("evaluation/predictions.jsonl")));
    JsonObject report = JsonParser.parseString(Files.readString(run.resolve("evaluation/report.json")))
        .getAsJsonObject();
    for (String key : report.keySet()) {
      if (!key.contains("timing") && !key.contains("provenance") && !key.contains("seconds")) {
        out.add(key + "=" + report.get(key));
      }
    }
    return out;
  }

  @Test
  void twoRunsSideBySideGiveWhatEachGivesAlone() throws Exception {
    Path alone = experiment("alone", 1);
    Path parallel = experiment("parallel", 2, "--parallel", "2");
    for (String run : List.of("r2d-seed1", "r2d-seed2")) {
      Path a = alone.resolve("runs").resolve(run);
      Path p = parallel.resolve("runs").resolve(run);
      List<JsonObject> ha = history(a);
      assertTrue(ha.size() >= 6, ha.toString()); // 4 steps and the validations
      assertEquals(ha, history(p), run);
      assertEquals(evaluation(a), evaluation(p), run);
      assertTrue(Files.readString(p.resolve("config.json")).contains("\"threads\": 1"), "each worker: 2 / 2 threads");
    }
    JsonObject ra = JsonParser.parseString(Files.readString(alone.resolve("results.json"))).getAsJsonObject();
    JsonObject rp = JsonParser.parseString(Files.readString(parallel.resolve("results.json"))).getAsJsonObject();
    for (int i = 0; i < 2; i++) {
      JsonObject a = ra.getAsJsonArray("runs").get(i).getAsJsonObject();
      JsonObject p = rp.getAsJsonArray("runs").get(i).getAsJsonObject();
      assertEquals(a.get("values"), p.get("values"));
      assertEquals(a.get("phases"), p.get("phases"));
      assertTrue(p.get("trained_in_this_invocation").getAsBoolean());
    }
  }
}
