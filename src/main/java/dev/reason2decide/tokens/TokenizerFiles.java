// Writes a trained BPE vocabulary as a Hugging Face tokenizer folder (tokenizer.json and the config files).
package dev.reason2decide.tokens;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import dev.reason2decide.io.AtomicFiles;
import dev.reason2decide.io.Json;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The T5 layout of a tokenizer: {@code <pad>}=0, {@code </s>}=1, {@code <unk>}=2, the model pieces, then 100
 * sentinels with {@code <extra_id_0>} last (as T5 numbers them). {@code tokenizer.json} has an NFKC normaliser
 * (followed by {@code Lowercase} when case is folded),
 * white-space split plus Metaspace (▁) pre-tokeniser (then, when asked, a {@code Punctuation} pre-tokeniser that
 * isolates every punctuation character and a {@code Digits} pre-tokeniser with individual digits), a BPE model with byte fallback, a template that appends
 * {@code </s>}, and a byte-fallback + Metaspace decoder. {@code tokenizer_config.json} and
 * {@code special_tokens_map.json} let transformers' {@code AutoTokenizer} load the folder.
 */
public final class TokenizerFiles {
  /** Number of {@code <extra_id_N>} sentinels. */
  public static final int SENTINELS = 100;

  private TokenizerFiles() {}

  /** The sentinel tokens in id order ({@code <extra_id_99>} first). */
  public static List<String> sentinels() {
    List<String> s = new ArrayList<>();
    for (int i = SENTINELS - 1; i >= 0; i--) {
      s.add("<extra_id_" + i + ">");
    }
    return s;
  }

  /** Writes the three files into {@code dir}, each atomically. */
  public static void write(Path dir, BpeTrainer.Vocab vocab, boolean splitDigits, boolean splitPunctuation) {
    write(dir, vocab, splitDigits, splitPunctuation, false);
  }

  /** As above; {@code lowercase} adds a {@code Lowercase} normaliser after NFKC (case folding). */
  public static void write(Path dir, BpeTrainer.Vocab vocab, boolean splitDigits, boolean splitPunctuation,
      boolean lowercase) {
    AtomicFiles.writeString(dir.resolve("tokenizer.json"), Json.PRETTY.toJson(tokenizerJson(vocab, splitDigits,
        splitPunctuation, lowercase)) + "\n");
    AtomicFiles.writeString(dir.resolve("special_tokens_map.json"), Json.PRETTY.toJson(specialTokensMap()) + "\n");
    AtomicFiles.writeString(dir.resolve("tokenizer_config.json"), Json.PRETTY.toJson(tokenizerConfig()) + "\n");
  }

  static JsonObject tokenizerJson(BpeTrainer.Vocab vocab, boolean splitDigits, boolean splitPunctuation) {
    return tokenizerJson(vocab, splitDigits, splitPunctuation, false);
  }

  static JsonObject tokenizerJson(BpeTrainer.Vocab vocab, boolean splitDigits, boolean splitPunctuation,
      boolean lowercase) {
    JsonObject t = new JsonObject();
    t.addProperty("version", "1.0");
    t.add("truncation", JsonNull.INSTANCE);
    t.add("padding", JsonNull.INSTANCE);
    JsonArray added = new JsonArray();
    List<String> pieces = vocab.pieces();
    for (int i = 0; i < 3; i++) {
      added.add(addedToken(i, pieces.get(i)));
    }
    int id = pieces.size();
    for (String s : sentinels()) {
      added.add(addedToken(id++, s));
    }
    t.add("added_tokens", added);
    JsonObject normalizer = new JsonObject();
    normalizer.addProperty("type", "NFKC");
    if (lowercase) {
      JsonObject lower = new JsonObject();
      lower.addProperty("type", "Lowercase");
      JsonArray sequence = new JsonArray();
      sequence.add(normalizer);
      sequence.add(lower);
      normalizer = new JsonObject();
      normalizer.addProperty("type", "Sequence");
      normalizer.add("normalizers", sequence);
    }
    t.add("normalizer", normalizer);
    JsonObject pre = new JsonObject();
    pre.addProperty("type", "Sequence");
    JsonArray pres = new JsonArray();
    JsonObject ws = new JsonObject();
    ws.addProperty("type", "WhitespaceSplit");
    pres.add(ws);
    pres.add(metaspace());
    if (splitPunctuation) {
      JsonObject punct = new JsonObject();
      punct.addProperty("type", "Punctuation");
      punct.addProperty("behavior", "Isolated");
      pres.add(punct);
    }
    if (splitDigits) {
      JsonObject digits = new JsonObject();
      digits.addProperty("type", "Digits");
      digits.addProperty("individual_digits", true);
      pres.add(digits);
    }
    pre.add("pretokenizers", pres);
    t.add("pre_tokenizer", pre);
    t.add("post_processor", appendEos());
    JsonObject decoder = new JsonObject();
    decoder.addProperty("type", "Sequence");
    JsonArray decoders = new JsonArray();
    JsonObject bytes = new JsonObject();
    bytes.addProperty("type", "ByteFallback");
    decoders.add(bytes);
    decoders.add(metaspace());
    decoder.add("decoders", decoders);
    t.add("decoder", decoder);
    JsonObject model = new JsonObject();
    model.addProperty("type", "BPE");
    model.add("dropout", JsonNull.INSTANCE);
    model.addProperty("unk_token", "<unk>");
    model.add("continuing_subword_prefix", JsonNull.INSTANCE);
    model.add("end_of_word_suffix", JsonNull.INSTANCE);
    model.addProperty("fuse_unk", false);
    model.addProperty("byte_fallback", true);
    JsonObject v = new JsonObject();
    BpeTrainer.index(pieces).forEach(v::addProperty);
    model.add("vocab", v);
    JsonArray merges = new JsonArray();
    for (String[] m : vocab.merges()) {
      merges.add(m[0] + " " + m[1]);
    }
    model.add("merges", merges);
    t.add("model", model);
    return t;
  }

  private static JsonObject addedToken(int id, String content) {
    JsonObject o = new JsonObject();
    o.addProperty("id", id);
    o.addProperty("content", content);
    o.addProperty("single_word", false);
    o.addProperty("lstrip", false);
    o.addProperty("rstrip", false);
    o.addProperty("normalized", false);
    o.addProperty("special", true);
    return o;
  }

  private static JsonObject metaspace() {
    JsonObject m = new JsonObject();
    m.addProperty("type", "Metaspace");
    m.addProperty("replacement", WordCounts.METASPACE);
    m.addProperty("prepend_scheme", "always");
    m.addProperty("split", true);
    return m;
  }

  private static JsonObject appendEos() {
    JsonObject p = new JsonObject();
    p.addProperty("type", "TemplateProcessing");
    JsonArray single = new JsonArray();
    single.add(sequence("A"));
    single.add(special("</s>"));
    p.add("single", single);
    JsonArray pair = new JsonArray();
    pair.add(sequence("A"));
    pair.add(special("</s>"));
    pair.add(sequence("B"));
    pair.add(special("</s>"));
    p.add("pair", pair);
    JsonObject eos = new JsonObject();
    eos.addProperty("id", "</s>");
    JsonArray ids = new JsonArray();
    ids.add(BpeTrainer.Vocab.EOS);
    eos.add("ids", ids);
    JsonArray tokens = new JsonArray();
    tokens.add("</s>");
    eos.add("tokens", tokens);
    JsonObject specials = new JsonObject();
    specials.add("</s>", eos);
    p.add("special_tokens", specials);
    return p;
  }

  private static JsonObject sequence(String id) {
    return templatePiece("Sequence", id);
  }

  private static JsonObject special(String token) {
    return templatePiece("SpecialToken", token);
  }

  /** One piece of a template post-processor: {@code {kind: {id, type_id: 0}}}. */
  private static JsonObject templatePiece(String kind, String id) {
    JsonObject inner = new JsonObject();
    inner.addProperty("id", id);
    inner.addProperty("type_id", 0);
    JsonObject o = new JsonObject();
    o.add(kind, inner);
    return o;
  }

  private static JsonObject specialTokensMap() {
    JsonObject o = new JsonObject();
    o.addProperty("eos_token", "</s>");
    o.addProperty("pad_token", "<pad>");
    o.addProperty("unk_token", "<unk>");
    JsonArray extra = new JsonArray();
    for (int i = 0; i < SENTINELS; i++) {
      extra.add("<extra_id_" + i + ">");
    }
    o.add("additional_special_tokens", extra);
    return o;
  }

  private static JsonObject tokenizerConfig() {
    JsonObject o = specialTokensMap();
    o.addProperty("tokenizer_class", "PreTrainedTokenizerFast");
    o.addProperty("model_max_length", 512);
    o.addProperty("clean_up_tokenization_spaces", false);
    return o;
  }
}
