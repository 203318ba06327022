// The trust verdict of one decision: a score in [0, 1], whether to decide, and why not.
package dev.reason2decide.trust;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code "trust": {"score", "decide", "reasons"}} (docs/trust.md), plus the signals it came from.
 *
 * @param score higher is more trustworthy, in [0, 1]
 * @param decide whether the decision may be used: score at or above the model's threshold and no veto
 * @param reasons why not (or what is doubtful), short sentences; may be empty when {@code decide}
 * @param signals the model-side signals (null when none were computed)
 */
public record TrustVerdict(double score, boolean decide, List<String> reasons, ModelSignals signals) {
  public TrustVerdict {
    reasons = List.copyOf(reasons);
    if (!(score >= 0 && score <= 1)) {
      throw new IllegalArgumentException("a trust score must be in [0, 1]: " + score);
    }
  }

  /** The JSON object of the contract, with {@code signals} last. */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("score", score);
    m.put("decide", decide);
    m.put("reasons", reasons);
    if (signals != null) {
      m.put("signals", signals.toMap());
    }
    return m;
  }
}
