// Inference frees each transformer block's intermediates when the block ends, instead of when the call ends.
package dev.reason2decide.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import dev.reason2decide.engine.Grad;
import java.util.function.Supplier;

/**
 * With autograd off and no dropout (inference: decisions, predictions, validation), nothing needs a block's
 * intermediates once the block has produced its output, yet DJL keeps every tensor until its manager or scope
 * closes: a call would hold the attention scores (B,H,S,S) of every layer of the encoder at once. Here each block
 * runs in its own {@link NDScope}; only its output leaves it (into the caller's scope), and the block's input is
 * freed once the next block has used it. The operations, and so the numbers, are those of the unscoped pass. While
 * training (or with autograd on, where backward needs the intermediates) nothing changes.
 */
final class LayerScopes {
  private static final LayerScopes OFF = new LayerScopes(false, null);

  private final boolean on;
  private final NDArray keep;

  private LayerScopes(boolean on, NDArray keep) {
    this.on = on;
    this.keep = keep;
  }

  /** Scopes for a pass; {@code callerInput} (the caller's tensor, may be null) is never freed here. */
  static LayerScopes of(boolean training, NDArray callerInput) {
    return training || Grad.isOn() ? OFF : new LayerScopes(true, callerInput);
  }

  /** Whether blocks run in scopes of their own (inference). */
  boolean on() {
    return on;
  }

  /** {@code block}'s output; with scopes on, everything else it made is freed, and so is its input {@code in}. */
  NDArray run(NDArray in, Supplier<NDArray> block) {
    if (!on) {
      return block.get();
    }
    NDArray out;
    try (NDScope scope = new NDScope()) {
      scope.suppressNotUsedWarning();
      out = block.get();
      NDScope.unregister(out);
    }
    NDScope.register(out); // the caller's scope frees it if a later block fails
    free(in);
    return out;
  }

  /** Frees {@code x} now when scopes are on (a tensor of this pass that no later step reads). */
  void free(NDArray x) {
    if (on && x != keep) {
      x.close();
    }
  }
}
