// The model dimensions and input sizes a benchmark runs on, named as in the PyTorch peer (../shared/bench/torch_t5.py).
package dev.reason2decide.bench;

import dev.reason2decide.model.T5Config;
import java.util.Locale;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Command-line options shared by the benchmarks. The named configurations have the peer's dimensions exactly
 * ({@code tiny}, {@code small} = flan-t5-small, {@code t5-small}, {@code base} = flan-t5-base); dropout is 0 because
 * the peer has none, and there is no end-of-sequence id, so greedy decoding always runs {@code --new} steps.
 */
public final class BenchShapes {
  @Option(names = "--config", defaultValue = "small", description = "tiny, small, t5-small or base (default: ${DEFAULT-VALUE}).")
  String config;

  @Mixin
  BenchLoad load;

  @Option(names = "--src", defaultValue = "256", description = "Source length in tokens (default: ${DEFAULT-VALUE}).")
  int src;

  @Option(names = "--tgt", defaultValue = "64", description = "Target length in tokens (default: ${DEFAULT-VALUE}).")
  int tgt;

  @Option(names = "--new", defaultValue = "64", description = "New tokens for greedy decoding (default: ${DEFAULT-VALUE}).")
  int newTokens;

  @Option(names = "--steps", defaultValue = "5", description = "Timed steps after warm-up (default: ${DEFAULT-VALUE}).")
  int steps;

  @Option(names = "--warmup", defaultValue = "-1", description = "Warm-up steps (default: the peer's, 2 for training, 1 for decoding).")
  int warmup;

  @Option(names = "--seed", defaultValue = "0", description = "Seed of weights and inputs (default: ${DEFAULT-VALUE}).")
  long seed;

  /** The configuration called {@code name}, with the peer's dimensions, no dropout and no end-of-sequence id. */
  public static T5Config named(String name) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "tiny" -> cfg(2100, 64, 16, 96, 2, 4, "gated-gelu", false);
      case "small" -> cfg(32128, 512, 64, 1024, 8, 6, "gated-gelu", false);
      case "t5-small" -> cfg(32128, 512, 64, 2048, 6, 8, "relu", true);
      case "base" -> cfg(32128, 768, 64, 2048, 12, 12, "gated-gelu", false);
      default -> throw new IllegalArgumentException("--config: unknown '" + name + "' (tiny, small, t5-small, base)");
    };
  }

  private static T5Config cfg(int vocab, int d, int dkv, int ff, int layers, int heads, String proj, boolean tied) {
    return new T5Config(vocab, d, dkv, ff, layers, layers, heads, 32, 128, 0f, 1e-6f, proj, tied, tied, 0, -1, 0, 1.0f);
  }

  /** This run's model configuration. */
  public T5Config modelConfig() {
    return named(config);
  }

  /** Warm-up steps: the option, or the peer's default. */
  int warmup(int peerDefault) {
    return warmup >= 0 ? warmup : peerDefault;
  }

  void validate() {
    if (load.batch <= 0 || src <= 0 || tgt <= 0 || newTokens <= 0 || steps <= 0 || load.threads <= 0) {
      throw new IllegalArgumentException("--batch, --src, --tgt, --new, --steps and --threads must be positive");
    }
  }
}
