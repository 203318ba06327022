// Which columns (CSV) or keys (JSONL) of an example file hold the input, label, rationale, id and rationale source.
package dev.reason2decide.data;

import java.util.Objects;

/**
 * Column names of an example file. The defaults are the Reason2Decide authors' columns: {@code question},
 * {@code label}, {@code rationale}; {@code id} and {@code rationale_source} are optional when reading.
 * {@code inputAlias}, when not null, is read as the input in a file that has no {@code input} column (the LLM
 * commands accept {@code input} for {@code question}); files are always written with {@code input}.
 */
public record Columns(String input, String label, String rationale, String id, String source, String inputAlias) {
  /** The authors' columns. */
  public static final Columns DEFAULT = new Columns("question", "label", "rationale", "id", "rationale_source");

  public Columns {
    Objects.requireNonNull(input, "input column");
    Objects.requireNonNull(label, "label column");
    Objects.requireNonNull(rationale, "rationale column");
    Objects.requireNonNull(id, "id column");
    Objects.requireNonNull(source, "source column");
    if (input.isBlank() || label.isBlank() || rationale.isBlank() || id.isBlank() || source.isBlank()
        || (inputAlias != null && inputAlias.isBlank())) {
      throw new IllegalArgumentException("column names must not be blank: " + this);
    }
  }

  /** Columns without an input alias. */
  public Columns(String input, String label, String rationale, String id, String source) {
    this(input, label, rationale, id, source, null);
  }

  public Columns withInput(String name) {
    return new Columns(name, label, rationale, id, source, inputAlias);
  }

  public Columns withLabel(String name) {
    return new Columns(input, name, rationale, id, source, inputAlias);
  }

  public Columns withRationale(String name) {
    return new Columns(input, label, name, id, source, inputAlias);
  }

  /** These columns, also reading {@code name} as the input where the input column is absent. */
  public Columns withInputAlias(String name) {
    return new Columns(input, label, rationale, id, source, name);
  }
}
