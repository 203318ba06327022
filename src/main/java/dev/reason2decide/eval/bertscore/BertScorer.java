// BERTScore (Zhang et al. 2020) as bert_score computes it, on a BERT or RoBERTa checkpoint folder.
package dev.reason2decide.eval.bertscore;

import dev.reason2decide.io.Versions;
import dev.reason2decide.eval.text.PyText;
import dev.reason2decide.eval.text.TextPairs;
import com.google.gson.JsonParser;
import dev.reason2decide.engine.DeviceSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Each text is stripped and tokenized with the checkpoint's tokenizer.json including the special tokens
 * ({@code <s> … </s>} or {@code [CLS] … [SEP]}), with one leading space for byte-level BPE tokenizers such as
 * RoBERTa's whatever the file's {@code add_prefix_space} says ({@link BertScoreTokenizer}); a text longer than the
 * model holds keeps its first tokens and its closing special token, and is counted as truncated. Token vectors are
 * {@code hidden_states[layer]}, L2-normalised; every hypothesis token is matched to its most similar reference token
 * (precision) and vice versa (recall), the special tokens taking part in the matching but weighing 0; with idf the
 * weights are {@code ln((M+1)/(df+1))} over the M references, otherwise 1. F = 2PR/(P+R); an empty side gives 0.
 *
 * <p>bert_score pads the vectors of up to 64 pairs together and its padding counts as similarity 0 in the maxima,
 * so a token whose best real similarity is negative scores 0 when its partner text is shorter than the longest in
 * its batch; {@link BertScoreOptions#pairBatch()} reproduces this (set it to 1 to switch the effect off).
 */
public final class BertScorer implements AutoCloseable {
  private final Path modelDir;
  private final TransformerEncoder encoder;
  private final BertScoreTokenizer tokenizer;
  private final long clsId;
  private final long sepId;
  private final int maxTokens;

  private BertScorer(Path modelDir, TransformerEncoder encoder, BertScoreTokenizer tokenizer) {
    this.modelDir = modelDir;
    this.encoder = encoder;
    this.tokenizer = tokenizer;
    long[] empty = tokenizer.hf().encode("", true, false).getIds();
    if (empty.length < 2) {
      encoder.close();
      tokenizer.close();
      throw new IllegalArgumentException(modelDir + "/tokenizer.json: adds no special tokens around a text "
          + "(expected <s> </s> or [CLS] [SEP])");
    }
    this.clsId = empty[0];
    this.sepId = empty[empty.length - 1];
    this.maxTokens = Math.min(encoder.config().maxTokens(), tokenizerLimit(modelDir));
  }

  /** {@link #load(Path, int, DeviceSpec)} on the default device ({@link DeviceSpec#fromEnvironment()}). */
  public static BertScorer load(Path modelDir, int layer) {
    return load(modelDir, layer, DeviceSpec.fromEnvironment());
  }

  /**
   * Loads the checkpoint folder (config.json, model.safetensors, tokenizer.json) onto {@code device} for matching at
   * {@code layer}.
   */
  public static BertScorer load(Path modelDir, int layer, DeviceSpec device) {
    Path tok = modelDir.resolve("tokenizer.json");
    if (!Files.isRegularFile(tok)) {
      throw new IllegalArgumentException(modelDir + ": no tokenizer.json (BERTScore needs the checkpoint's fast "
          + "tokenizer file)");
    }
    TransformerEncoder enc = TransformerEncoder.load(modelDir, layer, device);
    Map<String, String> opts = new HashMap<>();
    opts.put("addSpecialTokens", "true");
    opts.put("truncation", "false");
    opts.put("padding", "false");
    opts.put("modelMaxLength", String.valueOf(Integer.MAX_VALUE));
    opts.put("maxLength", String.valueOf(1 << 20));
    BertScoreTokenizer tokenizer;
    try {
      tokenizer = BertScoreTokenizer.load(tok, opts);
    } catch (RuntimeException e) {
      enc.close();
      throw e;
    }
    return new BertScorer(modelDir, enc, tokenizer);
  }

  /** model_max_length from tokenizer_config.json when it is a real limit, else no limit. */
  private static int tokenizerLimit(Path dir) {
    Path cfg = dir.resolve("tokenizer_config.json");
    if (!Files.isRegularFile(cfg)) {
      return Integer.MAX_VALUE;
    }
    try {
      var o = JsonParser.parseString(Files.readString(cfg)).getAsJsonObject();
      if (o.has("model_max_length") && o.get("model_max_length").isJsonPrimitive()) {
        double v = o.get("model_max_length").getAsDouble();
        return v >= 2 && v < 1e6 ? (int) v : Integer.MAX_VALUE;
      }
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException(cfg + ": not valid JSON: " + e.getMessage(), e);
    }
    return Integer.MAX_VALUE;
  }

  /** Token ids of a text as bert_score feeds them to the model, and whether they were cut. */
  public record Encoded(long[] ids, boolean truncated) {}

  /**
   * Strips the text and tokenizes it with special tokens (a leading space first for byte-level BPE), cutting to
   * {@link #maxTokens()}; an empty text is its two special tokens.
   */
  public Encoded encode(String text) {
    String s = PyText.strip(text);
    long[] ids = s.isEmpty() ? new long[] {clsId, sepId} : tokenizer.encode(s);
    if (ids.length <= maxTokens) {
      return new Encoded(ids, false);
    }
    long[] cut = Arrays.copyOf(ids, maxTokens);
    cut[maxTokens - 1] = ids[ids.length - 1];
    return new Encoded(cut, true);
  }

  /** The longest token sequence (special tokens included) a text is cut to. */
  public int maxTokens() {
    return maxTokens;
  }

  /** Scores every hypothesis against its reference. */
  public BertScoreResult score(List<String> hypotheses, List<String> references, BertScoreOptions opt) {
    TextPairs.requireSameSize(hypotheses, references);
    if (opt.layer() != encoder.layers()) {
      throw new IllegalArgumentException("this scorer was loaded for layer " + encoder.layers() + ", not "
          + opt.layer());
    }
    int n = hypotheses.size();
    List<Encoded> hyp = hypotheses.stream().map(this::encode).toList();
    List<Encoded> ref = references.stream().map(this::encode).toList();
    Map<Long, Double> idf = opt.idf() ? idf(ref) : null;
    double defaultIdf = Math.log(n + 1.0);
    List<BertScoreResult.Pair> per = new ArrayList<>(n);
    for (int start = 0; start < n; start += opt.pairBatch()) {
      int end = Math.min(n, start + opt.pairBatch());
      int maxHyp = 0;
      int maxRef = 0;
      for (int i = start; i < end; i++) {
        maxHyp = Math.max(maxHyp, hyp.get(i).ids().length);
        maxRef = Math.max(maxRef, ref.get(i).ids().length);
      }
      Map<String, float[]> vectors = embed(hyp.subList(start, end), ref.subList(start, end), opt.encodeBatch());
      for (int i = start; i < end; i++) {
        long[] h = hyp.get(i).ids();
        long[] r = ref.get(i).ids();
        per.add(pair(h, vectors.get(key(h)), r, vectors.get(key(r)), h.length < maxHyp, r.length < maxRef,
            idf, defaultIdf, opt.baseline()));
      }
    }
    double sp = 0;
    double sr = 0;
    double sf = 0;
    for (BertScoreResult.Pair p : per) {
      sp += p.p();
      sr += p.r();
      sf += p.f();
    }
    int th = (int) hyp.stream().filter(Encoded::truncated).count();
    int tr = (int) ref.stream().filter(Encoded::truncated).count();
    return new BertScoreResult(n == 0 ? 0 : sp / n, n == 0 ? 0 : sr / n, n == 0 ? 0 : sf / n, per, hash(opt),
        th, tr, maxTokens);
  }

  /** bert_score's get_idf_dict: document frequency counts a token once per reference. */
  private static Map<Long, Double> idf(List<Encoded> refs) {
    Map<Long, Integer> df = new HashMap<>();
    for (Encoded e : refs) {
      Set<Long> seen = new HashSet<>();
      for (long id : e.ids()) {
        if (seen.add(id)) {
          df.merge(id, 1, Integer::sum);
        }
      }
    }
    Map<Long, Double> idf = new HashMap<>();
    int m = refs.size();
    df.forEach((id, c) -> idf.put(id, Math.log((m + 1.0) / (c + 1.0))));
    return idf;
  }

  private double weight(long id, Map<Long, Double> idf, double defaultIdf) {
    if (idf == null) {
      return id == clsId || id == sepId ? 0.0 : 1.0;
    }
    return idf.getOrDefault(id, defaultIdf);
  }

  private static String key(long[] ids) {
    return Arrays.toString(ids);
  }

  /** Normalised token vectors of the distinct sequences of a batch of pairs, keyed by their ids. */
  private Map<String, float[]> embed(List<Encoded> hyp, List<Encoded> ref, int encodeBatch) {
    Map<String, long[]> distinct = new LinkedHashMap<>();
    for (Encoded e : hyp) {
      distinct.putIfAbsent(key(e.ids()), e.ids());
    }
    for (Encoded e : ref) {
      distinct.putIfAbsent(key(e.ids()), e.ids());
    }
    List<long[]> seqs = new ArrayList<>(distinct.values());
    seqs.sort((a, b) -> Integer.compare(b.length, a.length)); // similar lengths share a forward pass
    Map<String, float[]> out = new HashMap<>();
    int hidden = encoder.config().hiddenSize();
    for (int s = 0; s < seqs.size(); s += encodeBatch) {
      List<long[]> batch = seqs.subList(s, Math.min(seqs.size(), s + encodeBatch));
      List<float[]> states = encoder.hiddenStates(batch);
      for (int i = 0; i < batch.size(); i++) {
        out.put(key(batch.get(i)), normalise(states.get(i), hidden));
      }
    }
    return out;
  }

  private static float[] normalise(float[] v, int hidden) {
    for (int t = 0; t < v.length / hidden; t++) {
      double ss = 0;
      for (int j = 0; j < hidden; j++) {
        ss += (double) v[t * hidden + j] * v[t * hidden + j];
      }
      float norm = (float) Math.sqrt(ss);
      for (int j = 0; j < hidden; j++) {
        v[t * hidden + j] /= norm;
      }
    }
    return v;
  }

  private BertScoreResult.Pair pair(long[] h, float[] hv, long[] r, float[] rv, boolean hypPadded,
      boolean refPadded, Map<Long, Double> idf, double defaultIdf, Baseline baseline) {
    int d = encoder.config().hiddenSize();
    double[] bestForHyp = new double[h.length];
    double[] bestForRef = new double[r.length];
    Arrays.fill(bestForHyp, refPadded ? 0.0 : Double.NEGATIVE_INFINITY);
    Arrays.fill(bestForRef, hypPadded ? 0.0 : Double.NEGATIVE_INFINITY);
    for (int i = 0; i < h.length; i++) {
      for (int j = 0; j < r.length; j++) {
        double dot = 0;
        for (int k = 0; k < d; k++) {
          dot += hv[i * d + k] * rv[j * d + k];
        }
        bestForHyp[i] = Math.max(bestForHyp[i], dot);
        bestForRef[j] = Math.max(bestForRef[j], dot);
      }
    }
    double p = weighted(bestForHyp, h, idf, defaultIdf);
    double rr = weighted(bestForRef, r, idf, defaultIdf);
    // bert_score sets P and R to 0 when a text is empty (only its two special tokens)
    if (h.length == 2 || r.length == 2) {
      p = 0;
      rr = 0;
    }
    double f = p + rr == 0 ? 0.0 : 2 * p * rr / (p + rr);
    if (baseline != null) {
      return new BertScoreResult.Pair(Baseline.rescale(p, baseline.p()), Baseline.rescale(rr, baseline.r()),
          Baseline.rescale(f, baseline.f()));
    }
    return new BertScoreResult.Pair(p, rr, f);
  }

  private double weighted(double[] best, long[] ids, Map<Long, Double> idf, double defaultIdf) {
    double num = 0;
    double den = 0;
    for (int i = 0; i < ids.length; i++) {
      double w = weight(ids[i], idf, defaultIdf);
      num += w * best[i];
      den += w;
    }
    return den == 0 ? 0.0 : num / den;
  }

  /** bert_score's hash: model_L{layer}_{idf|no-idf}_version=…, with -custom-rescaled and _fast-tokenizer. */
  public String hash(BertScoreOptions opt) {
    String name = modelDir.toAbsolutePath().normalize().getFileName().toString();
    return name + "_L" + opt.layer() + (opt.idf() ? "_idf" : "_no-idf") + "_version=r2d-" + Versions.PROJECT
        + "(djl=" + Versions.DJL + ")" + (opt.baseline() != null ? "-custom-rescaled" : "") + "_fast-tokenizer";
  }

  @Override
  public void close() {
    encoder.close();
    tokenizer.close();
  }
}
