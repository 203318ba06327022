// The selective-prediction section of an evaluation: the figures, or why they are not available.
package dev.reason2decide.eval.selective;

/**
 * Either {@code scores} (every prediction had a trust verdict) or a {@code note} saying why there are none.
 *
 * @param scores the figures, or null
 * @param note null when there are figures, else e.g. "not available: no trust verdict in 12 of 12 predictions"
 */
public record SelectiveResult(SelectiveScores scores, String note) {
  public SelectiveResult {
    if ((scores == null) == (note == null)) {
      throw new IllegalArgumentException("a selective result has either scores or a note");
    }
  }

  public boolean available() {
    return scores != null;
  }

  public static SelectiveResult notAvailable(String why) {
    return new SelectiveResult(null, "not available: " + why);
  }
}
