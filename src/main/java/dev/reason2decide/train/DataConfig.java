// Training data settings of a run: batch sizes, token limits, batch order and how much validation data is used.
package dev.reason2decide.train;

/**
 * Batches of {@code batchSize} examples (validation and selection in batches of {@code evalBatchSize}); inputs cut
 * at {@code maxInputTokens}, targets at {@code maxTargetTokens} (counted and reported); while π_t &gt; 0 every Stage-2
 * explanation prompt is cut at {@code explainMaxInputTokens} instead (0: at {@code maxInputTokens}); length-grouped
 * batches when {@code groupByLength}, else random batches as in the reference; at most
 * {@code maxValidationExamples} validation examples (0: all).
 */
public record DataConfig(int batchSize, int evalBatchSize, int maxInputTokens, int maxTargetTokens,
    int explainMaxInputTokens, boolean groupByLength, int maxValidationExamples) {

  public DataConfig {
    SettingCheck.require(batchSize > 0 && evalBatchSize > 0, "batch sizes must be positive");
    SettingCheck.require(maxInputTokens >= 8 && maxTargetTokens >= 2, "token limits too small");
    SettingCheck.require(explainMaxInputTokens == 0 || explainMaxInputTokens >= 8,
        "explain-max-input-tokens must be 0 (= max-input-tokens) or at least 8, got " + explainMaxInputTokens);
    SettingCheck.require(maxValidationExamples >= 0, "max-validation must be >= 0 (0 = all), got " + maxValidationExamples);
  }

  /** The reference: batch 64, 1024 input and 256 target tokens, all validation examples. */
  public static DataConfig reference() {
    return new DataConfig(64, 64, 1024, 256, 0, true, 0);
  }

  /** The limit of Stage-2's explanation prompts at a step with sampling probability {@code pi}. */
  public int explainLimit(double pi) {
    return pi > 0 && explainMaxInputTokens > 0 ? explainMaxInputTokens : maxInputTokens;
  }
}
