// Runtime settings of a run that do not change its results: PyTorch's thread count.
package dev.reason2decide.train;

/** {@code threads} intra-op threads (0: all cores); not part of a run's identity (a resume may use others). */
public record RuntimeConfig(int threads) {

  public RuntimeConfig {
    TrainConfig.check(threads >= 0, "threads must be >= 0 (0 = all cores)");
  }

  public static RuntimeConfig reference() {
    return new RuntimeConfig(0);
  }
}
