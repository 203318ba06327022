// The default token budget of the service, derived from the model's size and the memory the process may use.
package dev.reason2decide.serve;

import dev.reason2decide.inference.DecisionModel;

/**
 * The memory {@code r2d serve} may use is the JVM heap limit (8 GiB from {@code ./r2d}) plus the model's weights plus
 * {@link #NATIVE_BUDGET_BYTES} of native tensors for decisions in flight. The default {@code --max-tokens-in-flight}
 * is what that native budget holds at the model's {@link DecisionModel#bytesPerInputToken()}, at most
 * {@link ServeConfig#DEFAULT_MAX_TOKENS_IN_FLIGHT} and at least one note of the model's full input length (a larger
 * model would refuse every long note). With the 8 GiB heap that keeps the process under about 14 GiB for flan-t5-base
 * (0.9 GiB of weights, 16,384 tokens of 332 KiB): safe on a 24 GB machine.
 */
public final class MemoryBudget {
  /** Native memory for the tensors of the decisions in flight (bytes). */
  public static final long NATIVE_BUDGET_BYTES = 6L << 30;

  private MemoryBudget() {}

  /** The default token budget for {@code model}. */
  public static int defaultTokensInFlight(DecisionModel model) {
    return defaultTokensInFlight(model.bytesPerInputToken(), model.maxInputTokens());
  }

  /** The default token budget for a model that holds {@code perToken} bytes per token, notes of {@code fullNote}. */
  public static int defaultTokensInFlight(long perToken, int fullNote) {
    if (perToken <= 0) {
      return ServeConfig.DEFAULT_MAX_TOKENS_IN_FLIGHT;
    }
    long tokens = NATIVE_BUDGET_BYTES / perToken;
    return (int) Math.max(fullNote, Math.min(ServeConfig.DEFAULT_MAX_TOKENS_IN_FLIGHT, tokens));
  }
}
