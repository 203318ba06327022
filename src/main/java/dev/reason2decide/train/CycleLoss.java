// Reason2Decide-C's cycle-consistency loss: the label recovered from the Gumbel-softmax of the rationale logits.
package dev.reason2decide.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.core.Embedding;
import dev.reason2decide.batches.TokenBatch;
import dev.reason2decide.engine.Grad;
import dev.reason2decide.engine.Tensors;
import dev.reason2decide.engine.TorchKernels;
import dev.reason2decide.model.T5Model;
import dev.reason2decide.prompts.PromptTemplates;
import dev.reason2decide.tokens.TextTokenizer;

/**
 * L_cycle of one micro-batch, as {@code r2dc_stage2.py} computes it: the teacher-forced rationale logits (B,R,V)
 * pass through a soft Gumbel-softmax at temperature τ_g, the soft tokens are embedded with the input embedding
 * matrix (B,R,V)·(V,D), the embeddings of the prediction prompt's prefix ({@code predict:}, no gradient to them)
 * are put in front, and the model must predict, as ordinary label tokens, the label that was used in the rationale
 * prompt (ŷ or gold). The soft tokens at the rationale's padding positions are masked out of the encoder (the code
 * attends to them; see docs/training.md). Gradients reach the rationale logits, the embedding matrix and the model.
 */
final class CycleLoss {
  /** The loss (a 0-d tensor on the gradient path) and the token accuracy of its arg-max (no gradient). */
  record Result(NDArray loss, double accuracy) {}

  private CycleLoss() {}

  /**
   * The prefix of the prediction template (its text before {@code {x}}, trailing spaces dropped, as the code's
   * tokenizer drops them from {@code "predict: "}) as token ids without {@code </s>}.
   */
  static long[] prefixIds(TextTokenizer tok, PromptTemplates prompts) {
    String before = prompts.predict().substring(0, prompts.predict().indexOf("{x}")).stripTrailing();
    return before.isEmpty() ? new long[0] : tok.encodePlain(before);
  }

  /**
   * L_cycle for rationale logits (B,R,V) of the rationale labels (B,R, -100 at padding), Gumbel noise of the
   * logits' shape, the prefix ids (P) and the labels used in the prompts (B,L, -100 at padding).
   */
  static Result compute(T5Model model, NDManager m, NDArray rationaleLogits, long[][] rationaleLabels,
      NDArray gumbels, float temperature, long[] prefix, long[][] labels, boolean train) {
    int b = rationaleLabels.length;
    int r = rationaleLabels[0].length;
    int p = prefix.length;
    NDArray shared = model.parameters().get("shared.weight");                                     // (V,D)
    long d = shared.getShape().get(1);
    NDArray soft = TorchKernels.gumbelSoftmax(rationaleLogits, gumbels, Tensors.scalar(m, temperature)); // (B,R,V)
    NDArray embedded = soft.matMul(shared);                                                     // (B,R,D)
    long[] mask = new long[b * (p + r)];
    for (int i = 0; i < b; i++) {
      for (int j = 0; j < p + r; j++) {
        mask[i * (p + r) + j] = j < p || rationaleLabels[i][j - p] != -100 ? 1 : 0;
      }
    }
    NDArray inputs = embedded;
    if (p > 0) {
      NDArray ids = m.create(prefix, new Shape(1, p));
      NDArray prefixEmbedded = Grad.off(() -> Embedding.embedding(ids, shared, SparseFormat.DENSE)
          .singletonOrThrow());                                                                  // (1,P,D)
      NDArray repeated = prefixEmbedded.broadcast(new Shape(b, p, d));                            // (B,P,D)
      inputs = NDArrays.concat(new NDList(repeated, embedded), 1);                                // (B,P+R,D)
    }
    NDArray attention = m.create(mask, new Shape(b, p + r));                                      // (B,P+R)
    NDArray enc = model.encodeEmbedded(inputs, attention, train);                                 // (B,P+R,D)
    NDArray logits = model.logits(model.decode(TokenBatch.matrix(m, model.shiftRight(labels)), enc, attention,
        train));                                                                                  // (B,L,V)
    NDArray target = TokenBatch.matrix(m, labels);                                                // (B,L)
    NDArray loss = T5Model.loss(logits, target);
    double accuracy = Grad.off(() -> {
      NDArray valid = target.gte(0L);                                                             // (B,L)
      NDArray hit = logits.argMax(-1).eq(target).logicalAnd(valid);                              // (B,L)
      return (double) hit.toType(DataType.FLOAT32, false).sum().getFloat()
          / valid.toType(DataType.FLOAT32, false).sum().getFloat();
    });
    return new Result(loss, accuracy);
  }
}
