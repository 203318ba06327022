// Command-line option of the commands that write a folder: --out, required.
package dev.reason2decide.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** A picocli mixin: {@code --out} (required), the output folder of the data and tokenizer commands. */
final class OutputFolderOption {
  @Option(names = "--out", required = true, description = "Output folder.")
  Path out;

  /** The folder of --out. */
  Path path() {
    return out;
  }
}
