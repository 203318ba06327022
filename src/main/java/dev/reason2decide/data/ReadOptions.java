// How to read an example file: its columns, the allowed labels, and whether malformed rows stop the read.
package dev.reason2decide.data;

import java.util.Objects;

/**
 * Options for {@link ExampleReader}.
 *
 * @param columns column names
 * @param labels allowed labels ({@link LabelSet#ANY}: any non-empty label)
 * @param skipMalformed when true a malformed row is skipped and counted in the {@link ReadReport}; when false
 *     (the default) it is an error
 * @param requireRationale when false a missing or empty rationale is allowed (files to predict on)
 */
public record ReadOptions(Columns columns, LabelSet labels, boolean skipMalformed, boolean requireRationale) {
  /** Authors' columns, any label, strict, rationale required. */
  public static final ReadOptions DEFAULT = new ReadOptions(Columns.DEFAULT, LabelSet.ANY, false, true);

  public ReadOptions {
    Objects.requireNonNull(columns, "columns");
    Objects.requireNonNull(labels, "labels");
  }

  public ReadOptions withColumns(Columns c) {
    return new ReadOptions(c, labels, skipMalformed, requireRationale);
  }

  public ReadOptions withLabels(LabelSet l) {
    return new ReadOptions(columns, l, skipMalformed, requireRationale);
  }

  public ReadOptions withSkipMalformed(boolean skip) {
    return new ReadOptions(columns, labels, skip, requireRationale);
  }

  public ReadOptions withRequireRationale(boolean require) {
    return new ReadOptions(columns, labels, skipMalformed, require);
  }
}
