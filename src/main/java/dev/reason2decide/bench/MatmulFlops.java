// Analytic count of the matrix-multiply FLOPs of a T5 forward pass; a training step is counted as three forwards.
package dev.reason2decide.bench;

import dev.reason2decide.model.T5Config;

/**
 * Multiply-adds × 2 of every projection, attention product and the LM head for batch B, source S, target T
 * (teacher forcing). Element-wise work (norms, softmax, activations, the optimiser) is not counted, as in the usual
 * model-FLOP-utilisation accounting; backward is taken as twice the forward.
 */
public final class MatmulFlops {
  private MatmulFlops() {}

  /** FLOPs of one forward pass. */
  public static double forward(T5Config c, long b, long s, long t) {
    double d = c.dModel();
    double inner = c.innerDim();
    double ff = c.dFf() * (c.gated() ? 2.0 : 1.0) + c.dFf(); // wi (or wi_0 and wi_1) plus wo, per d_model
    double h = c.numHeads();
    double k = c.dKv();
    double enc = c.numLayers() * (2.0 * b * s * d * inner * 4 + 2.0 * b * h * s * s * k * 2 + 2.0 * b * s * d * ff);
    double dec = c.numDecoderLayers() * (2.0 * b * t * d * inner * 4 + 2.0 * b * h * t * t * k * 2 // self-attention
        + 2.0 * b * t * d * inner * 2 + 2.0 * b * s * d * inner * 2 + 2.0 * b * h * t * s * k * 2 // cross-attention
        + 2.0 * b * t * d * ff);
    double head = 2.0 * b * t * d * c.vocabSize();
    return enc + dec + head;
  }

  /** FLOPs of one training step (forward + backward ≈ 3 × forward). */
  public static double trainStep(T5Config c, long b, long s, long t) {
    return 3 * forward(c, b, s, t);
  }
}
