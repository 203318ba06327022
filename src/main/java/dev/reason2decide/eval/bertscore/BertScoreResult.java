// BERTScore figures: means, per-pair P/R/F, the bert_score-style hash and what was truncated.
package dev.reason2decide.eval.bertscore;

import java.util.List;

/**
 * Mean P, R, F over pairs (rescaled when a baseline was given), the per-pair values, the hash string that says how
 * they were computed, and how many hypotheses and references were cut to {@code maxTokens} tokens.
 */
public record BertScoreResult(double p, double r, double f, List<Pair> perLine, String hash, int truncatedHypotheses,
    int truncatedReferences, int maxTokens) {

  /** One pair's precision, recall and F. */
  public record Pair(double p, double r, double f) {}
}
