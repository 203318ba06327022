// Switches autograd recording off for a block (torch.no_grad), e.g. decoding ŷ in the middle of a training step.
package dev.reason2decide.engine;

import ai.djl.pytorch.jni.JniUtils;
import java.util.function.Supplier;

/** torch.no_grad() for DJL's PyTorch engine. */
public final class Grad {
  private Grad() {}

  /** Runs {@code body} with gradient recording off, then restores the previous mode. */
  public static <T> T off(Supplier<T> body) {
    boolean was = JniUtils.isGradMode();
    JniUtils.setGradMode(false);
    try {
      return body.get();
    } finally {
      JniUtils.setGradMode(was);
    }
  }

  /** Whether this thread records gradients now (false inside {@link #off}). */
  public static boolean isOn() {
    return JniUtils.isGradMode();
  }

  /** Seeds torch's generator (dropout masks) deterministically. */
  public static void seed(long seed) {
    JniUtils.setSeed(seed);
  }
}
