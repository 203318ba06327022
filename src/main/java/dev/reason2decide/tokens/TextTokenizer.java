// The tokenizer of a checkpoint folder (tokenizer.json), with truncation done here, visibly, never by the library.
package dev.reason2decide.tokens;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Wraps DJL's Hugging Face tokenizer. DJL silently truncates to {@code model_max_length}; here the library is
 * told never to truncate or pad, and {@link #encode(String, int)} truncates to an explicit length, keeping the
 * closing {@code </s>} as transformers does, and reports whether it cut anything.
 */
public final class TextTokenizer implements AutoCloseable {
  private final HuggingFaceTokenizer hf;
  private final Path source;
  private final int eosId;
  private final int padId;
  private int longestPiece;

  private TextTokenizer(HuggingFaceTokenizer hf, Path source) {
    this.hf = hf;
    this.source = source;
    this.eosId = idOf("</s>", 1);
    this.padId = idOf("<pad>", 0);
  }

  /** Loads {@code dir/tokenizer.json} (or the file itself when a file is given). */
  public static TextTokenizer load(Path dirOrFile) {
    Path file = Files.isDirectory(dirOrFile) ? dirOrFile.resolve("tokenizer.json") : dirOrFile;
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(file + ": no tokenizer.json there");
    }
    Map<String, String> opts = new HashMap<>();
    opts.put("addSpecialTokens", "false");
    opts.put("truncation", "false");
    opts.put("padding", "false");
    opts.put("modelMaxLength", String.valueOf(Integer.MAX_VALUE));
    opts.put("maxLength", String.valueOf(1 << 20));
    try {
      return new TextTokenizer(HuggingFaceTokenizer.newInstance(file, opts), file);
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": cannot load tokenizer: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(file + ": not a valid tokenizer.json: " + e.getMessage(), e);
    }
  }

  private int idOf(String token, int fallback) {
    try {
      Encoding e = hf.encode(token, false, false);
      long[] ids = e.getIds();
      return ids.length == 1 ? (int) ids[0] : fallback;
    } catch (RuntimeException ex) {
      return fallback;
    }
  }

  /**
   * A tokenised text: ids ending with {@code </s>}, whether truncation removed tokens, and the length the whole text
   * would have had ({@code -1} when only a prefix was tokenized: see {@link #encode(String, int)}).
   */
  public record Tokens(long[] ids, boolean truncated, int fullLength) {}

  /** Ids without special tokens. */
  public long[] encodePlain(String text) {
    return hf.encode(text, false, false).getIds();
  }

  /**
   * Ids followed by {@code </s>}, at most {@code maxLength} in all (the eos is kept when cutting). A long text is cut
   * by characters before it is tokenized ({@link CharacterWindow}): only a prefix that already holds at least
   * {@code maxLength} tokens is tokenized, and the ids kept are exactly those of the whole text.
   */
  public Tokens encode(String text, int maxLength) {
    CharacterWindow.Result r = CharacterWindow.firstTokens(text, Math.max(1, maxLength), longestPiece(),
        this::encodePlain);
    long[] plain = r.ids();
    int full = r.whole() ? plain.length + 1 : -1;
    int keep = Math.min(plain.length, Math.max(0, maxLength - 1));
    long[] ids = Arrays.copyOf(plain, keep + 1);
    ids[keep] = eosId;
    return new Tokens(ids, !r.whole() || full > maxLength, full);
  }

  /** Ids followed by {@code </s>}, never truncated. */
  public long[] encode(String text) {
    long[] plain = encodePlain(text);
    long[] ids = Arrays.copyOf(plain, plain.length + 1);
    ids[plain.length] = eosId;
    return ids;
  }

  /**
   * Characters (UTF-16 units) of the longest vocabulary piece or added token: no token covers more characters of a
   * text the normaliser leaves as it is. Read from tokenizer.json once; 64 when it cannot be read.
   */
  int longestPiece() {
    if (longestPiece == 0) {
      int longest = 1;
      try {
        com.google.gson.JsonObject o = tokenizerJson();
        for (String piece : modelVocab(o).keySet()) {
          longest = Math.max(longest, piece.length());
        }
        if (o.has("added_tokens") && o.get("added_tokens").isJsonArray()) {
          for (com.google.gson.JsonElement e : o.getAsJsonArray("added_tokens")) {
            longest = Math.max(longest, e.getAsJsonObject().get("content").getAsString().length());
          }
        }
      } catch (IOException | RuntimeException e) {
        longest = 64;
      }
      longestPiece = longest;
    }
    return longestPiece;
  }

  /** Pieces (strings) of a text, without special tokens. */
  public List<String> pieces(String text) {
    return Arrays.asList(hf.encode(text, false, false).getTokens());
  }

  /** Text of ids, special tokens removed (transformers' {@code skip_special_tokens=True}). */
  public String decode(long[] ids) {
    int n = ids.length;
    long[] kept = Arrays.stream(ids).limit(n).filter(id -> id != padId && id != eosId).toArray();
    return hf.decode(kept, true);
  }

  /** The model's pieces and their ids (tokenizer.json's {@code model.vocab}; added tokens not included). */
  public Map<String, Integer> vocab() {
    try {
      return modelVocab(tokenizerJson());
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException(source + ": cannot read the vocabulary: " + e.getMessage(), e);
    }
  }

  /** tokenizer.json, parsed. */
  private com.google.gson.JsonObject tokenizerJson() throws IOException {
    return com.google.gson.JsonParser.parseString(Files.readString(source)).getAsJsonObject();
  }

  /** {@code model.vocab} as piece to id: BPE and WordPiece write {piece: id}, Unigram [[piece, score], ...] by id. */
  private static Map<String, Integer> modelVocab(com.google.gson.JsonObject tokenizerJson) {
    com.google.gson.JsonElement vocab = tokenizerJson.getAsJsonObject("model").get("vocab");
    Map<String, Integer> out = new java.util.LinkedHashMap<>();
    if (vocab.isJsonArray()) {
      for (int i = 0; i < vocab.getAsJsonArray().size(); i++) {
        out.putIfAbsent(vocab.getAsJsonArray().get(i).getAsJsonArray().get(0).getAsString(), i);
      }
    } else {
      vocab.getAsJsonObject().entrySet().forEach(e -> out.put(e.getKey(),
          dev.reason2decide.io.JsonIntegers.integer(e.getValue(), "model.vocab." + e.getKey())));
    }
    return out;
  }

  /** Number of ids the tokenizer can produce (model vocabulary plus added tokens). */
  public int vocabSize() {
    try {
      com.google.gson.JsonObject o = tokenizerJson();
      com.google.gson.JsonElement vocab = o.getAsJsonObject("model").get("vocab");
      int n = vocab.isJsonArray() ? vocab.getAsJsonArray().size() : vocab.getAsJsonObject().size();
      if (o.has("added_tokens") && o.get("added_tokens").isJsonArray()) {
        for (com.google.gson.JsonElement e : o.getAsJsonArray("added_tokens")) {
          n = Math.max(n, dev.reason2decide.io.JsonIntegers.integer(e.getAsJsonObject().get("id"), "added_tokens.id") + 1);
        }
      }
      return n;
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException(source + ": cannot determine the vocabulary size: " + e.getMessage(), e);
    }
  }

  public int eosId() {
    return eosId;
  }

  public int padId() {
    return padId;
  }

  public Path source() {
    return source;
  }

  @Override
  public void close() {
    hf.close();
  }
}
