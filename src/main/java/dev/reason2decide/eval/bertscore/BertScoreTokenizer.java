// A checkpoint's tokenizer.json as bert_score encodes with it: byte-level BPE texts get one leading space.
package dev.reason2decide.eval.bertscore;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * bert_score 0.3.13 ({@code utils.sent_encode}) loads the slow tokenizer ({@code use_fast=False}) and, when it is
 * a {@code GPT2Tokenizer} or {@code RobertaTokenizer} (the byte-level BPE tokenizers: roberta, distilroberta,
 * gpt2), encodes every non-empty stripped text with {@code add_prefix_space=True}: one space is put before the
 * text, whatever the checkpoint's files say (the hub's {@code roberta-large} has the flag off). Other tokenizers
 * (BERT's WordPiece, the SentencePiece of xlm-roberta and camembert) encode the text as it is.
 *
 * <p>In a tokenizer.json the byte-level BPE tokenizers have a {@code ByteLevel} pre-tokenizer (alone or in a
 * {@code Sequence}). For those, this class switches the pre-tokenizer's own {@code add_prefix_space} off and puts
 * the space before the text itself, once, as the slow tokenizer does: so a file with the flag on and one with it
 * off give the same ids, also for texts that contain special tokens (the file's flag would add a space after each).
 */
record BertScoreTokenizer(HuggingFaceTokenizer hf, boolean leadingSpace) implements AutoCloseable {

  /** Loads {@code file} with DJL {@code options}, applying bert_score's leading-space rule. */
  static BertScoreTokenizer load(Path file, Map<String, String> options) {
    JsonObject json;
    try {
      json = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8)).getAsJsonObject();
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": cannot read: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(file + ": not a JSON object: " + e.getMessage(), e);
    }
    boolean byteLevel = byteLevelOff(json.get("pre_tokenizer"));
    try {
      if (!byteLevel) {
        return new BertScoreTokenizer(HuggingFaceTokenizer.newInstance(file, options), false);
      }
      byte[] edited = new GsonBuilder().disableHtmlEscaping().create().toJson(json).getBytes(StandardCharsets.UTF_8);
      return new BertScoreTokenizer(HuggingFaceTokenizer.newInstance(new ByteArrayInputStream(edited), options), true);
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": cannot load tokenizer: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(file + ": not a valid tokenizer.json: " + e.getMessage(), e);
    }
  }

  /**
   * True when {@code preTokenizer} is or contains a {@code ByteLevel} pre-tokenizer; sets the
   * {@code add_prefix_space} of each such one to false.
   */
  static boolean byteLevelOff(JsonElement preTokenizer) {
    if (preTokenizer == null || !preTokenizer.isJsonObject()) {
      return false;
    }
    JsonObject o = preTokenizer.getAsJsonObject();
    String type = o.has("type") && o.get("type").isJsonPrimitive() ? o.get("type").getAsString() : "";
    if (type.equals("ByteLevel")) {
      o.addProperty("add_prefix_space", false);
      return true;
    }
    boolean found = false;
    if (type.equals("Sequence") && o.has("pretokenizers") && o.get("pretokenizers").isJsonArray()) {
      for (JsonElement e : o.getAsJsonArray("pretokenizers")) {
        found |= byteLevelOff(e);
      }
    }
    return found;
  }

  /** Ids with special tokens of a stripped, non-empty text, the leading space added where bert_score adds it. */
  long[] encode(String strippedText) {
    return hf.encode(leadingSpace ? " " + strippedText : strippedText, true, false).getIds();
  }

  @Override
  public void close() {
    hf.close();
  }
}
