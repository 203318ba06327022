// Reason2Decide two-step inference on a trained T5: ŷ from `predict: x`, then r̂ from `given label: ŷ, explain: x`.
package dev.reason2decide.inference;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import dev.reason2decide.batches.TokenBatch;
import dev.reason2decide.decode.GenerationSettings;
import dev.reason2decide.decode.GreedyDecoder;
import dev.reason2decide.decode.SequenceScorer;
import dev.reason2decide.engine.DeviceSpec;
import dev.reason2decide.engine.Engines;
import dev.reason2decide.engine.Grad;
import dev.reason2decide.io.Json;
import dev.reason2decide.model.T5Checkpoint;
import dev.reason2decide.model.T5Config;
import dev.reason2decide.model.T5Model;
import dev.reason2decide.prompts.PromptKind;
import dev.reason2decide.prompts.PromptTemplates;
import dev.reason2decide.tokens.InputNormaliser;
import dev.reason2decide.tokens.LabelTexts;
import dev.reason2decide.tokens.TextTokenizer;
import dev.reason2decide.tokens.Truecase;
import dev.reason2decide.tokens.TruecaseFile;
import dev.reason2decide.runs.ModelCard;
import dev.reason2decide.runs.RunFolder;
import dev.reason2decide.trust.Gaussian;
import dev.reason2decide.trust.ModelSignals;
import dev.reason2decide.trust.ModelTrust;
import dev.reason2decide.trust.RelativeMahalanobis;
import dev.reason2decide.trust.TrustFile;
import dev.reason2decide.trust.TrustRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A model folder (weights, tokenizer.json, r2d.json; optional trust statistics and truecase.json, which recases the
 * rationales of a case-folding model) ready to decide. Besides the reference's two greedy steps it
 * gives every label of the label set a probability: the softmax of the labels' sequence log-probabilities
 * under {@code predict: x} (calibrated decision support, which the reference lacks). Safe for concurrent callers:
 * weights are read-only and each call works in its own native memory scope.
 */
public final class T5DecisionModel implements DecisionModel {
  private final Path dir;
  // read by FittingStates too
  final NDManager root;
  final T5Model model;
  final TextTokenizer tok;
  final ModelCard card;
  private final long[][] labelIds;
  private final LabelTexts labelTexts;
  private final Truecase truecase;
  private final InputNormaliser normaliser;
  private final DeviceSpec device;
  private volatile TrustFile trust;
  private String trustNotice;

  private T5DecisionModel(Path dir, NDManager root, T5Model model, TextTokenizer tok, ModelCard card,
      DeviceSpec device) {
    this.dir = dir;
    this.root = root;
    this.device = device;
    this.model = model;
    this.tok = tok;
    this.card = card;
    this.labelIds = SequenceScorer.encodeCandidates(tok, card.labels());
    this.labelTexts = LabelTexts.of(card.labels(), tok);
    this.truecase = TruecaseFile.read(dir);
    this.normaliser = InputNormaliser.read(dir);
  }

  /**
   * Loads {@code dir} onto {@code device} (weights, and every tensor of every later call); {@code labels} overrides
   * (or supplies, for a plain checkpoint) the label set.
   */
  public static T5DecisionModel load(Path dir, List<String> labels, DeviceSpec device) {
    return load(dir, labels, device, true);
  }

  /** The folder's weights and card without its trust statistics (what fitting them starts from), silently. */
  public static T5DecisionModel loadWithoutTrust(Path dir) {
    return load(dir, null, DeviceSpec.fromEnvironment(), false);
  }

  private static T5DecisionModel load(Path dir, List<String> labels, DeviceSpec device, boolean withTrust) {
    ModelCard card = ModelCard.read(dir);
    if (card == null) {
      if (labels == null || labels.isEmpty()) {
        throw new IllegalArgumentException(dir + ": no r2d.json (label set) in this folder; pass --labels");
      }
      card = new ModelCard(labels, PromptTemplates.reference(), 1024, 49, 255, "unknown", PromptKind.LABELLED);
    } else if (labels != null && !labels.isEmpty()) {
      card = new ModelCard(labels, card.prompts(), card.maxInputTokens(), card.labelMaxNewTokens(),
          card.rationaleMaxNewTokens(), card.recipe(), card.rationalePrompt());
    }
    CardLimits.check(dir, card);
    TrustFile trust = null;
    String notice = null;
    if (!withTrust) {
      trust = null;
    } else if (TrustFile.exists(dir)) {
      trust = TrustFile.read(dir);
    } else {
      notice = "model " + dir.toAbsolutePath().normalize().getFileName() + ": no trust statistics ("
          + TrustFile.JSON + "); trust verdicts fall back on the label probability and the rationale checks (fit "
          + "them with r2d trust fit)";
    }
    NDManager root = Engines.newManager(device);
    try {
      T5DecisionModel m = new T5DecisionModel(dir, root, T5Checkpoint.load(dir, root), TextTokenizer.load(dir), card,
          device);
      m.trust = trust;
      m.trustNotice = notice;
      return m;
    } catch (RuntimeException e) {
      root.close();
      throw e;
    }
  }

  /** {@link #load(Path, List, DeviceSpec)} on the default device ({@link DeviceSpec#fromEnvironment()}). */
  public static T5DecisionModel load(Path dir, List<String> labels) {
    return load(dir, labels, DeviceSpec.fromEnvironment());
  }

  /** {@link #load(Path, List, DeviceSpec)} with the folder's label set, on the default device. */
  public static T5DecisionModel load(Path dir) {
    return load(dir, null);
  }

  /** The device the weights and every tensor of a call are on. */
  public DeviceSpec device() {
    return device;
  }

  @Override
  public Decision decide(String text) {
    return decideAll(List.of(text)).get(0);
  }

  @Override
  public List<Decision> decideAll(List<String> texts) {
    if (texts.isEmpty()) {
      return List.of();
    }
    TrustFile stats = trust;
    TrustRule rule = stats == null ? TrustRule.FALLBACK : stats.rule();
    return Grad.off(() -> {
      try (NDManager m = root.newSubManager(); NDScope scope = new NDScope()) {
        scope.suppressNotUsedWarning();
        // the prediction pass in a scope of its own: its tensors are freed before the explanation pass starts; the
        // input's trust states come from its encoder pass (copied out to Java arrays first)
        long[][] ids;
        float[][] scores;
        float[][] pooledInput;
        Gaussian tokenStats = stats == null ? null : stats.tokens();
        float[][][] tokenStates;
        try (NDScope predict = new NDScope()) {
          predict.suppressNotUsedWarning();
          NDArray[] im = predictInputs(m, texts);
          NDArray enc = model.encode(im[0], im[1], false);                     // (B,S,D)
          ids = GreedyDecoder.generate(model, enc, im[1], GenerationSettings.greedy(card.labelMaxNewTokens()));
          scores = SequenceScorer.scoreEncoded(model, enc, im[1], labelIds, m, texts.size());
          pooledInput = stats != null && stats.input() != null ? PooledStates.mean(enc, im[1]) : null;
          tokenStates = tokenStats == null ? null : PooledStates.tokens(enc, im[1]);
        }
        for (float[] row : scores) {
          finite(row);
        }
        List<String> raw = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<long[]> explain = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
          String y = tok.decode(ids[i]).strip();
          raw.add(y);
          // a label text outside the label set is never decided; the most probable label stands in for it
          String named = labelTexts.labelOf(y);
          String label = named != null ? named : card.labels().get(LabelScores.argMax(scores[i]));
          labels.add(label);
          explain.add(tok.encode(explainPrompt(texts.get(i), label), card.maxInputTokens()).ids());
        }
        NDArray[] em = TokenBatch.inputs(m, explain, model.config().padTokenId());
        NDArray enc2 = model.encode(em[0], em[1], false);
        GreedyDecoder.Traced rat = GreedyDecoder.generateTraced(model, enc2, em[1],
            GenerationSettings.greedy(card.rationaleMaxNewTokens()));
        List<Decision> out = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
          Map<String, Double> p = LabelScores.probabilities(scores[i], card.labels());
          ModelSignals sig = signals(raw.get(i), labels.get(i), p, stats,
              pooledInput == null ? null : pooledInput[i], rat.pooledStates()[i], rat.meanSurprise()[i],
              tokenStats == null ? null : tokenStats.largestDistance(tokenStates[i]));
          // recased here, where it leaves the model, so that the checks, the trust vetoes and every caller read it so
          String rationale = truecase.apply(tok.decode(rat.ids()[i]).strip());
          out.add(new Decision(labels.get(i), p, rationale, raw.get(i),
              ModelTrust.of(sig, rule, stats, texts.get(i), rationale)));
        }
        return out;
      }
    });
  }

  /** {@link InferenceMemory#bytesPerInputToken} of this model, its input length and its label set. */
  @Override
  public long bytesPerInputToken() {
    return InferenceMemory.bytesPerInputToken(model.config(), card.maxInputTokens(), labelIds.length);
  }

  @Override
  public int maxInputTokens() {
    return card.maxInputTokens();
  }

  /** The rationale prompt for ŷ, of the kind the card records. */
  String explainPrompt(String text, String label) {
    return card.rationalePrompt().prompt(card.prompts(), label, normaliser.apply(text));
  }

  private ModelSignals signals(String raw, String label, Map<String, Double> p, TrustFile stats, float[] input,
      float[] output, double surprise, Double tokenDistance) {
    double mine = p.get(label);
    double other = p.entrySet().stream().filter(e -> !e.getKey().equals(label)).mapToDouble(Map.Entry::getValue)
        .max().orElse(0);
    RelativeMahalanobis in = stats == null ? null : stats.input();
    RelativeMahalanobis out = stats == null ? null : stats.output();
    return new ModelSignals(raw, labelTexts.labelOf(raw) != null, mine, mine - other,
        in == null ? null : in.distance(input), in == null ? null : in.relativeDistance(input),
        out == null ? null : out.distance(output), out == null ? null : out.relativeDistance(output), surprise,
        tokenDistance, label);
  }

  /** Uses {@code stats} for every later decision (null: none); what fitting does before it scores validation. */
  public void useTrust(TrustFile stats) {
    this.trust = stats;
  }

  @Override
  public java.util.Optional<String> trustNotice() {
    return java.util.Optional.ofNullable(trustNotice);
  }

  /** The trust statistics in use, or null. */
  public TrustFile trust() {
    return trust;
  }

  /** Tokens of {@code predict: x} per text, truncated to the card's input limit (long notes are cut first). */
  @Override
  public int inputTokens(List<String> texts) {
    long sum = 0;
    for (String t : texts) {
      sum += tok.encode(card.prompts().predict(normaliser.apply(t)), card.maxInputTokens()).ids().length;
    }
    return (int) Math.min(Integer.MAX_VALUE, sum);
  }

  /**
   * Ids (B,S) and mask of {@code predict: x} for each text, truncated to the card's input limit. Every prompt holds
   * the text as the model reads it ({@link InputNormaliser}); the checks and trust verdicts read it as given.
   */
  NDArray[] predictInputs(NDManager m, List<String> texts) {
    List<long[]> prompts = new ArrayList<>();
    for (String t : texts) {
      prompts.add(tok.encode(card.prompts().predict(normaliser.apply(t)), card.maxInputTokens()).ids());
    }
    return TokenBatch.inputs(m, prompts, model.config().padTokenId());
  }

  /** Nothing when every score is finite; else an error naming the model (damaged weights give NaN). */
  private void finite(float[] logp) {
    for (int j = 0; j < logp.length; j++) {
      if (!Float.isFinite(logp[j])) {
        // the folder's name, not its path: the service passes this message on to its clients
        throw new IllegalStateException("model " + name() + ": the score of label '" + card.labels().get(j) + "' is "
            + logp[j] + " (not a finite number); its weights may be damaged (NaN or infinite values)");
      }
    }
  }

  /** Label predicted from arbitrary texts with the prediction prompt (e.g. from a rationale: consistency probe). */
  public List<String> predictLabels(List<String> texts) {
    return Grad.off(() -> {
      try (NDManager m = root.newSubManager(); NDScope scope = new NDScope()) {
        scope.suppressNotUsedWarning();
        NDArray[] im = predictInputs(m, texts);
        NDArray enc = model.encode(im[0], im[1], false);
        long[][] ids = GreedyDecoder.generate(model, enc, im[1], GenerationSettings.greedy(card.labelMaxNewTokens()));
        List<String> out = new ArrayList<>();
        for (long[] row : ids) {
          out.add(tok.decode(row).strip());
        }
        return out;
      }
    });
  }

  @Override
  public List<String> labels() {
    return card.labels();
  }

  @Override
  public String name() {
    return dir.toAbsolutePath().normalize().getFileName().toString();
  }

  public ModelCard card() {
    return card;
  }

  @Override
  public Map<String, Object> describe() {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("name", name());
    d.put("path", dir.toAbsolutePath().normalize().toString());
    d.put("labels", card.labels());
    d.put("card", card);
    d.put("config", Json.COMPACT.fromJson(model.config().toJson(), Map.class));
    d.put("parameters", model.parameters().count());
    d.put("device", device.toString());
    if (!truecase.isIdentity()) {
      // rationales leave the model recased (a case-folding tokenizer); what the recasing was fitted on
      Map<String, Object> t = new LinkedHashMap<>(truecase.fitted());
      t.put("file", TruecaseFile.JSON);
      t.put("forms", truecase.forms().size());
      t.put("sentence_capital", truecase.sentenceCapital());
      d.put("truecase", t);
    }
    if (!normaliser.isIdentity()) {
      d.put("input_normaliser", normaliser.describe()); // inputs are read with typos corrected and numbers in digits
    }
    for (Path p : new Path[] {dir.resolve(RunFolder.PROVENANCE), dir.getParent() == null ? null
        : dir.getParent().resolve(RunFolder.PROVENANCE)}) {
      if (p != null && Files.exists(p)) {
        try {
          d.put("provenance", Json.COMPACT.fromJson(Files.readString(p), Map.class));
          break;
        } catch (IOException | RuntimeException e) {
          d.put("provenance_error", p + ": " + e.getMessage());
        }
      }
    }
    return d;
  }

  @Override
  public void close() {
    tok.close();
    root.close();
  }
}
