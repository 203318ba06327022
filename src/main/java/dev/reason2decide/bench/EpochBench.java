// `r2d bench epoch`: one epoch over PubMedQA's training questions, length-grouped batches against random ones.
package dev.reason2decide.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import dev.reason2decide.batches.BatchOrder;
import dev.reason2decide.data.Example;
import dev.reason2decide.data.convert.PubMedQa;
import dev.reason2decide.engine.Engines;
import dev.reason2decide.engine.Grad;
import dev.reason2decide.io.Json;
import dev.reason2decide.model.T5Init;
import dev.reason2decide.model.T5Model;
import dev.reason2decide.prompts.PromptTemplates;
import dev.reason2decide.runs.PhaseKind;
import dev.reason2decide.tokens.TextTokenizer;
import dev.reason2decide.train.AdamW;
import dev.reason2decide.train.AlphaSchedule;
import dev.reason2decide.train.EncodedExamples;
import dev.reason2decide.train.JointObjective;
import dev.reason2decide.train.Phase;
import dev.reason2decide.train.SamplingSchedule;
import dev.reason2decide.train.Recipe;
import dev.reason2decide.train.TrainConfig;
import dev.reason2decide.train.TrainSettings;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Trains one epoch of PubMedQA PQA-L's training split (question + contexts → yes/no/maybe, and the long answer as
 * rationale, with the gold label in the prompt) twice from the same initial weights: batches grouped by length
 * ({@code BatchOrder} with grouping) and random batches padded to their longest member (what the reference does).
 * Prints seconds and the padded and real token counts of each.
 */
@Command(name = "epoch", mixinStandardHelpOptions = true,
    description = "Epoch time on PubMedQA lengths: length-grouped against random batches.")
final class EpochBench implements Callable<Integer> {
  @Option(names = "--pubmedqa", required = true, description = "Folder with ori_pqal.json and test_ground_truth.json.")
  Path raw;

  @Option(names = "--tokenizer", required = true, description = "Tokenizer folder.")
  Path tokenizer;

  @Option(names = "--size", defaultValue = "tiny", description = "Model size from scratch (default: ${DEFAULT-VALUE}).")
  String size;

  @Mixin
  BenchLoad load;

  @Option(names = "--max-input", defaultValue = "1024", description = "Input token limit (default: the reference's ${DEFAULT-VALUE}).")
  int maxInput;

  @Option(names = "--max-target", defaultValue = "256", description = "Target token limit (default: the reference's ${DEFAULT-VALUE}).")
  int maxTarget;

  @Option(names = "--limit", defaultValue = "0", description = "Use only the first N training examples (0 = all).")
  int limit;

  @Override
  public Integer call() {
    Engines.setThreads(load.threads);
    List<Example> train = PubMedQa.convert(new PubMedQa.Options(raw)).get("train");
    if (limit > 0 && limit < train.size()) {
      train = train.subList(0, limit);
    }
    TrainConfig cfg = TrainSettings.with(TrainConfig.reference(Recipe.R2D_STAGE2), "steps", 1, "batch-size", load.batch,
        "eval-batch-size", load.batch, "lr-schedule", "constant", "max-input-tokens", maxInput, "max-target-tokens",
        maxTarget, "threads", load.threads);
    Phase phase = new Phase(PhaseKind.STAGE2, 1, AlphaSchedule.constant(0.5f), Phase.RationaleTask.LABELLED,
        SamplingSchedule.constant(0), Phase.Selection.MACRO_F1, 1, 1, 0);
    try (TextTokenizer tok = TextTokenizer.load(tokenizer)) {
      EncodedExamples data = new EncodedExamples(train, tok, cfg.prompts(), maxInput, maxTarget, true);
      for (boolean grouped : new boolean[] {true, false}) {
        Map<String, Object> r = epoch(tok, data, cfg, phase, grouped);
        System.out.println(Json.COMPACT.toJson(r));
        System.out.flush();
      }
    }
    return 0;
  }

  private Map<String, Object> epoch(TextTokenizer tok, EncodedExamples data, TrainConfig cfg, Phase phase,
      boolean grouped) {
    List<int[]> order = BatchOrder.epoch(data.size(), load.batch, cfg.seed(), 0, grouped, data.lengths());
    long padded = 0;
    long real = 0;
    for (int[] b : order) {
      for (long[][] rows : new long[][][] {data.predict, data.label, data.goldLabelled, data.rationale}) {
        int longest = 0;
        for (int i : b) {
          longest = Math.max(longest, rows[i].length);
          real += rows[i].length;
        }
        padded += (long) longest * b.length;
      }
    }
    double seconds;
    try (NDManager root = Engines.newManager()) {
      T5Model model = T5Init.create(T5Init.named(size, tok.vocabSize()), cfg.seed(), root);
      JointObjective objective = new JointObjective(model, data, tok, cfg, phase, List.of("yes", "no", "maybe"));
      Map<String, NDArray> params = model.parameters().all();
      model.parameters().requireGradients(true);
      long start = System.nanoTime();
      try (AdamW opt = new AdamW(AdamW.Settings.defaults(), root)) {
        for (int[] b : order) {
          Grad.seed(7);
          try (NDScope scope = new NDScope(); NDManager m = root.newSubManager()) {
            scope.suppressNotUsedWarning();
            AdamW.zeroGradients(params);
            objective.forwardBackward(m, b, 0, 1f, new SplittableRandom(7));
            Map<String, NDArray> grads = new LinkedHashMap<>();
            params.forEach((k, p) -> grads.put(k, p.getGradient()));
            opt.step(params, grads, cfg.optim().learningRate());
          }
        }
      }
      seconds = (System.nanoTime() - start) / 1e9;
      model.parameters().requireGradients(false);
    }
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("mode", "epoch");
    r.put("batches", grouped ? "length_grouped" : "random_padded");
    r.put("size", size);
    r.put("threads", load.threads);
    r.put("examples", data.size());
    r.put("batch", load.batch);
    r.put("steps", order.size());
    r.put("seconds", seconds);
    r.put("padded_tokens", padded);
    r.put("real_tokens", real);
    r.put("padding_share", 1 - (double) real / padded);
    r.put("peak_rss_mib", Resident.peakMiB());
    return r;
  }
}
