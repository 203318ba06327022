// Training data settings of a run: batch sizes, token limits, batch order and how much validation data is used.
package dev.reason2decide.train;

/**
 * Batches of {@code batchSize} examples (validation and selection in batches of {@code evalBatchSize}); inputs cut
 * at {@code maxInputTokens}, targets at {@code maxTargetTokens} (counted and reported); length-grouped batches when
 * {@code groupByLength}, else random batches as in the reference; at most {@code maxValidationExamples} validation
 * examples (0: all).
 */
public record DataConfig(int batchSize, int evalBatchSize, int maxInputTokens, int maxTargetTokens,
    boolean groupByLength, int maxValidationExamples) {

  public DataConfig {
    TrainConfig.check(batchSize > 0 && evalBatchSize > 0, "batch sizes must be positive");
    TrainConfig.check(maxInputTokens >= 8 && maxTargetTokens >= 2, "token limits too small");
    TrainConfig.check(maxValidationExamples >= 0, "max-validation must be >= 0 (0 = all), got " + maxValidationExamples);
  }

  /** The reference: batch 64, 1024 input and 256 target tokens, all validation examples. */
  public static DataConfig reference() {
    return new DataConfig(64, 64, 1024, 256, true, 0);
  }

  public DataConfig withBatchSize(int v) {
    return new DataConfig(v, evalBatchSize, maxInputTokens, maxTargetTokens, groupByLength, maxValidationExamples);
  }

  public DataConfig withEvalBatchSize(int v) {
    return new DataConfig(batchSize, v, maxInputTokens, maxTargetTokens, groupByLength, maxValidationExamples);
  }

  public DataConfig withMaxInputTokens(int v) {
    return new DataConfig(batchSize, evalBatchSize, v, maxTargetTokens, groupByLength, maxValidationExamples);
  }

  public DataConfig withMaxTargetTokens(int v) {
    return new DataConfig(batchSize, evalBatchSize, maxInputTokens, v, groupByLength, maxValidationExamples);
  }

  public DataConfig withGroupByLength(boolean v) {
    return new DataConfig(batchSize, evalBatchSize, maxInputTokens, maxTargetTokens, v, maxValidationExamples);
  }

  public DataConfig withMaxValidationExamples(int v) {
    return new DataConfig(batchSize, evalBatchSize, maxInputTokens, maxTargetTokens, groupByLength, v);
  }
}
