// `r2d bench train`: the peer's training step (forward, loss, backward, AdamW) timed, with FLOP/s and utilisation.
package dev.reason2decide.bench;

import ai.djl.ndarray.NDArray;
import dev.reason2decide.batches.TokenBatch;
import dev.reason2decide.engine.Engines;
import dev.reason2decide.model.T5Config;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Prints {@code mode: train_step} with {@code seconds} (median) and {@code tokens_per_s} = B·(S+T)/seconds as the
 * peer does, plus the analytic matmul FLOPs of a step, the FLOP/s achieved, the FLOP/s of the model's own GEMM
 * shapes measured in the same process afterwards, and their ratio (model FLOP utilisation).
 */
@Command(name = "train", mixinStandardHelpOptions = true, description = "Time training steps (peer: torch_t5.py train).")
final class TrainBench implements Callable<Integer> {
  @Mixin
  BenchShapes s;

  @Option(names = "--no-matmul", description = "Skip the matmul measurement (and so the utilisation figure).")
  boolean noMatmul;

  @Option(names = "--parts", description = "Also time forward, backward and the optimiser step separately "
      + "(bench/peer_parts.py does the same for the peer).")
  boolean parts;

  @Option(names = "--profile", description = "Also profile one more step with libtorch's profiler into this Chrome-trace file.")
  java.nio.file.Path profile;

  @Override
  public Integer call() {
    s.validate();
    Engines.setThreads(s.load.threads);
    T5Config c = s.modelConfig();
    try (BenchModel b = new BenchModel(c, s.seed)) {
      NDArray ids = TokenBatch.matrix(b.root, b.randomIds(s.load.batch, s.src));
      NDArray mask = BenchModel.ones(b.root, s.load.batch, s.src);
      long[][] labels = b.randomIds(s.load.batch, s.tgt);
      StepTimes t = StepTimes.measure(b.trainStep(ids, mask, labels), s.steps, s.warmup(2));
      Map<String, Object> r = BenchReport.header(s, b.model.parameters().count());
      r.put("mode", "train_step");
      r.put("tgt", s.tgt);
      BenchReport.times(r, t);
      r.put("tokens_per_s", s.load.batch * (double) (s.src + s.tgt) / t.median());
      double flops = MatmulFlops.trainStep(c, s.load.batch, s.src, s.tgt);
      r.put("matmul_flops_per_step", flops);
      r.put("achieved_flops_per_s", flops / t.median());
      if (!noMatmul) {
        Map<String, Double> mm = MatmulProbe.modelShapes(b.root, c, s.load.batch, s.src, s.tgt, 5);
        r.put("matmul_flops_per_s", mm);
        r.put("mfu", flops / t.median() / mm.get("best"));
      }
      if (parts) {
        StepTimes[] p = b.trainStepParts(ids, mask, labels, s.steps, s.warmup(2));
        r.put("forward_s", p[0].median());
        r.put("backward_s", p[1].median());
        r.put("optimizer_s", p[2].median());
      }
      if (profile != null) {
        OpProfile.of(b.trainStep(ids, mask, labels), profile);
      }
      BenchReport.print(r);
    }
    return 0;
  }
}
