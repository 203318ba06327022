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
  /** Characters of the longest vocabulary piece: no token covers more of a text (0: not yet read). */
  private volatile int longestPiece;

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
   * A tokenised text: ids ending with {@code </s>}, and whether truncation removed tokens; {@code fullLength} is the
   * untruncated length, or a lower bound of it when a long text was cut by characters first.
   */
  public record Tokens(long[] ids, boolean truncated, int fullLength) {}

  /** Ids without special tokens. */
  public long[] encodePlain(String text) {
    return hf.encode(text, false, false).getIds();
  }

  /**
   * Ids followed by {@code </s>}, at most {@code maxLength} in all (the eos is kept when cutting). A text longer
   * than {@code maxLength} × the longest piece in characters is cut by characters first, at a space, and only the
   * head is tokenized (doubling the head until it fills {@code maxLength}): a 50 MB note costs what its first tokens
   * cost, and the ids are those of the whole text, since tokens never span a space.
   */
  public Tokens encode(String text, int maxLength) {
    long[] plain = maxLength == Integer.MAX_VALUE ? encodePlain(text) : encodeHead(text, maxLength);
    int full = plain.length + 1;
    int keep = Math.min(plain.length, Math.max(0, maxLength - 1));
    long[] ids = Arrays.copyOf(plain, keep + 1);
    ids[keep] = eosId;
    return new Tokens(ids, full > maxLength, full);
  }

  /** Plain ids of the shortest head of {@code text} (cut at a space) with at least {@code maxLength} of them. */
  private long[] encodeHead(String text, int maxLength) {
    long bound = (long) maxLength * longestPiece();
    while (bound < text.length()) {
      int cut = (int) bound;
      int space = cut;
      while (space > 0 && !Character.isWhitespace(text.charAt(space))) {
        space--;
      }
      if (space > 0) {
        cut = space;
      } else if (Character.isLowSurrogate(text.charAt(cut))) {
        cut--; // one long word: cut anyway, but never inside a character
      }
      long[] head = encodePlain(text.substring(0, cut));
      if (head.length >= maxLength) {
        return head;
      }
      bound *= 2;
    }
    return encodePlain(text);
  }

  /** The longest piece of the vocabulary (and of the added tokens), in characters, read once from the file. */
  int longestPiece() {
    int n = longestPiece;
    if (n == 0) {
      try {
        com.google.gson.JsonObject o = com.google.gson.JsonParser.parseString(Files.readString(source))
            .getAsJsonObject();
        com.google.gson.JsonElement vocab = o.getAsJsonObject("model").get("vocab");
        List<String> pieces = new java.util.ArrayList<>();
        if (vocab.isJsonArray()) {
          vocab.getAsJsonArray().forEach(e -> pieces.add(e.getAsJsonArray().get(0).getAsString()));
        } else {
          pieces.addAll(vocab.getAsJsonObject().keySet());
        }
        if (o.has("added_tokens") && o.get("added_tokens").isJsonArray()) {
          o.getAsJsonArray("added_tokens").forEach(e -> pieces.add(e.getAsJsonObject().get("content").getAsString()));
        }
        n = 1;
        for (String p : pieces) {
          n = Math.max(n, p.length());
        }
      } catch (IOException | RuntimeException e) {
        n = 64; // a vocabulary this code cannot read: a generous bound, still far below a megabyte
      }
      longestPiece = n;
    }
    return n;
  }

  /** Ids followed by {@code </s>}, never truncated. */
  public long[] encode(String text) {
    return encode(text, Integer.MAX_VALUE).ids();
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

  /** Number of ids the tokenizer can produce (model vocabulary plus added tokens). */
  public int vocabSize() {
    try {
      com.google.gson.JsonObject o = com.google.gson.JsonParser.parseString(Files.readString(source)).getAsJsonObject();
      com.google.gson.JsonElement vocab = o.getAsJsonObject("model").get("vocab");
      int n = vocab.isJsonArray() ? vocab.getAsJsonArray().size() : vocab.getAsJsonObject().size();
      if (o.has("added_tokens") && o.get("added_tokens").isJsonArray()) {
        for (com.google.gson.JsonElement e : o.getAsJsonArray("added_tokens")) {
          n = Math.max(n, e.getAsJsonObject().get("id").getAsInt() + 1);
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
