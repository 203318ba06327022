// The config.json fields of a Hugging Face BERT or RoBERTa checkpoint that the encoder needs.
package dev.reason2decide.eval.bertscore;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * Shapes and switches of a BERT-family encoder. RoBERTa-style models ({@code model_type} roberta, xlm-roberta,
 * camembert) number positions from {@code pad_token_id + 1}, so they hold {@code max_position_embeddings -
 * pad_token_id - 1} tokens; BERT numbers them from 0.
 */
public record EncoderConfig(String modelType, int vocabSize, int hiddenSize, int numLayers, int numHeads,
    int intermediateSize, int maxPositions, int typeVocabSize, int padTokenId, double layerNormEps,
    String hiddenAct) {

  private static final Set<String> ROBERTA_TYPES = Set.of("roberta", "xlm-roberta", "camembert");
  private static final Set<String> BERT_TYPES = Set.of("bert");
  private static final Set<String> ACTIVATIONS = Set.of("gelu", "gelu_new", "gelu_pytorch_tanh", "relu");

  /** Reads {@code dir/config.json}; an unsupported model type or activation is an error naming the file. */
  public static EncoderConfig load(Path dir) {
    Path file = dir.resolve("config.json");
    JsonObject o;
    try {
      o = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException(file + ": cannot read a JSON config: " + e.getMessage(), e);
    }
    String type = str(o, "model_type", "");
    if (!ROBERTA_TYPES.contains(type) && !BERT_TYPES.contains(type)) {
      throw new IllegalArgumentException(file + ": model_type '" + type
          + "' is not supported (BERTScore here runs BERT or RoBERTa encoders)");
    }
    String act = str(o, "hidden_act", "gelu");
    if (!ACTIVATIONS.contains(act)) {
      throw new IllegalArgumentException(file + ": hidden_act '" + act + "' is not supported " + ACTIVATIONS);
    }
    EncoderConfig c = new EncoderConfig(type, num(o, "vocab_size", file),
        num(o, "hidden_size", file), num(o, "num_hidden_layers", file),
        num(o, "num_attention_heads", file), num(o, "intermediate_size", file),
        num(o, "max_position_embeddings", file),
        o.has("type_vocab_size") ? num(o, "type_vocab_size", file) : 2,
        o.has("pad_token_id") && !o.get("pad_token_id").isJsonNull() ? num(o, "pad_token_id", file)
            : ROBERTA_TYPES.contains(type) ? 1 : 0,
        o.has("layer_norm_eps") ? o.get("layer_norm_eps").getAsDouble() : 1e-12, act);
    if (c.hiddenSize % c.numHeads != 0) {
      throw new IllegalArgumentException(file + ": hidden_size " + c.hiddenSize + " is not a multiple of "
          + "num_attention_heads " + c.numHeads);
    }
    return c;
  }

  /** True for RoBERTa-style position numbering. */
  public boolean roberta() {
    return ROBERTA_TYPES.contains(modelType);
  }

  /** Position id of the first token. */
  public int firstPosition() {
    return roberta() ? padTokenId + 1 : 0;
  }

  /** The longest sequence (special tokens included) the position table holds. */
  public int maxTokens() {
    return maxPositions - firstPosition();
  }

  private static String str(JsonObject o, String key, String dflt) {
    JsonElement e = o.get(key);
    return e == null || e.isJsonNull() ? dflt : e.getAsString();
  }

  private static int num(JsonObject o, String key, Path file) {
    JsonElement e = o.get(key);
    if (e == null || e.isJsonNull()) {
      throw new IllegalArgumentException(file + ": missing '" + key + "'");
    }
    try {
      return dev.reason2decide.io.JsonIntegers.integer(e, key);
    } catch (IllegalArgumentException ex) {
      throw new IllegalArgumentException(file + ": " + ex.getMessage(), ex);
    }
  }
}
