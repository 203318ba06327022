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
 * @param requireLabel when false a missing or empty label is allowed (notes to predict on have none)
 */
public record ReadOptions(Columns columns, LabelSet labels, boolean skipMalformed, boolean requireRationale,
    boolean requireLabel) {
  /** Authors' columns, any label, strict, rationale required. */
  public static final ReadOptions DEFAULT = new ReadOptions(Columns.DEFAULT, LabelSet.ANY, false, true, true);

  /**
   * What the LLM commands read (examples to write rationales for, gold examples for the judge, rationales to mix
   * in), and the gold examples of {@code r2d evaluate --gold}: the authors' columns with {@code input} accepted
   * for {@code question}, any label, strict, rationale optional.
   */
  public static final ReadOptions LLM = new ReadOptions(Columns.DEFAULT.withInputAlias("input"), LabelSet.ANY, false,
      false, true);

  public ReadOptions {
    Objects.requireNonNull(columns, "columns");
    Objects.requireNonNull(labels, "labels");
  }

  /** Options with the authors' columns and labels, as before. */
  public ReadOptions(Columns columns, LabelSet labels, boolean skipMalformed, boolean requireRationale) {
    this(columns, labels, skipMalformed, requireRationale, true);
  }

  /** Files to predict on: label and rationale may be absent. */
  public ReadOptions forPrediction() {
    return new ReadOptions(columns, labels, skipMalformed, false, false);
  }

  public ReadOptions withColumns(Columns c) {
    return new ReadOptions(c, labels, skipMalformed, requireRationale, requireLabel);
  }

  public ReadOptions withLabels(LabelSet l) {
    return new ReadOptions(columns, l, skipMalformed, requireRationale, requireLabel);
  }

  public ReadOptions withSkipMalformed(boolean skip) {
    return new ReadOptions(columns, labels, skip, requireRationale, requireLabel);
  }

  public ReadOptions withRequireRationale(boolean require) {
    return new ReadOptions(columns, labels, skipMalformed, require, requireLabel);
  }
}
