// Command-line options of the data commands that split examples: output folder, split fractions and split seed.
package dev.reason2decide.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** A picocli mixin: {@code --out}, {@code --fractions} (train,validation,test) and {@code --seed}. */
final class SplitOptions {
  @Mixin
  OutputFolderOption out;

  @Option(names = "--fractions", defaultValue = "0.8,0.1,0.1", description = "train,validation,test "
      + "(default: ${DEFAULT-VALUE}).")
  String fractions;

  @Bounded(min = Long.MIN_VALUE, max = Long.MAX_VALUE)
  @Option(names = "--seed", defaultValue = "0", description = "Split seed (default: ${DEFAULT-VALUE}).")
  long seed;

  /** The fractions of --fractions, checked. */
  double[] fractions() {
    return fractions(fractions);
  }

  /** Three fractions (train, validation, test) in [0, 1] that add up to 1, from {@code text} such as 0.8,0.1,0.1. */
  static double[] fractions(String text) {
    String[] parts = text.split(",");
    if (parts.length != 3) {
      throw new IllegalArgumentException("--fractions needs three numbers (train,validation,test): " + text);
    }
    double[] f = new double[3];
    for (int i = 0; i < 3; i++) {
      try {
        f[i] = Double.parseDouble(parts[i].strip());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("--fractions: not a number: " + parts[i], e);
      }
      if (!(f[i] >= 0 && f[i] <= 1)) {
        throw new IllegalArgumentException("--fractions must each be between 0 and 1 (train,validation,test), got "
            + text);
      }
    }
    double sum = f[0] + f[1] + f[2];
    if (Math.abs(sum - 1) > 1e-6) {
      throw new IllegalArgumentException("--fractions must add up to 1 (train,validation,test), got " + text
          + " (sum " + (float) sum + ")");
    }
    return f;
  }
}
