// Creating long-lived tensors whose memory belongs to torch, not to a Java buffer that the garbage collector may free.
package dev.reason2decide.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * DJL's {@code NDManager.create(float[])} wraps a direct Java buffer with {@code torch::from_blob}: the tensor's
 * memory is the buffer's. Views and autograd state that outlive the wrapping NDArray then point at memory the
 * garbage collector frees, which showed up here as NaN weights after a few steps. Weights and optimiser state are
 * therefore cloned into torch-owned memory.
 */
public final class Tensors {
  private Tensors() {}

  /**
   * A 0-d tensor in torch-owned memory. DJL's {@code x.mul(0.5f)} wraps the number in a temporary NDArray over a
   * Java buffer and closes it at once; autograd keeps that tensor for the backward pass of a product, and when the
   * garbage collector frees the buffer first, the backward reads garbage (NaN gradients at random steps, more often
   * under GC pressure). Every scalar on a gradient path goes through here instead.
   */
  public static NDArray scalar(NDManager m, float value) {
    return m.full(new Shape(), value);
  }

  /** A tensor with these values whose storage torch allocated and owns. */
  public static NDArray owned(NDManager m, float[] values, Shape shape) {
    try (NDArray blob = m.create(values, shape)) {
      NDArray copy = blob.duplicate();
      return copy;
    }
  }
}
