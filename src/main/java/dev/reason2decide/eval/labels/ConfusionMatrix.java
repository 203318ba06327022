// Counts of (gold, predicted) label pairs.
package dev.reason2decide.eval.labels;

import java.util.List;

/**
 * {@code matrix[i][j]} counts examples whose gold label is {@code rows.get(i)} and whose predicted label is
 * {@code columns.get(j)} (scikit-learn's confusion_matrix layout). Rows and columns are the same list, except
 * with a fixed label set, where one extra column {@link LabelMetrics#OTHER} collects predictions outside the set.
 */
public record ConfusionMatrix(List<String> rows, List<String> columns, long[][] matrix) {

  /** The count for a gold and a predicted label (0 when either is not in the matrix). */
  public long count(String gold, String predicted) {
    int i = rows.indexOf(gold);
    int j = columns.indexOf(predicted);
    return i < 0 || j < 0 ? 0 : matrix[i][j];
  }
}
