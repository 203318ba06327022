// `r2d bench matmul`: FLOP/s of the model's GEMM shapes on this machine (the utilisation denominator).
package dev.reason2decide.bench;

import dev.reason2decide.engine.Engines;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Prints {@code mode: matmul} with FLOP/s per GEMM shape "MxKxN" and the best. */
@Command(name = "matmul", mixinStandardHelpOptions = true, description = "Measure matmul FLOP/s at the model's shapes.")
final class MatmulBench implements Callable<Integer> {
  @Mixin
  BenchShapes s;

  @Override
  public Integer call() {
    s.validate();
    Engines.setThreads(s.load.threads);
    try (var root = Engines.newManager()) {
      Map<String, Object> r = BenchReport.header(s, 0);
      r.put("mode", "matmul");
      r.put("tgt", s.tgt);
      r.put("matmul_flops_per_s", MatmulProbe.modelShapes(root, s.modelConfig(), s.load.batch, s.src, s.tgt, s.steps));
      BenchReport.print(r);
    }
    return 0;
  }
}
