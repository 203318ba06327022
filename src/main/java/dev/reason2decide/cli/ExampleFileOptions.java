// Command-line options shared by commands that read example files: column names, label set, malformed rows.
package dev.reason2decide.cli;

import dev.reason2decide.data.Columns;
import dev.reason2decide.data.LabelSet;
import dev.reason2decide.data.ReadOptions;
import picocli.CommandLine.Option;

/** A picocli mixin that becomes {@link ReadOptions}. */
public final class ExampleFileOptions {
  @Option(names = "--input-column", defaultValue = "question", description = "Input column (default: ${DEFAULT-VALUE}).")
  String input;

  @Option(names = "--label-column", defaultValue = "label", description = "Label column (default: ${DEFAULT-VALUE}).")
  String label;

  @Option(names = "--rationale-column", defaultValue = "rationale",
      description = "Rationale column (default: ${DEFAULT-VALUE}).")
  String rationale;

  @Option(names = "--id-column", defaultValue = "id", description = "Optional id column (default: ${DEFAULT-VALUE}).")
  String id;

  @Option(names = "--source-column", defaultValue = "rationale_source",
      description = "Optional rationale-source column (default: ${DEFAULT-VALUE}).")
  String source;

  @Option(names = "--labels", description = "Allowed labels, comma-separated (default: any).")
  String labels;

  @Option(names = "--skip-malformed",
      description = "Skip malformed rows and count them in the report instead of stopping at the first.")
  boolean skipMalformed;

  @Option(names = "--no-rationale", description = "Allow rows without a rationale.")
  boolean noRationale;

  /** The read options these flags describe. */
  public ReadOptions toReadOptions() {
    return new ReadOptions(new Columns(input, label, rationale, id, source), LabelSet.parse(labels), skipMalformed,
        !noRationale);
  }
}
