// A BERT/RoBERTa encoder forward pass in DJL NDArray ops: embeddings, then post-LayerNorm transformer layers.
package dev.reason2decide.eval.bertscore;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.norm.LayerNorm;
import dev.reason2decide.engine.DeviceSpec;
import dev.reason2decide.engine.Engines;
import dev.reason2decide.model.safetensors.TensorEntry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Hugging Face's BertModel / RobertaModel arithmetic without dropout: word + position + token-type(0) embeddings,
 * LayerNorm (with bias), then per layer multi-head self-attention with a padding mask, residual + LayerNorm,
 * a GELU feed-forward, residual + LayerNorm. Only the first {@code layers} layers are loaded and run, since
 * BERTScore reads {@code hidden_states[layer]} (0 = the embedding output). Weights live in one NDManager owned by
 * this object; every batch runs in its own sub-manager.
 */
public final class TransformerEncoder implements AutoCloseable {
  private final EncoderConfig config;
  private final int layers;
  private final NDManager manager;
  private final NDArray wordEmb;
  private final NDArray posEmb;
  private final NDArray typeEmb0;
  private final NDArray embLnW;
  private final NDArray embLnB;
  private final List<Layer> stack = new ArrayList<>();

  /** One transformer layer; weight matrices are kept transposed to (in, out) for x·W. */
  private record Layer(NDArray q, NDArray qb, NDArray k, NDArray kb, NDArray v, NDArray vb, NDArray o, NDArray ob,
      NDArray ln1w, NDArray ln1b, NDArray up, NDArray upb, NDArray down, NDArray downb, NDArray ln2w,
      NDArray ln2b) {}

  private TransformerEncoder(EncoderConfig config, int layers, EncoderWeights w, DeviceSpec device) {
    this.config = config;
    this.layers = layers;
    this.manager = Engines.newManager(device);
    try {
      long h = config.hiddenSize();
      long inter = config.intermediateSize();
      wordEmb = load(w.get("embeddings.word_embeddings.weight", config.vocabSize(), h));
      posEmb = load(w.get("embeddings.position_embeddings.weight", config.maxPositions(), h));
      typeEmb0 = load(w.get("embeddings.token_type_embeddings.weight", config.typeVocabSize(), h)).get(0);
      embLnW = load(w.get("embeddings.LayerNorm.weight", h));
      embLnB = load(w.get("embeddings.LayerNorm.bias", h));
      for (int i = 0; i < layers; i++) {
        String p = "encoder.layer." + i + ".";
        stack.add(new Layer(
            load(w.get(p + "attention.self.query.weight", h, h)).transpose(),
            load(w.get(p + "attention.self.query.bias", h)),
            load(w.get(p + "attention.self.key.weight", h, h)).transpose(),
            load(w.get(p + "attention.self.key.bias", h)),
            load(w.get(p + "attention.self.value.weight", h, h)).transpose(),
            load(w.get(p + "attention.self.value.bias", h)),
            load(w.get(p + "attention.output.dense.weight", h, h)).transpose(),
            load(w.get(p + "attention.output.dense.bias", h)),
            load(w.get(p + "attention.output.LayerNorm.weight", h)),
            load(w.get(p + "attention.output.LayerNorm.bias", h)),
            load(w.get(p + "intermediate.dense.weight", inter, h)).transpose(),
            load(w.get(p + "intermediate.dense.bias", inter)),
            load(w.get(p + "output.dense.weight", h, inter)).transpose(),
            load(w.get(p + "output.dense.bias", h)),
            load(w.get(p + "output.LayerNorm.weight", h)),
            load(w.get(p + "output.LayerNorm.bias", h))));
      }
    } catch (RuntimeException e) {
      manager.close();
      throw e;
    }
  }

  /**
   * Loads {@code dir}'s config.json and the weights of the embeddings and the first {@code layers} layers.
   * {@code layers} must lie in 0..num_hidden_layers.
   */
  public static TransformerEncoder load(Path dir, int layers) {
    return load(dir, layers, DeviceSpec.fromEnvironment());
  }

  /** As {@link #load(Path, int)}, onto {@code device} (weights and every tensor of every call). */
  public static TransformerEncoder load(Path dir, int layers, DeviceSpec device) {
    EncoderConfig config = EncoderConfig.load(dir);
    if (layers < 0 || layers > config.numLayers()) {
      throw new IllegalArgumentException(dir + ": layer " + layers + " does not exist (the model has layers 0.."
          + config.numLayers() + ", 0 = embeddings)");
    }
    return new TransformerEncoder(config, layers, EncoderWeights.open(dir), device);
  }

  private NDArray load(TensorEntry t) {
    return manager.create(t.toFloats(), new Shape(t.shape()));
  }

  public EncoderConfig config() {
    return config;
  }

  /**
   * Hidden states after {@link #layers} layers for each sequence of ids: element i is a (len_i × hidden) row-major
   * array. Sequences longer than {@link EncoderConfig#maxTokens()} are an error (truncate before calling).
   */
  public List<float[]> hiddenStates(List<long[]> sequences) {
    int b = sequences.size();
    List<float[]> out = new ArrayList<>(b);
    if (b == 0) {
      return out;
    }
    int t = 0;
    for (long[] s : sequences) {
      if (s.length > config.maxTokens()) {
        throw new IllegalArgumentException("sequence of " + s.length + " tokens is longer than the model's "
            + config.maxTokens());
      }
      t = Math.max(t, s.length);
    }
    int h = config.hiddenSize();
    long[] ids = new long[b * t];
    long[] positions = new long[b * t];
    float[] keyMask = new float[b * t];
    for (int i = 0; i < b; i++) {
      long[] s = sequences.get(i);
      for (int j = 0; j < t; j++) {
        boolean real = j < s.length;
        ids[i * t + j] = real ? s[j] : config.padTokenId();
        // RoBERTa: padding keeps position pad_token_id; real tokens count up from pad_token_id + 1
        positions[i * t + j] = real ? config.firstPosition() + j : config.roberta() ? config.padTokenId() : j;
        keyMask[i * t + j] = real ? 0f : -Float.MAX_VALUE;
      }
    }
    try (NDManager m = manager.newSubManager()) {
      NDArray idArr = m.create(ids);
      NDArray posArr = m.create(positions);
      // x is (B, T, H)
      NDArray x = wordEmb.get(m, new NDIndex("{}", idArr))
          .add(posEmb.get(m, new NDIndex("{}", posArr)))
          .add(typeEmb0)
          .reshape(b, t, h);
      x = layerNorm(x, embLnW, embLnB);
      // additive mask (B, 1, 1, T): 0 for tokens, float min for padding, as transformers builds it
      NDArray mask = m.create(keyMask, new Shape(b, 1, 1, t));
      for (Layer layer : stack) {
        x = layer(x, layer, mask, b, t);
      }
      float[] all = x.toFloatArray();
      for (int i = 0; i < b; i++) {
        int len = sequences.get(i).length;
        float[] one = new float[len * h];
        System.arraycopy(all, i * t * h, one, 0, len * h);
        out.add(one);
      }
    }
    return out;
  }

  private NDArray layer(NDArray x, Layer w, NDArray mask, int b, int t) {
    int heads = config.numHeads();
    int hd = config.hiddenSize() / heads;
    // q, k, v are (B, heads, T, hd)
    NDArray q = x.matMul(w.q()).add(w.qb()).reshape(b, t, heads, hd).transpose(0, 2, 1, 3);
    NDArray k = x.matMul(w.k()).add(w.kb()).reshape(b, t, heads, hd).transpose(0, 2, 1, 3);
    NDArray v = x.matMul(w.v()).add(w.vb()).reshape(b, t, heads, hd).transpose(0, 2, 1, 3);
    // scores are (B, heads, T, T)
    NDArray scores = q.matMul(k.transpose(0, 1, 3, 2)).div(Math.sqrt(hd)).add(mask);
    NDArray ctx = scores.softmax(-1).matMul(v).transpose(0, 2, 1, 3).reshape(b, t, config.hiddenSize());
    NDArray attn = layerNorm(ctx.matMul(w.o()).add(w.ob()).add(x), w.ln1w(), w.ln1b());
    NDArray inner = activation(attn.matMul(w.up()).add(w.upb()));
    return layerNorm(inner.matMul(w.down()).add(w.downb()).add(attn), w.ln2w(), w.ln2b());
  }

  private NDArray layerNorm(NDArray x, NDArray weight, NDArray bias) {
    return LayerNorm.layerNorm(x, new Shape(config.hiddenSize()), weight, bias, (float) config.layerNormEps())
        .singletonOrThrow();
  }

  private NDArray activation(NDArray x) {
    switch (config.hiddenAct()) {
      case "gelu":
        // exact GELU: x/2 · (1 + erf(x/√2))
        return x.mul(x.div(Math.sqrt(2.0)).erf().add(1)).mul(0.5);
      case "relu":
        return x.maximum(0);
      default:
        // tanh approximation (gelu_new, gelu_pytorch_tanh)
        NDArray inner = x.add(x.pow(3).mul(0.044715)).mul(Math.sqrt(2.0 / Math.PI)).tanh();
        return x.mul(inner.add(1)).mul(0.5);
    }
  }

  /** Number of layers this encoder runs. */
  public int layers() {
    return layers;
  }

  @Override
  public void close() {
    manager.close();
  }
}
