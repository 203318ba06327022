// `r2d bench greedy`: encoding plus --new cached greedy decoder steps, timed as the peer's greedy mode.
package dev.reason2decide.bench;

import ai.djl.ndarray.NDArray;
import dev.reason2decide.batches.TokenBatch;
import dev.reason2decide.engine.Engines;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Prints {@code mode: greedy_kv_cache} with {@code new_tokens_per_s} = B·new/seconds (encoder included). */
@Command(name = "greedy", mixinStandardHelpOptions = true,
    description = "Time greedy decoding with the key/value cache (peer: torch_t5.py greedy).")
final class GreedyBench implements Callable<Integer> {
  @Mixin
  BenchShapes s;

  @picocli.CommandLine.Option(names = "--profile", description = "Also profile one more run into this Chrome-trace file.")
  java.nio.file.Path profile;

  @Override
  public Integer call() {
    s.validate();
    Engines.setThreads(s.load.threads);
    try (BenchModel b = new BenchModel(s.modelConfig(), s.seed)) {
      NDArray ids = TokenBatch.matrix(b.root, b.randomIds(s.load.batch, s.src));
      NDArray mask = BenchModel.ones(b.root, s.load.batch, s.src);
      StepTimes t = StepTimes.measure(b.greedy(ids, mask, s.newTokens), s.steps, s.warmup(1));
      Map<String, Object> r = BenchReport.header(s, b.model.parameters().count());
      r.put("mode", "greedy_kv_cache");
      r.put("new_tokens", s.newTokens);
      BenchReport.times(r, t);
      r.put("new_tokens_per_s", s.load.batch * (double) s.newTokens / t.median());
      if (profile != null) {
        OpProfile.of(b.greedy(ids, mask, s.newTokens), profile);
      }
      BenchReport.print(r);
    }
    return 0;
  }
}
