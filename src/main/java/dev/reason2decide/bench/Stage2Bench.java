// `r2d bench stage2`: one whole Stage-2 step against the sum of its parts timed separately.
package dev.reason2decide.bench;

import dev.reason2decide.engine.Engines;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Prints {@code mode: stage2_step} with the whole step's median, each part's median (prediction forward/backward,
 * ŷ decoding with its own encoder pass, rationale forward/backward, AdamW) and {@code whole_over_parts}.
 */
@Command(name = "stage2", mixinStandardHelpOptions = true,
    description = "Time one Reason2Decide Stage-2 step and its parts measured separately.")
final class Stage2Bench implements Callable<Integer> {
  @Mixin
  BenchShapes s;

  @Option(names = "--label-tokens", defaultValue = "4", description = "Label target length (default: ${DEFAULT-VALUE}).")
  int labelTokens;

  @Option(names = "--label-new", defaultValue = "8", description = "Greedy steps for ŷ (default: ${DEFAULT-VALUE}).")
  int labelNew;

  @Option(names = "--alpha", defaultValue = "0.5", description = "Weight of the prediction loss (default: ${DEFAULT-VALUE}).")
  float alpha;

  @Override
  public Integer call() {
    s.validate();
    Engines.setThreads(s.load.threads);
    try (BenchModel b = new BenchModel(s.modelConfig(), s.seed)) {
      Stage2Step st = new Stage2Step(b, s.load.batch, s.src, labelTokens, labelNew, s.tgt, alpha);
      int w = s.warmup(2);
      Map<String, Double> parts = new LinkedHashMap<>();
      StepTimes whole = StepTimes.measure(st.whole(), s.steps, w);
      parts.put("prediction_fwd_bwd", StepTimes.measure(st.prediction(), s.steps, w).median());
      parts.put("label_greedy_with_encoder", StepTimes.measure(st.labelDecoding(), s.steps, w).median());
      parts.put("rationale_fwd_bwd", StepTimes.measure(st.rationale(), s.steps, w).median());
      parts.put("adamw", StepTimes.measure(st.optimizer(), s.steps, w).median());
      double sum = parts.values().stream().mapToDouble(Double::doubleValue).sum();
      Map<String, Object> r = BenchReport.header(s, b.model.parameters().count());
      r.put("mode", "stage2_step");
      r.put("tgt", s.tgt);
      r.put("label_tokens", labelTokens);
      r.put("label_new", labelNew);
      BenchReport.times(r, whole);
      r.put("parts_s", parts);
      r.put("sum_of_parts_s", sum);
      r.put("whole_over_parts", whole.median() / sum);
      BenchReport.print(r);
    }
    return 0;
  }
}
