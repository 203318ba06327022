// T5 hyper-parameters as Hugging Face's config.json states them, with the rules that pick v1.0 or v1.1 arithmetic.
package dev.reason2decide.model;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.reason2decide.io.JsonIntegers;
import dev.reason2decide.io.StrictJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A T5 configuration. {@code gated} / {@code activation} come from {@code feed_forward_proj} ("relu",
 * "gated-gelu", "gated-silu", ...); "gated-gelu" means the tanh-approximated GELU, as in transformers.
 * {@code scaleDecoderOutputs} multiplies the decoder output by d_model^-0.5 before a tied lm_head.
 */
public record T5Config(int vocabSize, int dModel, int dKv, int dFf, int numLayers, int numDecoderLayers, int numHeads,
    int relativeAttentionNumBuckets, int relativeAttentionMaxDistance, float dropoutRate, float layerNormEpsilon,
    String feedForwardProj, boolean tieWordEmbeddings, boolean scaleDecoderOutputs, int padTokenId, int eosTokenId,
    int decoderStartTokenId, float initializerFactor) {

  /** Largest vocabulary accepted (mT5's is 250,112). */
  public static final int MAX_VOCAB = 1 << 20;
  /** Largest d_model, d_kv, d_ff accepted (T5-XXL: 4,096, 128, 65,536 with 64 heads). */
  public static final int MAX_WIDTH = 1 << 17;
  /** Most layers per stack and most heads accepted (T5-XXL: 24 and 64). */
  public static final int MAX_LAYERS = 256;

  public T5Config {
    within("vocab_size", vocabSize, 1, MAX_VOCAB);
    within("d_model", dModel, 1, MAX_WIDTH);
    within("d_kv", dKv, 1, MAX_WIDTH);
    within("d_ff", dFf, 1, MAX_WIDTH);
    within("num_heads", numHeads, 1, MAX_LAYERS);
    within("num_layers", numLayers, 1, MAX_LAYERS);
    within("num_decoder_layers", numDecoderLayers, 1, MAX_LAYERS);
    within("relative_attention_num_buckets", relativeAttentionNumBuckets, 2, 4096);
    within("relative_attention_max_distance", relativeAttentionMaxDistance, 1, 1 << 20);
    require(dropoutRate >= 0 && dropoutRate < 1, "dropout_rate must be in [0, 1), got " + dropoutRate);
    activation(feedForwardProj);
  }

  private static void within(String field, long value, long min, long max) {
    require(value >= min && value <= max, field + " is " + value + "; it must be between " + min + " and " + max);
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException("config.json: " + message);
    }
  }

  /** True for the gated feed-forward of T5 v1.1 / Flan-T5 ({@code wi_0}, {@code wi_1}). */
  public boolean gated() {
    return feedForwardProj.startsWith("gated-");
  }

  /** The activation name without the "gated-" prefix. */
  public String act() {
    return activation(feedForwardProj);
  }

  private static String activation(String proj) {
    String[] parts = proj.split("-");
    String act = parts[parts.length - 1];
    if (parts.length > 2 || (parts.length == 2 && !parts[0].equals("gated"))) {
      throw new IllegalArgumentException("config.json: feed_forward_proj '" + proj
          + "' is not of the form '{ACT}' or 'gated-{ACT}'");
    }
    if (!act.equals("relu") && !act.equals("gelu") && !act.equals("gelu_new") && !act.equals("silu")
        && !act.equals("gelu_pytorch_tanh")) {
      throw new IllegalArgumentException("config.json: unsupported activation '" + act + "' in feed_forward_proj");
    }
    return act;
  }

  /** Total attention width (heads × d_kv), which need not equal d_model. */
  public int innerDim() {
    return numHeads * dKv;
  }

  /** Reads {@code dir/config.json}. {@code hasLmHead} says whether the weights carry {@code lm_head.weight}. */
  public static T5Config read(Path configFile) {
    JsonObject o;
    try {
      o = JsonParser.parseString(Files.readString(configFile)).getAsJsonObject();
    } catch (IOException e) {
      throw new IllegalArgumentException(configFile + ": cannot be read: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(configFile + ": not a JSON object: " + StrictJson.describe(e), e);
    }
    try {
      return fromJson(o);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(configFile + ": " + e.getMessage(), e);
    }
  }

  /** Parses a config.json object with transformers' defaults for absent fields. */
  public static T5Config fromJson(JsonObject o) {
    String proj = str(o, "feed_forward_proj", "relu");
    boolean tie = bool(o, "tie_word_embeddings", true);
    int dModel = integer(o, "d_model", 512);
    int numLayers = integer(o, "num_layers", 6);
    return new T5Config(integer(o, "vocab_size", 32128), dModel, integer(o, "d_kv", 64), integer(o, "d_ff", 2048),
        numLayers, o.has("num_decoder_layers") && !o.get("num_decoder_layers").isJsonNull()
            ? JsonIntegers.integer(o.get("num_decoder_layers"), "num_decoder_layers") : numLayers,
        integer(o, "num_heads", 8), integer(o, "relative_attention_num_buckets", 32),
        integer(o, "relative_attention_max_distance", 128), (float) dbl(o, "dropout_rate", 0.1),
        (float) dbl(o, "layer_norm_epsilon", 1e-6), proj, tie, bool(o, "scale_decoder_outputs", tie),
        integer(o, "pad_token_id", 0), integer(o, "eos_token_id", 1), integer(o, "decoder_start_token_id", 0),
        (float) dbl(o, "initializer_factor", 1.0));
  }

  /** A config.json that transformers reads back to the same model. */
  public JsonObject toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("architectures", new String[] {"T5ForConditionalGeneration"});
    m.put("model_type", "t5");
    m.put("vocab_size", vocabSize);
    m.put("d_model", dModel);
    m.put("d_kv", dKv);
    m.put("d_ff", dFf);
    m.put("num_layers", numLayers);
    m.put("num_decoder_layers", numDecoderLayers);
    m.put("num_heads", numHeads);
    m.put("relative_attention_num_buckets", relativeAttentionNumBuckets);
    m.put("relative_attention_max_distance", relativeAttentionMaxDistance);
    m.put("dropout_rate", dropoutRate);
    m.put("layer_norm_epsilon", layerNormEpsilon);
    m.put("initializer_factor", initializerFactor);
    m.put("feed_forward_proj", feedForwardProj);
    m.put("dense_act_fn", gated() && act().equals("gelu") ? "gelu_new" : act());
    m.put("is_gated_act", gated());
    m.put("tie_word_embeddings", tieWordEmbeddings);
    if (scaleDecoderOutputs != tieWordEmbeddings) {
      m.put("scale_decoder_outputs", scaleDecoderOutputs);
    }
    m.put("is_encoder_decoder", true);
    m.put("use_cache", true);
    m.put("pad_token_id", padTokenId);
    m.put("eos_token_id", eosTokenId);
    m.put("decoder_start_token_id", decoderStartTokenId);
    m.put("torch_dtype", "float32");
    return com.google.gson.JsonParser.parseString(dev.reason2decide.io.Json.COMPACT.toJson(m)).getAsJsonObject();
  }

  /** Returns a copy with another dropout rate. */
  public T5Config withDropout(float rate) {
    return new T5Config(vocabSize, dModel, dKv, dFf, numLayers, numDecoderLayers, numHeads, relativeAttentionNumBuckets,
        relativeAttentionMaxDistance, rate, layerNormEpsilon, feedForwardProj, tieWordEmbeddings,
        scaleDecoderOutputs, padTokenId, eosTokenId, decoderStartTokenId, initializerFactor);
  }

  /** Returns a copy with input and output embeddings tied (the original T5's layout: lm_head = shared, decoder output
   * scaled by d_model^-0.5). */
  public T5Config withTiedEmbeddings() {
    return new T5Config(vocabSize, dModel, dKv, dFf, numLayers, numDecoderLayers, numHeads, relativeAttentionNumBuckets,
        relativeAttentionMaxDistance, dropoutRate, layerNormEpsilon, feedForwardProj, true, true, padTokenId,
        eosTokenId, decoderStartTokenId, initializerFactor);
  }

  private static String str(JsonObject o, String k, String d) {
    JsonElement e = o.get(k);
    return e == null || e.isJsonNull() ? d : e.getAsString();
  }

  private static int integer(JsonObject o, String k, int d) {
    JsonElement e = o.get(k);
    if (e == null || e.isJsonNull()) {
      return d;
    }
    if (e.isJsonArray() && !e.getAsJsonArray().isEmpty()) { // eos_token_id may be a list; T5 uses the first
      return JsonIntegers.integer(e.getAsJsonArray().get(0), k);
    }
    return JsonIntegers.integer(e, k);
  }

  private static double dbl(JsonObject o, String k, double d) {
    JsonElement e = o.get(k);
    return e == null || e.isJsonNull() ? d : e.getAsDouble();
  }

  private static boolean bool(JsonObject o, String k, boolean d) {
    JsonElement e = o.get(k);
    return e == null || e.isJsonNull() ? d : e.getAsBoolean();
  }
}
