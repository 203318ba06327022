// Key/value cache of the decoder during generation: self-attention grows a step at a time, cross-attention is fixed.
package dev.reason2decide.model;

import ai.djl.ndarray.NDArray;

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
    selfK[layer] = selfK[layer] == null ? k : selfK[layer].concat(k, 2);
    selfV[layer] = selfV[layer] == null ? v : selfV[layer].concat(v, 2);
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
