// The T5 encoder-decoder forward pass with transformers' arithmetic, on DJL NDArrays (autograd-capable).
package dev.reason2decide.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.core.Embedding;
import ai.djl.nn.core.Linear;
import dev.reason2decide.batches.TokenBatch;
import dev.reason2decide.engine.Tensors;
import dev.reason2decide.engine.TorchKernels;

/**
 * {@code T5ForConditionalGeneration} as a set of functions over {@link T5Parameters}: encoder, decoder (full or
 * one step at a time with a key/value cache), language-model head and loss. Shapes: B batch, S source length,
 * T target length, D d_model, H heads, K d_kv, V vocabulary. All arithmetic is F32. Dropout is applied only when
 * {@code training} is true, at the places transformers applies it.
 */
public final class T5Model {
  /** torch.finfo(float32).min, the additive mask transformers uses. */
  static final float MASK_MIN = -3.4028234663852886e38f;

  private final T5Config c;
  private final T5Parameters p;
  private final NDArray epsilon;

  public T5Model(T5Parameters parameters) {
    this.p = parameters;
    this.c = parameters.config();
    // a 0-d torch-owned constant that lives with the weights (never in a step's scope)
    this.epsilon = Tensors.scalar(parameters.get("shared.weight").getManager(), c.layerNormEpsilon());
    ai.djl.ndarray.NDScope.unregister(epsilon);
  }

  public T5Config config() {
    return c;
  }

  public T5Parameters parameters() {
    return p;
  }

  // ---------------------------------------------------------------- building blocks

  private NDArray linear(NDArray x, String weight) {
    return Linear.linear(x, p.get(weight)).singletonOrThrow();
  }

  /**
   * Inverted dropout, x · 1[u ≥ p] / (1 − p) with u ~ U(0,1) from torch's generator (same distribution as torch's
   * dropout, other random numbers); the scale is a torch-owned scalar (see {@link Tensors#scalar}).
   */
  private NDArray dropout(NDArray x, boolean training) {
    if (!training || c.dropoutRate() == 0f) {
      return x;
    }
    float p = c.dropoutRate();
    NDArray keep = x.getManager().randomUniform(0f, 1f, x.getShape()).gte(p).toType(DataType.FLOAT32, false);
    return x.mul(keep.mul(Tensors.scalar(x.getManager(), 1f / (1f - p))));
  }

  /** T5LayerNorm: w · x · rsqrt(mean(x²) + eps), no mean subtraction, no bias; x is (…, D), torch's own ops. */
  private NDArray rmsNorm(NDArray x, String weight) {
    return TorchKernels.rmsNorm(x, p.get(weight), epsilon);
  }

  private NDArray activation(NDArray x) {
    return switch (c.act()) {
      case "relu" -> x.getNDArrayInternal().relu();
      case "silu" -> x.mul(x.getNDArrayInternal().sigmoid());
      // gelu_new / "gated-gelu": 0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³))), as torch's single tanh-GELU kernel
      default -> TorchKernels.geluTanh(x);
    };
  }

  private NDArray feedForward(NDArray x, String prefix, boolean training) {
    NDArray h;
    if (c.gated()) {
      h = activation(linear(x, prefix + "wi_0.weight")).mul(linear(x, prefix + "wi_1.weight")); // (B,T,F)
    } else {
      h = activation(linear(x, prefix + "wi.weight"));
    }
    h = dropout(h, training);
    return linear(h, prefix + "wo.weight"); // (B,T,D)
  }

  /** (B,T,H·K) → (B,H,T,K). */
  private NDArray heads(NDArray x) {
    long b = x.getShape().get(0);
    long t = x.getShape().get(1);
    return x.reshape(b, t, c.numHeads(), c.dKv()).transpose(0, 2, 1, 3);
  }

  /**
   * Attention of queries from {@code x} over keys/values {@code k}, {@code v} (B,H,L,K) with an additive
   * {@code bias} broadcastable to (B,H,T,L). No 1/√K scaling (T5 folds it into the initialisation). With
   * {@code freeEarly} (inference, autograd off) the bias is added in place and the scores are freed as soon as the
   * next tensor is made: the same numbers, one or two (B,H,T,L) tensors alive at a time instead of four.
   */
  private NDArray attend(NDArray x, NDArray k, NDArray v, NDArray bias, String prefix, boolean training,
      boolean freeEarly) {
    NDArray q = heads(linear(x, prefix + "q.weight"));               // (B,H,T,K)
    NDArray raw = q.matMul(k.transpose(0, 1, 3, 2));                 // (B,H,T,L)
    NDArray scores = freeEarly ? raw.addi(bias) : raw.add(bias);
    NDArray weights = dropout(scores.softmax(-1), training);
    if (freeEarly) {
      raw.close();
    }
    NDArray ctx = weights.matMul(v).transpose(0, 2, 1, 3);           // (B,T,H,K)
    if (freeEarly) {
      weights.close();
    }
    long b = q.getShape().get(0);
    long t = q.getShape().get(2);
    return linear(ctx.reshape(b, t, c.innerDim()), prefix + "o.weight"); // (B,T,D)
  }

  /** Learned relative position bias (1,H,Q,L) for queries offset..offset+Q-1 against L keys. */
  public NDArray positionBias(NDManager m, String stack, int qLen, int kLen, int offset) {
    boolean bidirectional = stack.equals("encoder");
    long[] buckets = RelativePositions.buckets(qLen, kLen, offset, bidirectional, c.relativeAttentionNumBuckets(),
        c.relativeAttentionMaxDistance());
    NDArray ids = m.create(buckets, new Shape(qLen, kLen));
    NDArray table = p.get(stack + ".block.0.layer.0.SelfAttention.relative_attention_bias.weight"); // (nb,H)
    NDArray bias = Embedding.embedding(ids, table, SparseFormat.DENSE).singletonOrThrow();          // (Q,L,H)
    return bias.transpose(2, 0, 1).expandDims(0);                                                  // (1,H,Q,L)
  }

  /** Padding mask (B,S) of 1/0 → additive (B,1,1,S) with 0 for tokens and finfo.min for padding. */
  public static NDArray additiveMask(NDArray mask) {
    NDArray m = mask.toType(DataType.FLOAT32, false);
    long b = m.getShape().get(0);
    long s = m.getShape().get(1);
    return m.neg().add(1f).mul(MASK_MIN).reshape(b, 1, 1, s);
  }

  private NDArray embed(NDArray ids) {
    return Embedding.embedding(ids, p.get("shared.weight"), SparseFormat.DENSE).singletonOrThrow();
  }

  // ---------------------------------------------------------------- encoder

  /** Encoder: ids (B,S) int64, mask (B,S) 1/0 → last hidden state (B,S,D). */
  public NDArray encode(NDArray inputIds, NDArray attentionMask, boolean training) {
    return encodeEmbedded(embed(inputIds), attentionMask, training);
  }

  /**
   * Encoder from input embeddings (B,S,D) instead of ids (transformers' {@code inputs_embeds}: dropout, then the
   * blocks), e.g. Reason2Decide-C's soft rationale tokens; mask (B,S) 1/0 → last hidden state (B,S,D).
   */
  public NDArray encodeEmbedded(NDArray embeddings, NDArray attentionMask, boolean training) {
    NDManager m = embeddings.getManager();
    int s = (int) embeddings.getShape().get(1);
    NDArray h = dropout(embeddings, training);                                         // (B,S,D)
    NDArray bias = positionBias(m, "encoder", s, s, 0).add(additiveMask(attentionMask)); // (B,H,S,S)
    LayerScopes scopes = LayerScopes.of(training, embeddings);
    for (int i = 0; i < c.numLayers(); i++) {
      String l = "encoder.block." + i + ".layer.";
      NDArray in = h;
      h = scopes.run(in, () -> {
        NDArray a = selfAttention(in, l, bias, training, scopes.on());
        return a.add(dropout(feedForward(rmsNorm(a, l + "1.layer_norm.weight"), l + "1.DenseReluDense.", training),
            training));
      });
    }
    scopes.free(bias);
    return dropout(rmsNorm(h, "encoder.final_layer_norm.weight"), training);
  }

  /**
   * Layer {@code l}'s pre-norm self-attention sublayer with its residual, in encoder and decoder alike:
   * in + dropout(attention(rmsNorm(in))), keys and values from the same normed input. in (B,L,D) → (B,L,D).
   */
  private NDArray selfAttention(NDArray in, String l, NDArray bias, boolean training, boolean scoped) {
    NDArray x = rmsNorm(in, l + "0.layer_norm.weight");                 // (B,L,D)
    NDArray kk = heads(linear(x, l + "0.SelfAttention.k.weight"));      // (B,H,L,dKv)
    NDArray vv = heads(linear(x, l + "0.SelfAttention.v.weight"));      // (B,H,L,dKv)
    return in.add(dropout(attend(x, kk, vv, bias, l + "0.SelfAttention.", training, scoped), training));
  }

  // ---------------------------------------------------------------- decoder (whole sequence, teacher forcing)

  /** Causal additive mask (1,1,T,T): 0 on and below the diagonal, finfo.min above. */
  private static NDArray causalMask(NDManager m, int t) {
    float[] v = new float[t * t];
    for (int i = 0; i < t; i++) {
      for (int j = i + 1; j < t; j++) {
        v[i * t + j] = MASK_MIN;
      }
    }
    return m.create(v, new Shape(1, 1, t, t));
  }

  /** Decoder over the whole target: ids (B,T), encoder states (B,S,D), mask (B,S) → hidden (B,T,D). */
  public NDArray decode(NDArray decoderIds, NDArray encoderStates, NDArray encoderMask, boolean training) {
    NDManager m = decoderIds.getManager();
    int t = (int) decoderIds.getShape().get(1);
    NDArray h = dropout(embed(decoderIds), training);
    NDArray selfBias = positionBias(m, "decoder", t, t, 0).add(causalMask(m, t)); // (1,H,T,T)
    NDArray crossBias = additiveMask(encoderMask);                                // (B,1,1,S)
    LayerScopes scopes = LayerScopes.of(training, null);
    for (int i = 0; i < c.numDecoderLayers(); i++) {
      String l = "decoder.block." + i + ".layer.";
      NDArray in = h;
      h = scopes.run(in, () -> {
        NDArray a = selfAttention(in, l, selfBias, training, scopes.on());
        NDArray x = rmsNorm(a, l + "1.layer_norm.weight");
        NDArray ck = heads(linear(encoderStates, l + "1.EncDecAttention.k.weight"));
        NDArray cv = heads(linear(encoderStates, l + "1.EncDecAttention.v.weight"));
        a = a.add(dropout(attend(x, ck, cv, crossBias, l + "1.EncDecAttention.", training, scopes.on()), training));
        return a.add(dropout(feedForward(rmsNorm(a, l + "2.layer_norm.weight"), l + "2.DenseReluDense.", training),
            training));
      });
    }
    scopes.free(selfBias);
    scopes.free(crossBias);
    return dropout(rmsNorm(h, "decoder.final_layer_norm.weight"), training);
  }

  /** Up to this many rows the LM head is computed as (W·hᵀ)ᵀ (see {@link #logits}). */
  static final long FEW_ROWS = 64;

  /**
   * LM head: hidden (…,D) → logits (…,V); a tied head first scales by D^-0.5 when the config says so. For a few rows
   * (one decoding step) the product is taken as (W·hᵀ)ᵀ: the same dot products, but a (V,D)·(D,R) GEMM, which the
   * BLAS parallelises over the 32k vocabulary rows, where h·Wᵀ with R = 8 rows ran 2.7× slower at 2 threads.
   */
  public NDArray logits(NDArray hidden) {
    NDManager m = hidden.getManager();
    NDArray h = c.tieWordEmbeddings() && c.scaleDecoderOutputs()
        ? hidden.mul(Tensors.scalar(m, (float) Math.pow(c.dModel(), -0.5))) : hidden;
    Shape shape = h.getShape();
    long rows = shape.size() / c.dModel();
    if (rows > FEW_ROWS) {
      return Linear.linear(h, p.lmHead()).singletonOrThrow();
    }
    NDArray byVocabulary = p.lmHead().matMul(h.reshape(rows, c.dModel()).transpose()); // (V,R), in W's manager
    byVocabulary.attach(m);                                                              // so: into the caller's
    long[] out = shape.getShape().clone();
    out[out.length - 1] = c.vocabSize();
    return byVocabulary.transpose().reshape(new Shape(out));                             // (…,V)
  }

  /** Decoder input ids from labels: start token, then labels shifted right, -100 replaced by pad. (B,T) int64. */
  public long[][] shiftRight(long[][] labels) {
    long[][] out = new long[labels.length][];
    for (int b = 0; b < labels.length; b++) {
      out[b] = new long[labels[b].length];
      out[b][0] = c.decoderStartTokenId();
      for (int j = 1; j < labels[b].length; j++) {
        long v = labels[b][j - 1];
        out[b][j] = v == -100 ? c.padTokenId() : v;
      }
    }
    return out;
  }

  /** Mean token cross-entropy over label positions ≠ -100. logits (B,T,V), labels (B,T) int64 → scalar. */
  public static NDArray loss(NDArray logits, NDArray labels) {
    NDArray valid = labels.gte(0L);                                       // (B,T) bool
    NDArray safe = labels.mul(valid.toType(DataType.INT64, false));       // -100 → 0
    NDArray logp = logits.logSoftmax(-1);                                 // (B,T,V)
    NDArray picked = logp.gather(safe.expandDims(-1), -1).squeeze(-1);    // (B,T)
    NDArray w = valid.toType(DataType.FLOAT32, false);
    return picked.mul(w).sum().neg().div(w.sum());
  }

  /**
   * The teacher-forced loss every caller uses: the decoder reads the labels shifted right (B,T), and {@link #loss}
   * scores its logits against them. {@code enc} is the encoder output (B,S,D) for {@code mask} (B,S); labels are
   * padded with -100; index tensors are made in {@code m}.
   */
  public NDArray teacherForcedLoss(NDManager m, NDArray enc, NDArray mask, long[][] labels, boolean train) {
    NDArray logits = logits(decode(TokenBatch.matrix(m, shiftRight(labels)), enc, mask, train)); // (B,T,V)
    return loss(logits, TokenBatch.matrix(m, labels));
  }

  /** Per-example sums of label log-probabilities (B): the scores of candidate sequences. */
  public static NDArray sequenceLogProb(NDArray logits, NDArray labels) {
    NDArray valid = labels.gte(0L);
    NDArray safe = labels.mul(valid.toType(DataType.INT64, false));
    NDArray picked = logits.logSoftmax(-1).gather(safe.expandDims(-1), -1).squeeze(-1); // (B,T)
    return picked.mul(valid.toType(DataType.FLOAT32, false)).sum(new int[] {1});
  }

  // ---------------------------------------------------------------- incremental decoding

  /**
   * (N,H,S,K) laid out densely. {@link #heads} is a transposed view, which every batched matMul would otherwise
   * copy again at each decoding step; reshaping through (N·H,S,K), which no view can express, copies it once.
   */
  private static NDArray contiguous(NDArray x) {
    Shape s = x.getShape();
    return x.reshape(s.get(0) * s.get(1), s.get(2), s.get(3)).reshape(s);
  }

  /** Starts step-by-step decoding: cross-attention keys/values are computed once here. */
  public DecoderCache startDecoding(NDArray encoderStates, NDArray encoderMask) {
    int n = c.numDecoderLayers();
    NDArray[] ck = new NDArray[n];
    NDArray[] cv = new NDArray[n];
    for (int i = 0; i < n; i++) {
      String l = "decoder.block." + i + ".layer.1.EncDecAttention.";
      ck[i] = contiguous(heads(linear(encoderStates, l + "k.weight"))); // (N,H,S,K)
      cv[i] = contiguous(heads(linear(encoderStates, l + "v.weight")));
    }
    return new DecoderCache(ck, cv, additiveMask(encoderMask));
  }

  /**
   * One decoder step: the newest tokens (N,1) → logits (N,V); appends this step's keys/values to the cache.
   */
  public NDArray step(DecoderCache cache, NDArray lastTokens, boolean training) {
    return logits(stepHidden(cache, lastTokens, training)).squeeze(1);                 // (N,V)
  }

  /**
   * {@link #step} up to the decoder's final layer norm: the newest tokens (N,1) → hidden (N,1,D), the states the LM
   * head reads (trust statistics pool them over a generated rationale).
   */
  public NDArray stepHidden(DecoderCache cache, NDArray lastTokens, boolean training) {
    NDManager m = lastTokens.getManager();
    int pos = cache.length();
    NDArray h = dropout(embed(lastTokens), training);                     // (N,1,D)
    NDArray selfBias = positionBias(m, "decoder", 1, pos + 1, pos);       // (1,H,1,pos+1)
    for (int i = 0; i < c.numDecoderLayers(); i++) {
      String l = "decoder.block." + i + ".layer.";
      NDArray x = rmsNorm(h, l + "0.layer_norm.weight");
      NDArray kk = heads(linear(x, l + "0.SelfAttention.k.weight"));      // (N,H,1,K)
      NDArray vv = heads(linear(x, l + "0.SelfAttention.v.weight"));
      cache.append(i, kk, vv);
      h = h.add(dropout(attend(x, cache.selfK(i), cache.selfV(i), selfBias, l + "0.SelfAttention.", training,
          false), training));
      x = rmsNorm(h, l + "1.layer_norm.weight");
      h = h.add(dropout(attend(x, cache.crossK(i), cache.crossV(i), cache.crossBias(), l + "1.EncDecAttention.",
          training, false), training));
      h = h.add(dropout(feedForward(rmsNorm(h, l + "2.layer_norm.weight"), l + "2.DenseReluDense.", training),
          training));
    }
    cache.advance();
    return dropout(rmsNorm(h, "decoder.final_layer_norm.weight"), training); // (N,1,D)
  }
}
