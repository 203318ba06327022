// The native memory one input token holds while a T5 decision runs: what the service's admission is sized by.
package dev.reason2decide.inference;

import dev.reason2decide.model.T5Config;

/**
 * An upper estimate of the native memory one input token holds while its decision runs. The two passes (predict,
 * then explain) run one after the other, each encoder block frees its intermediates when it ends
 * ({@code model.LayerScopes}), so what one token holds at most is one block's: {@value #ATTENTION_COPIES}
 * (B,H,S,S) tensors alive together (the mask-and-position bias, the scores, their softmax), counted at the model's
 * longest input S because they grow with its square, and about {@value #BLOCK_ACTIVATIONS} × d_model + 4 × d_ff
 * floats of activations; added to that (the encoder's peak and the decoding that follows are not simultaneous, so
 * this is an upper estimate), the encoder output, the decoder's cross-attention keys and values (4 × inner
 * dimension per decoder layer: the projections and their contiguous copies), and the label scoring's copy of the
 * encoder output and one decoder block's keys and values per label. Checked against the resident size in
 * {@code ServeMemoryReliabilityTest}; docs/limits.md (memory) has the figures.
 */
public final class InferenceMemory {
  /** (B,H,S,S) tensors alive at once in an encoder block at inference: bias, scores (bias added in place), softmax. */
  static final int ATTENTION_COPIES = 3;
  /** Tensors of (B,S,width) one encoder block keeps until it ends (norms, q, k, v, context, outputs, residuals). */
  static final int BLOCK_ACTIVATIONS = 12;

  private InferenceMemory() {}

  /** Bytes per input token of a model of configuration {@code c}, inputs of {@code maxInputTokens}, {@code labels}. */
  public static long bytesPerInputToken(T5Config c, int maxInputTokens, int labels) {
    long width = Math.max(c.dModel(), c.innerDim());
    long encoderBlock = (long) ATTENTION_COPIES * c.numHeads() * maxInputTokens + BLOCK_ACTIVATIONS * width
        + 4L * c.dFf();
    long decoding = c.dModel() + 4L * c.innerDim() * c.numDecoderLayers()
        + (long) labels * (c.dModel() + 2L * c.innerDim());
    return (encoderBlock + decoding) * Float.BYTES;
  }
}
