// The check that an example file a command depends on holds at least one example (empty inputs are errors).
package dev.reason2decide.data;

/**
 * Refuses an {@link ExampleSet} without examples, with one line naming the file and why it is empty: no data rows
 * at all (an empty file, only blank lines, or a CSV header alone), or every row skipped as malformed.
 */
public final class RequiredExamples {
  private RequiredExamples() {}

  /** Returns {@code set} when it has an example; otherwise throws {@link IllegalArgumentException}. */
  public static ExampleSet atLeastOne(ExampleSet set) {
    if (set.size() > 0) {
      return set;
    }
    ReadReport r = set.report();
    if (r.rows() == 0) {
      throw new IllegalArgumentException(r.file() + ": no examples (the file is empty, has only blank lines or only"
          + " a header row)");
    }
    ReadReport.Skipped first = r.skipped().get(0);
    throw new IllegalArgumentException(r.file() + ": no examples left: all " + r.rows() + " rows are malformed (first:"
        + " line " + first.line() + (first.field() == null ? "" : ", field '" + first.field() + "'") + ": "
        + first.problem() + ")");
  }
}
