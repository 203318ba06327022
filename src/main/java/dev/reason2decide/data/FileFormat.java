// The example file formats, chosen by file extension: JSON Lines, CSV (RFC 4180) and tab-separated.
package dev.reason2decide.data;

import java.nio.file.Path;
import java.util.Locale;

/** Formats of example files. */
public enum FileFormat {
  JSONL, CSV, TSV;

  /** The format of a file from its extension ({@code .jsonl}/{@code .json}, {@code .csv}, {@code .tsv}). */
  public static FileFormat of(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".jsonl") || name.endsWith(".json")) {
      return JSONL;
    }
    if (name.endsWith(".csv")) {
      return CSV;
    }
    if (name.endsWith(".tsv")) {
      return TSV;
    }
    throw new IllegalArgumentException(file + ": unknown example file type (expected .jsonl, .csv or .tsv)");
  }

  /** The field separator of the delimited formats. */
  char delimiter() {
    return this == TSV ? '\t' : ',';
  }
}
