// Sane bounds for a model folder's r2d.json, checked before anything is allocated for the model.
package dev.reason2decide.inference;

import dev.reason2decide.runs.ModelCard;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * The settings of {@code r2d.json} that size inference: the input length (attention memory grows with its square)
 * and the decode lengths (every step costs a decoder pass; buffers are sized by them). A value outside its bound is
 * refused with the file and the field named, never discovered as an out-of-memory error.
 */
public final class CardLimits {
  /** Longest input in tokens (the bound training settings are checked against too: train.SettingRanges). */
  public static final int MAX_INPUT_TOKENS = ModelCard.MAX_INPUT_TOKENS;
  /** Longest label in tokens. */
  public static final int MAX_LABEL_TOKENS = ModelCard.MAX_LABEL_TOKENS;
  /** Longest rationale in tokens. */
  public static final int MAX_RATIONALE_TOKENS = ModelCard.MAX_RATIONALE_TOKENS;
  /** Most labels in a label set. */
  public static final int MAX_LABELS = 1000;

  private CardLimits() {}

  /** Checks {@code card}, read from {@code dir/r2d.json}. */
  public static ModelCard check(Path dir, ModelCard card) {
    Path file = dir.resolve(ModelCard.FILE);
    if (card.labels() == null || card.labels().isEmpty()) {
      throw new IllegalArgumentException(file + ": labels is missing or empty; list the label set");
    }
    if (card.labels().size() > MAX_LABELS) {
      throw new IllegalArgumentException(file + ": labels has " + card.labels().size() + " entries; the limit is "
          + MAX_LABELS);
    }
    Set<String> seen = new HashSet<>();
    for (String label : card.labels()) {
      if (label == null || label.isBlank()) {
        throw new IllegalArgumentException(file + ": labels contains a blank label");
      }
      if (!seen.add(label)) {
        throw new IllegalArgumentException(file + ": labels lists '" + label + "' twice");
      }
    }
    if (card.prompts() == null) {
      throw new IllegalArgumentException(file + ": prompts is missing");
    }
    within(file, "maxInputTokens", card.maxInputTokens(), 2, MAX_INPUT_TOKENS);
    within(file, "labelMaxNewTokens", card.labelMaxNewTokens(), 1, MAX_LABEL_TOKENS);
    within(file, "rationaleMaxNewTokens", card.rationaleMaxNewTokens(), 1, MAX_RATIONALE_TOKENS);
    return card;
  }

  private static void within(Path file, String field, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(file + ": " + field + " is " + value + "; it must be between " + min
          + " and " + max);
    }
  }
}
