// Key/value cache of the decoder during generation: self-attention grows a step at a time, cross-attention is fixed.
package dev.reason2decide.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;

/** Per decoder layer: self-attention K/V (N,H,t,K) and cross-attention K/V (N,H,S,K), plus the encoder mask. */
public final class DecoderCache {
  private final NDArray[] selfK;
  private final NDArray[] selfV;
  private final NDArray[] crossK;
  private final NDArray[] crossV;
  private NDArray crossBias;
  private int length;

  DecoderCache(NDArray[] crossK, NDArray[] crossV, NDArray crossBias) {
    this.crossK = crossK;
    this.crossV = crossV;
    this.crossBias = crossBias;
    this.selfK = new NDArray[crossK.length];
    this.selfV = new NDArray[crossK.length];
  }

  /** Number of decoder positions already in the cache. */
  public int length() {
    return length;
  }

  void append(int layer, NDArray k, NDArray v) {
    selfK[layer] = grow(selfK[layer], k);
    selfV[layer] = grow(selfV[layer], v);
  }

  /** The cache extended by one position; the shorter tensor is released at once (only the cache refers to it). */
  private static NDArray grow(NDArray old, NDArray step) {
    if (old == null) {
      return step;
    }
    NDArray out = old.concat(step, 2);
    old.close();
    return out;
  }

  /**
   * Lets the self-attention keys/values outlive the {@link NDScope} the last step ran in. A decoder that runs every
   * step in its own scope (so that the step's intermediates are freed at once) calls this before closing the
   * scope, and {@link #release} when it is done.
   */
  public void keep() {
    for (int i = 0; i < selfK.length; i++) {
      if (selfK[i] != null) {
        NDScope.unregister(selfK[i], selfV[i]);
      }
    }
  }

  /** Frees the self-attention keys/values (after {@link #keep}, nothing else would). */
  public void release() {
    for (int i = 0; i < selfK.length; i++) {
      if (selfK[i] != null) {
        selfK[i].close();
        selfV[i].close();
        selfK[i] = null;
        selfV[i] = null;
      }
    }
  }

  void advance() {
    length++;
  }

  NDArray selfK(int i) {
    return selfK[i];
  }

  NDArray selfV(int i) {
    return selfV[i];
  }

  NDArray crossK(int i) {
    return crossK[i];
  }

  NDArray crossV(int i) {
    return crossV[i];
  }

  NDArray crossBias() {
    return crossBias;
  }

  /** Keeps rows {@code index} (N') of every cached tensor, in that order (beam search reordering). */
  public void reorder(NDArray index) {
    for (int i = 0; i < selfK.length; i++) {
      if (selfK[i] != null) {
        selfK[i] = selfK[i].get(index);
        selfV[i] = selfV[i].get(index);
      }
      crossK[i] = crossK[i].get(index);
      crossV[i] = crossV[i].get(index);
    }
    crossBias = crossBias.get(index);
  }
}
