// The load options every benchmark has: batch size and intra-op threads.
package dev.reason2decide.bench;

import picocli.CommandLine.Option;

/** A picocli mixin: {@code --batch} and {@code --threads}, shared by {@link BenchShapes} and the training benches. */
final class BenchLoad {
  @Option(names = "--batch", defaultValue = "8", description = "Batch size (default: ${DEFAULT-VALUE}).")
  int batch;

  @Option(names = "--threads", defaultValue = "2", description = "Intra-op threads (default: ${DEFAULT-VALUE}).")
  int threads;
}
