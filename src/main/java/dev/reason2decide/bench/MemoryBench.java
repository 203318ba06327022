// `r2d bench memory`: the real trainer (Stage-2 recipe) on the tiny model, with the resident size every N steps.
package dev.reason2decide.bench;

import dev.reason2decide.data.Example;
import dev.reason2decide.data.synth.SynthTriage;
import dev.reason2decide.io.Json;
import dev.reason2decide.prompts.PromptTemplates;
import dev.reason2decide.train.AlphaSchedule;
import dev.reason2decide.train.ModelSource;
import dev.reason2decide.train.Phase;
import dev.reason2decide.train.Recipe;
import dev.reason2decide.train.SamplingSchedule;
import dev.reason2decide.train.StepRecord;
import dev.reason2decide.train.TrainConfig;
import dev.reason2decide.train.TrainSettings;
import dev.reason2decide.train.TrainingListener;
import dev.reason2decide.train.TrainingRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Runs {@code TrainingRun} with the {@code r2d-stage2} recipe (prediction loss, greedy ŷ with dropout under the
 * reference sampling schedule, label-conditioned rationale loss, clipping, AdamW) on synthetic triage examples and
 * prints {@code {"mode":"memory","step":…,"rss_mib":…,"peak_rss_mib":…}} every {@code --every} steps. Evaluation
 * and checkpointing happen once, at the end. A flat {@code rss_mib} means no native memory is leaked per step.
 */
@Command(name = "memory", mixinStandardHelpOptions = true,
    description = "Resident size of the process during a real training run (tiny model by default).")
final class MemoryBench implements Callable<Integer> {
  @Option(names = "--tokenizer", required = true, description = "Tokenizer folder (e.g. ../shared/fixtures/tokenizer-pubmed-2k).")
  Path tokenizer;

  @Option(names = "--size", defaultValue = "tiny", description = "Model size for training from scratch (default: ${DEFAULT-VALUE}).")
  String size;

  @Option(names = "--steps", defaultValue = "1000", description = "Training steps (default: ${DEFAULT-VALUE}).")
  int steps;

  @Option(names = "--every", defaultValue = "100", description = "Print the resident size every N steps (default: ${DEFAULT-VALUE}).")
  int every;

  @Mixin
  BenchLoad load;

  @Override
  public Integer call() throws IOException {
    if (steps <= 0 || every <= 0 || load.batch <= 0 || load.threads <= 0) {
      throw new IllegalArgumentException("--steps, --every, --batch and --threads must be positive");
    }
    List<Example> train = SynthTriage.generate(256, 1);
    List<Example> val = SynthTriage.generate(16, 2);
    TrainConfig cfg = TrainSettings.with(TrainConfig.reference(Recipe.R2D_STAGE2), "steps", steps, "stage1-fraction",
        0.5, "batch-size", load.batch, "eval-batch-size", load.batch, "lr", 1e-3f, "stage1-eval-every", steps,
        "eval-every", steps, "max-input-tokens", 256, "max-target-tokens", 64, "label-max-new-tokens", 8,
        "rationale-max-new-tokens", 32, "seed", 7L, "threads", load.threads);
    Path out = Files.createTempDirectory("r2d-bench-memory");
    long start = System.nanoTime();
    try {
      TrainingRun.run(cfg, new TrainingRun.Data(train, val, null, Map.of()), ModelSource.fromScratch(size, tokenizer),
          out.resolve("run"), false, new TrainingListener() {
            @Override
            public void onStep(Phase phase, StepRecord r) {
              if (r.step() % every == 0 || r.step() == 1) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("mode", "memory");
                m.put("size", size);
                m.put("threads", load.threads);
                m.put("batch", load.batch);
                m.put("step", r.step());
                m.put("seconds", (System.nanoTime() - start) / 1e9);
                m.put("rss_mib", Resident.currentMiB());
                m.put("peak_rss_mib", Resident.peakMiB());
                m.put("heap_used_mib", (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / 1048576.0);
                System.out.println(Json.COMPACT.toJson(m));
                System.out.flush();
              }
            }
          }, 0);
    } finally {
      dev.reason2decide.io.Folders.deleteTree(out);
    }
    return 0;
  }
}
