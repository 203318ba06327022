// Which columns (CSV) or keys (JSONL) of an example file hold the input, label, rationale, id and rationale source.
package dev.reason2decide.data;

import java.util.Objects;

/**
 * Column names of an example file. The defaults are the Reason2Decide authors' columns: {@code question},
 * {@code label}, {@code rationale}; {@code id} and {@code rationale_source} are optional when reading.
 */
public record Columns(String input, String label, String rationale, String id, String source) {
  /** The authors' columns. */
  public static final Columns DEFAULT = new Columns("question", "label", "rationale", "id", "rationale_source");

  public Columns {
    Objects.requireNonNull(input, "input column");
    Objects.requireNonNull(label, "label column");
    Objects.requireNonNull(rationale, "rationale column");
    Objects.requireNonNull(id, "id column");
    Objects.requireNonNull(source, "source column");
    if (input.isBlank() || label.isBlank() || rationale.isBlank() || id.isBlank() || source.isBlank()) {
      throw new IllegalArgumentException("column names must not be blank: " + this);
    }
  }

  public Columns withInput(String name) {
    return new Columns(name, label, rationale, id, source);
  }

  public Columns withLabel(String name) {
    return new Columns(input, name, rationale, id, source);
  }

  public Columns withRationale(String name) {
    return new Columns(input, label, name, id, source);
  }
}
