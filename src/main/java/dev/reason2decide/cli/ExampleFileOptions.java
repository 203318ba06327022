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
    return new ReadOptions(new Columns(input, label, rationale, id, source),
        labels == null ? LabelSet.parse(null) : new LabelSet(labelList()), skipMalformed, !noRationale);
  }

  /** {@code --labels} as a list, or null when not given; an empty name (",,,", "yes,,no") is an error. */
  java.util.List<String> labelList() {
    if (labels == null) {
      return null;
    }
    java.util.List<String> out = java.util.Arrays.stream(labels.split(",", -1)).map(String::strip).toList();
    if (out.stream().anyMatch(String::isEmpty)) {
      throw new IllegalArgumentException("--labels '" + labels + "' has an empty label; give the labels "
          + "comma-separated, e.g. yes,no,maybe");
    }
    return out;
  }
}
