// The trust statistics of a model folder: trust.json (rule, threshold, shapes, provenance) + trust.bin (float32).
package dev.reason2decide.trust;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.reason2decide.io.AtomicFiles;
import dev.reason2decide.io.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code r2d trust fit} and the end of training write into a model folder, and what inference reads.
 * {@code trust.bin} holds, little-endian float32, for the input and then the output statistics (each when present):
 * the class means (K,D), the shared precision (D,D), the background mean (D) and the background precision (D,D);
 * then, when present, the token Gaussian's mean (D) and precision (D,D).
 * {@code trust.json} says which are present, their shapes, the rule, the known numbers, the phrase support
 * ({@code phrase_support}: phrase, note words, notes) and how everything was fitted; it is written
 * last, so a folder whose trust.json exists has a complete trust.bin.
 *
 * @param input statistics of the encoder states of {@code predict: x} (null: not fitted)
 * @param output statistics of the decoder states over rationales (null: not fitted)
 * @param tokens one Gaussian over the single encoder states of training notes' tokens (null: not fitted; files
 *     written before it existed have none)
 * @param rule the score rule and threshold
 * @param knownNumbers numbers the training rationales state without their notes (see {@code ModelTrust})
 * @param fitted how the statistics were fitted (files, counts, shrinkage), kept as written
 * @param phraseSupport rationale phrases and the note words that support them (files written before it: none)
 */
public record TrustFile(RelativeMahalanobis input, RelativeMahalanobis output, Gaussian tokens, TrustRule rule,
    List<String> knownNumbers, Map<String, Object> fitted, PhraseSupport phraseSupport) {
  public static final String JSON = "trust.json";
  public static final String BINARY = "trust.bin";
  static final String FORMAT = "r2d-trust/1";

  public TrustFile {
    fitted = fitted == null ? Map.of() : new LinkedHashMap<>(fitted);
    knownNumbers = knownNumbers == null ? List.of() : List.copyOf(knownNumbers);
    phraseSupport = phraseSupport == null ? PhraseSupport.NONE : phraseSupport;
  }

  /** Without phrase support. */
  public TrustFile(RelativeMahalanobis input, RelativeMahalanobis output, Gaussian tokens, TrustRule rule,
      List<String> knownNumbers, Map<String, Object> fitted) {
    this(input, output, tokens, rule, knownNumbers, fitted, PhraseSupport.NONE);
  }

  /** Without token statistics. */
  public TrustFile(RelativeMahalanobis input, RelativeMahalanobis output, TrustRule rule, List<String> knownNumbers,
      Map<String, Object> fitted) {
    this(input, output, null, rule, knownNumbers, fitted);
  }

  /** The same statistics with {@code r} as the rule. */
  public TrustFile withRule(TrustRule r) {
    return new TrustFile(input, output, tokens, r, knownNumbers, fitted, phraseSupport);
  }

  /** Whether {@code dir} has trust statistics. */
  public static boolean exists(Path dir) {
    return Files.exists(dir.resolve(JSON));
  }

  /** Writes trust.bin, then trust.json, into {@code dir}. */
  public void write(Path dir) {
    List<float[]> blocks = new ArrayList<>();
    JsonObject j = new JsonObject();
    j.addProperty("format", FORMAT);
    j.add("input", describe(input, blocks));
    j.add("output", describe(output, blocks));
    if (tokens != null) {
      JsonObject t = new JsonObject();
      t.addProperty("dim", tokens.dim());
      j.add("tokens", t);
      blocks.add(tokens.mean());
      for (float[] row : tokens.precision()) {
        blocks.add(row);
      }
    }
    long floats = blocks.stream().mapToLong(b -> b.length).sum();
    ByteBuffer buf = ByteBuffer.allocate(Math.toIntExact(floats * 4)).order(ByteOrder.LITTLE_ENDIAN);
    for (float[] b : blocks) {
      for (float v : b) {
        buf.putFloat(v);
      }
    }
    j.addProperty("binary", BINARY);
    j.addProperty("binary_floats", floats);
    JsonObject r = new JsonObject();
    r.addProperty("threshold", rule.threshold());
    r.addProperty("target_coverage", rule.targetCoverage());
    r.addProperty("veto_factor", TrustRule.VETO_FACTOR);
    JsonObject refs = new JsonObject();
    rule.references().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
      refs.add(e.getKey().key(), array(e.getValue()));
    });
    r.add("references", refs);
    JsonObject byLabel = new JsonObject();
    rule.byLabel().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
      JsonObject perLabel = new JsonObject();
      e.getValue().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(l -> {
        perLabel.add(l.getKey(), array(l.getValue()));
      });
      byLabel.add(e.getKey().key(), perLabel);
    });
    r.add("references_by_label", byLabel);
    j.add("rule", r);
    JsonArray known = new JsonArray();
    knownNumbers.forEach(known::add);
    j.add("known_numbers", known);
    JsonArray phrases = new JsonArray();
    for (PhraseSupport.Rule p : phraseSupport.rules()) {
      JsonObject o = new JsonObject();
      o.addProperty("phrase", p.phrase());
      JsonArray cover = new JsonArray();
      p.cover().forEach(cover::add);
      o.add("note_words", cover);
      o.addProperty("notes", p.notes());
      phrases.add(o);
    }
    j.add("phrase_support", phrases);
    j.add("fitted", Json.COMPACT.toJsonTree(fitted));
    AtomicFiles.writeBytes(dir.resolve(BINARY), buf.array());
    AtomicFiles.writeString(dir.resolve(JSON), Json.PRETTY.toJson(j) + "\n");
  }

  private static JsonElement describe(RelativeMahalanobis s, List<float[]> blocks) {
    if (s == null) {
      return com.google.gson.JsonNull.INSTANCE;
    }
    JsonObject o = new JsonObject();
    o.addProperty("dim", s.dim());
    JsonArray classes = new JsonArray();
    s.classes().forEach(classes::add);
    o.add("classes", classes);
    for (float[] m : s.classMeans()) {
      blocks.add(m);
    }
    for (float[] row : s.shared()) {
      blocks.add(row);
    }
    blocks.add(s.background().mean());
    for (float[] row : s.background().precision()) {
      blocks.add(row);
    }
    return o;
  }

  /** Reads {@code dir}'s trust files; errors name the file and what is wrong. */
  public static TrustFile read(Path dir) {
    Path jf = dir.resolve(JSON);
    Path bf = dir.resolve(BINARY);
    JsonObject j = Json.readObject(jf);
    try {
      if (!j.has("format") || !FORMAT.equals(j.get("format").getAsString())) {
        throw new IllegalArgumentException("format is not " + FORMAT);
      }
      byte[] bytes;
      try {
        bytes = Files.readAllBytes(bf);
      } catch (IOException e) {
        throw new UncheckedIOException(bf + ": cannot read the trust statistics (" + e.getMessage() + ")", e);
      }
      long floats = j.get("binary_floats").getAsLong();
      if (bytes.length != floats * 4) {
        throw new IllegalArgumentException(bf + " holds " + bytes.length + " bytes where trust.json says "
            + floats + " float32 values (" + floats * 4 + " bytes)");
      }
      ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
      RelativeMahalanobis in = stats(j.get("input"), buf);
      RelativeMahalanobis out = stats(j.get("output"), buf);
      Gaussian tokens = null;
      if (j.has("tokens") && !j.get("tokens").isJsonNull()) {
        int d = j.getAsJsonObject("tokens").get("dim").getAsInt();
        tokens = new Gaussian(floats(buf, d), matrix(buf, d));
      }
      JsonObject r = j.getAsJsonObject("rule");
      Map<TrustFeature, double[]> refs = new LinkedHashMap<>();
      for (Map.Entry<String, JsonElement> e : r.getAsJsonObject("references").entrySet()) {
        refs.put(TrustFeature.of(e.getKey()), doubles(e.getValue().getAsJsonArray()));
      }
      // absent in files written before the training notes' values by label: every feature pooled, as then
      Map<TrustFeature, Map<String, double[]>> byLabel = new LinkedHashMap<>();
      if (r.has("references_by_label")) {
        for (Map.Entry<String, JsonElement> e : r.getAsJsonObject("references_by_label").entrySet()) {
          Map<String, double[]> perLabel = new LinkedHashMap<>();
          for (Map.Entry<String, JsonElement> l : e.getValue().getAsJsonObject().entrySet()) {
            perLabel.put(l.getKey(), doubles(l.getValue().getAsJsonArray()));
          }
          byLabel.put(TrustFeature.of(e.getKey()), perLabel);
        }
      }
      TrustRule rule = new TrustRule(refs, byLabel, r.get("threshold").getAsDouble(),
          r.get("target_coverage").isJsonNull() ? Double.NaN : r.get("target_coverage").getAsDouble());
      @SuppressWarnings("unchecked")
      Map<String, Object> fitted = j.has("fitted") ? Json.COMPACT.fromJson(j.get("fitted"), Map.class) : Map.of();
      List<String> known = new ArrayList<>();
      if (j.has("known_numbers")) {
        j.getAsJsonArray("known_numbers").forEach(x -> known.add(x.getAsString()));
      }
      List<PhraseSupport.Rule> phrases = new ArrayList<>();
      if (j.has("phrase_support")) {
        for (JsonElement e : j.getAsJsonArray("phrase_support")) {
          JsonObject o = e.getAsJsonObject();
          List<String> cover = new ArrayList<>();
          o.getAsJsonArray("note_words").forEach(x -> cover.add(x.getAsString()));
          phrases.add(new PhraseSupport.Rule(o.get("phrase").getAsString(), cover, o.get("notes").getAsInt()));
        }
      }
      return new TrustFile(in, out, tokens, rule, known, fitted, new PhraseSupport(phrases));
    } catch (IllegalArgumentException | IllegalStateException | NullPointerException | ClassCastException
        | UnsupportedOperationException e) {
      throw new IllegalArgumentException(jf + ": not valid trust statistics: " + e.getMessage(), e);
    }
  }

  private static RelativeMahalanobis stats(JsonElement e, ByteBuffer buf) {
    if (e == null || e.isJsonNull()) {
      return null;
    }
    JsonObject o = e.getAsJsonObject();
    int d = o.get("dim").getAsInt();
    List<String> classes = new ArrayList<>();
    o.getAsJsonArray("classes").forEach(c -> classes.add(c.getAsString()));
    float[][] means = new float[classes.size()][];
    for (int k = 0; k < means.length; k++) {
      means[k] = floats(buf, d);
    }
    float[][] shared = matrix(buf, d);
    float[] bgMean = floats(buf, d);
    return new RelativeMahalanobis(means, classes, shared, new Gaussian(bgMean, matrix(buf, d)));
  }

  private static float[][] matrix(ByteBuffer buf, int d) {
    float[][] m = new float[d][];
    for (int i = 0; i < d; i++) {
      m[i] = floats(buf, d);
    }
    return m;
  }

  private static float[] floats(ByteBuffer buf, int n) {
    if (buf.remaining() < n * 4L) {
      throw new IllegalArgumentException("trust.bin ends before the shapes trust.json gives");
    }
    float[] v = new float[n];
    buf.asFloatBuffer().get(v);
    buf.position(buf.position() + n * 4);
    return v;
  }

  private static JsonArray array(double[] values) {
    JsonArray a = new JsonArray();
    for (double v : values) {
      a.add(v);
    }
    return a;
  }

  private static double[] doubles(JsonArray a) {
    double[] v = new double[a.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = a.get(i).getAsDouble();
    }
    return v;
  }
}
