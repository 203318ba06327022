// Command-line option of the long-running commands that show progress: --quiet.
package dev.reason2decide.cli;

import picocli.CommandLine.Option;

/** A picocli mixin: {@code --quiet}, no progress output (predict, train). */
final class QuietOption {
  @Option(names = "--quiet", description = "No progress output.")
  boolean quiet;

  /** True with --quiet. */
  boolean on() {
    return quiet;
  }
}
