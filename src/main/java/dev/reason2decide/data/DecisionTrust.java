// The trust verdict of one decision as a predictions file records it: score, whether to decide, and why not.
package dev.reason2decide.data;

import java.util.List;

/**
 * {@code "trust": {"score": s, "decide": true|false, "reasons": [...]}} of a prediction row (see docs/trust.md);
 * evaluation reads it to score selective prediction. A row without it has no verdict ({@code null}), never a
 * made-up one.
 *
 * @param score in [0, 1], higher is more trustworthy
 * @param decide whether the decision may be used (the case counts as decided)
 * @param reasons why not, or what is doubtful (may be empty)
 */
public record DecisionTrust(double score, boolean decide, List<String> reasons) {
  public DecisionTrust {
    if (!(score >= 0 && score <= 1)) {
      throw new IllegalArgumentException("trust score must be in [0, 1]: " + score);
    }
    reasons = List.copyOf(reasons);
  }
}
