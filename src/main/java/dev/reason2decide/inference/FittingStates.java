// The hidden states of a trained model that its trust statistics are fitted on (r2d trust fit, a run's model/).
package dev.reason2decide.inference;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import dev.reason2decide.batches.TokenBatch;
import dev.reason2decide.engine.Grad;
import java.util.ArrayList;
import java.util.List;

/**
 * What fitting reads from a {@link T5DecisionModel}, apart from deciding: the encoder states of {@code predict: x}
 * (pooled and per token) and the decoder states over a given rationale, teacher-forced under the rationale prompt
 * of the model's card. Each call works in its own native memory scope, on the model's device.
 */
public final class FittingStates {
  private FittingStates() {}

  /**
   * The encoder states of {@code predict: x} per text, from one pass: mean-pooled (B rows of D) and per token
   * (B rows of (S_i,D)), what the input and the token statistics are fitted on.
   */
  public record Inputs(float[][] pooled, float[][][] tokens) {}

  /** {@link Inputs} of {@code texts} under {@code model}. */
  public static Inputs inputs(T5DecisionModel model, List<String> texts) {
    return Grad.off(() -> {
      try (NDManager m = model.root.newSubManager(); NDScope scope = new NDScope()) {
        scope.suppressNotUsedWarning();
        NDArray[] im = model.predictInputs(m, texts);
        NDArray enc = model.model.encode(im[0], im[1], false);                 // (B,S,D)
        return new Inputs(PooledStates.mean(enc, im[1]), PooledStates.tokens(enc, im[1]));
      }
    });
  }

  /**
   * Mean-pooled decoder states (D) over each given rationale, teacher-forced under the prompt that explains
   * {@code labels[i]}: the states greedy decoding pools over a rationale it writes, computed in one pass.
   */
  public static float[][] rationales(T5DecisionModel model, List<String> texts, List<String> labels,
      List<String> rationales) {
    return Grad.off(() -> {
      try (NDManager m = model.root.newSubManager(); NDScope scope = new NDScope()) {
        scope.suppressNotUsedWarning();
        List<long[]> prompts = new ArrayList<>();
        List<long[]> targets = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
          prompts.add(model.tok.encode(model.explainPrompt(texts.get(i), labels.get(i)),
              model.card.maxInputTokens()).ids());
          targets.add(model.tok.encode(rationales.get(i), model.card.rationaleMaxNewTokens()).ids());
        }
        var t5 = model.model;
        NDArray[] em = TokenBatch.inputs(m, prompts, t5.config().padTokenId());
        NDArray enc = t5.encode(em[0], em[1], false);                                        // (B,S,D)
        long[][] gold = TokenBatch.labels(targets);                                          // (B,T), -100 pad
        NDArray hidden = t5.decode(TokenBatch.matrix(m, t5.shiftRight(gold)), enc, em[1], false); // (B,T,D)
        NDArray mask = TokenBatch.matrix(m, gold).gte(0L);                                   // (B,T)
        return PooledStates.mean(hidden, mask);
      }
    });
  }
}
