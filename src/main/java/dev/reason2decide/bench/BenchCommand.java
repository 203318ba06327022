// `r2d bench`: throughput, memory and padding benchmarks that print numbers (they are not tests).
package dev.reason2decide.bench;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/** Parent of the benchmark subcommands; each prints one JSON line per measurement (see docs/performance.md). */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Benchmarks in the PyTorch peer's format (../shared/bench/torch_t5.py); see docs/performance.md.",
    subcommands = {TrainBench.class, GreedyBench.class, Stage2Bench.class, MatmulBench.class, MemoryBench.class,
        EpochBench.class})
public final class BenchCommand implements Runnable {
  @Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
