// Fits a model folder's trust statistics: Gaussians on training notes, the score rule on validation notes.
package dev.reason2decide.trust.fit;

import dev.reason2decide.data.Example;
import dev.reason2decide.eval.faith.ExampleChecks;
import dev.reason2decide.eval.faith.TrustReview;
import dev.reason2decide.inference.Decision;
import dev.reason2decide.inference.FittingStates;
import dev.reason2decide.inference.T5DecisionModel;
import dev.reason2decide.trust.Gaussian;
import dev.reason2decide.trust.ModelSignals;
import dev.reason2decide.trust.PhraseSupport;
import dev.reason2decide.trust.RelativeMahalanobis;
import dev.reason2decide.trust.TrustFeature;
import dev.reason2decide.trust.TrustFile;
import dev.reason2decide.trust.TrustRule;
import dev.reason2decide.trust.TrustVerdict;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * (1) The input Gaussians on the mean-pooled encoder states of {@code predict: x} of training notes, by gold label;
 * (2) the output Gaussians on the decoder states over their gold rationales, teacher-forced under the prompt that
 * explains the gold label (notes without a rationale are left out; none: no output statistics); (3) the model then
 * decides every validation note with these statistics and {@link TrustRule#fit} picks the threshold that decides
 * the target share of them. Written as {@link TrustFile} into the model folder by {@link #fitInto}.
 */
public final class TrustFit {
  private TrustFit() {}

  /** The token Gaussian is fitted on the tokens of the first sampled notes up to this many states (memory, time). */
  static final int MAX_TOKENS = 50_000;

  /** Fits, writes trust.json and trust.bin into {@code dir}, and returns the file; {@code log} hears progress. */
  public static TrustFile fitInto(Path dir, List<Example> train, List<Example> validation, TrustSettings s,
      Consumer<String> log) {
    try (T5DecisionModel model = T5DecisionModel.loadWithoutTrust(dir)) {
      TrustFile f = fit(model, train, validation, s, log);
      f.write(dir);
      return f;
    }
  }

  /** Fits the statistics of {@code model} (and leaves them in use by it). */
  public static TrustFile fit(T5DecisionModel model, List<Example> train, List<Example> validation,
      TrustSettings s, Consumer<String> log) {
    if (train.isEmpty() || validation.isEmpty()) {
      throw new IllegalArgumentException("fitting trust statistics needs training and validation notes (got "
          + train.size() + " and " + validation.size() + ")");
    }
    long start = System.nanoTime();
    List<Example> sample = evenly(train, s.maxTrainNotes());
    List<float[]> in = new ArrayList<>();
    List<float[]> out = new ArrayList<>();
    List<String> inLabels = new ArrayList<>();
    List<String> outLabels = new ArrayList<>();
    List<float[]> tokenStates = new ArrayList<>();
    List<float[][]> noteTokens = new ArrayList<>();              // the notes whose tokens the token Gaussian sees
    List<String> noteTokenLabels = new ArrayList<>();
    for (int i = 0; i < sample.size(); i += s.batchSize()) {
      List<Example> b = sample.subList(i, Math.min(sample.size(), i + s.batchSize()));
      FittingStates.Inputs states = FittingStates.inputs(model, b.stream().map(Example::input).toList());
      for (float[] v : states.pooled()) {
        in.add(v);
      }
      for (int k = 0; k < states.tokens().length; k++) {
        float[][] note = states.tokens()[k];
        if (tokenStates.size() < MAX_TOKENS) {
          tokenStates.addAll(List.of(note));
          noteTokens.add(note);
          noteTokenLabels.add(b.get(k).label());
        }
      }
      b.forEach(e -> inLabels.add(e.label()));
      List<Example> withRationale = b.stream().filter(e -> e.rationale() != null && !e.rationale().isBlank())
          .toList();
      if (!withRationale.isEmpty()) {
        for (float[] v : FittingStates.rationales(model, withRationale.stream().map(Example::input).toList(),
            withRationale.stream().map(Example::label).toList(),
            withRationale.stream().map(Example::rationale).toList())) {
          out.add(v);
        }
        withRationale.forEach(e -> outLabels.add(e.label()));
      }
    }
    RelativeMahalanobis input = RelativeMahalanobis.fit(in, inLabels, s.shrinkage());
    RelativeMahalanobis output = out.isEmpty() ? null : RelativeMahalanobis.fit(out, outLabels, s.shrinkage());
    Gaussian tokens = tokenStates.isEmpty() ? null : Gaussian.fit(tokenStates, s.shrinkage());
    log.accept("trust: Gaussians fitted on " + in.size() + " training notes (" + out.size() + " rationales, "
        + tokenStates.size() + " tokens), d = " + input.dim());
    Map<TrustFeature, Map<String, double[]>> byLabel = trainingValuesByLabel(input, in, inLabels, tokens,
        noteTokens, noteTokenLabels);
    List<String> known = KnownNumbers.of(sample);
    PhraseSupport phrases = PhraseCovers.of(train);
    log.accept("trust: " + phrases.rules().size() + " rationale phrases with the note words that support them");
    model.useTrust(new TrustFile(input, output, tokens, TrustRule.FALLBACK, known, Map.of(), phrases));
    List<ModelSignals> signals = new ArrayList<>();
    List<List<String>> vetoes = new ArrayList<>();
    List<Boolean> correct = new ArrayList<>();
    int right = 0;
    for (int i = 0; i < validation.size(); i += s.batchSize()) {
      List<Example> b = validation.subList(i, Math.min(validation.size(), i + s.batchSize()));
      List<Decision> ds = model.decideAll(b.stream().map(Example::input).toList());
      for (int j = 0; j < b.size(); j++) {
        Decision d = ds.get(j);
        signals.add(d.trust().signals());
        vetoes.add(TrustReview.vetoes(d,
            ExampleChecks.of(b.get(j).input(), d.label(), d.rationale(), model.labels())));
        correct.add(d.label().equals(b.get(j).label()));
        right += d.label().equals(b.get(j).label()) ? 1 : 0;
      }
    }
    TrustRule rule = TrustRule.fit(signals, vetoes, correct, s.features(), byLabel, s.targetCoverage(), s.risk());
    int decided = 0;
    int vetoed = 0;
    for (int i = 0; i < signals.size(); i++) {
      TrustVerdict v = rule.verdict(signals.get(i), vetoes.get(i));
      decided += v.decide() ? 1 : 0;
      vetoed += vetoes.get(i).isEmpty() && signals.get(i).labelInSet() ? 0 : 1;
    }
    Map<String, Object> fitted = new LinkedHashMap<>();
    fitted.put("train_notes", in.size());
    fitted.put("train_rationales", out.size());
    fitted.put("train_tokens", tokenStates.size());
    fitted.put("validation_notes", validation.size());
    fitted.put("validation_accuracy", (double) right / validation.size());
    fitted.put("validation_coverage", (double) decided / validation.size());
    fitted.put("validation_vetoed", vetoed);
    fitted.put("max_risk", s.maxRisk());
    fitted.put("risk_confidence", s.riskConfidence());
    fitted.put("shrinkage", s.shrinkage());
    fitted.put("features", s.features().stream().map(f -> f.key()).toList());
    fitted.put("background", "one Gaussian over the same training notes; foreground: one per gold label, shared "
        + "covariance");
    fitted.put("seconds", (System.nanoTime() - start) / 1e9);
    fitted.put("known_numbers_rule", KnownNumbers.RULE);
    fitted.put("phrase_support_rule", PhraseCovers.RULE);
    fitted.put("phrase_support_notes", train.size());
    TrustFile f = new TrustFile(input, output, tokens, rule, known, fitted, phrases);
    model.useTrust(f);
    log.accept(String.format(java.util.Locale.ROOT, "trust: threshold %.4g decides %d of %d validation notes "
        + "(target %.0f %% of the %d no veto refuses, at most %.0f %% of them wrong%s)", rule.threshold(), decided,
        validation.size(), 100 * s.targetCoverage(), validation.size() - vetoed, 100 * s.maxRisk(), confidence(s)));
    if (decided == 0) {
      String why = vetoed == validation.size() ? "a veto refuses every one of them"
          : rule.threshold() == TrustRule.NOTHING && s.maxRisk() < 1 ? String.format(java.util.Locale.ROOT,
              "no threshold's decided notes show at most %.0f %% wrong%s", 100 * s.maxRisk(), confidence(s))
          : "none of those no veto refuses reaches the threshold";
      log.accept(String.format(java.util.Locale.ROOT, "trust: the model will refer nearly every note: it decides "
          + "none of the %d validation notes, as %s (validation accuracy %.3f; docs/trust.md)", validation.size(),
          why, (double) right / validation.size()));
    }
    return f;
  }

  private static String confidence(TrustSettings s) {
    return s.riskConfidence() > 0
        ? String.format(java.util.Locale.ROOT, " with %.0f %% confidence", 100 * s.riskConfidence()) : "";
  }

  /**
   * The input distances ({@code input_md}, {@code input_rmd}) of the training notes the Gaussians were fitted on, and
   * the token distance ({@code token_md}) of those whose tokens the token Gaussian saw, by gold label: what
   * {@link TrustRule} compares a decision's distances with, label by label. In-sample values sit a little closer than
   * new notes' would; the threshold, chosen on validation notes, absorbs that shift.
   */
  static Map<TrustFeature, Map<String, double[]>> trainingValuesByLabel(RelativeMahalanobis input,
      List<float[]> pooled, List<String> labels, Gaussian tokens, List<float[][]> noteTokens,
      List<String> noteTokenLabels) {
    Map<String, List<Double>> md = new LinkedHashMap<>();
    Map<String, List<Double>> rmd = new LinkedHashMap<>();
    for (int i = 0; i < pooled.size(); i++) {
      md.computeIfAbsent(labels.get(i), k -> new ArrayList<>()).add(input.distance(pooled.get(i)));
      rmd.computeIfAbsent(labels.get(i), k -> new ArrayList<>()).add(input.relativeDistance(pooled.get(i)));
    }
    Map<TrustFeature, Map<String, double[]>> out = new LinkedHashMap<>();
    out.put(TrustFeature.INPUT_MD, arrays(md));
    out.put(TrustFeature.INPUT_RMD, arrays(rmd));
    if (tokens != null) {
      Map<String, List<Double>> tok = new LinkedHashMap<>();
      for (int i = 0; i < noteTokens.size(); i++) {
        tok.computeIfAbsent(noteTokenLabels.get(i), k -> new ArrayList<>())
            .add(tokens.largestDistance(noteTokens.get(i)));
      }
      out.put(TrustFeature.TOKEN_MD, arrays(tok));
    }
    return out;
  }

  private static Map<String, double[]> arrays(Map<String, List<Double>> values) {
    Map<String, double[]> m = new LinkedHashMap<>();
    values.forEach((k, v) -> m.put(k, v.stream().mapToDouble(Double::doubleValue).toArray()));   // TrustRule.fit sorts
    return m;
  }

  /** At most {@code max} of {@code xs}, evenly spaced (all when max is 0 or not smaller). */
  static <T> List<T> evenly(List<T> xs, int max) {
    if (max <= 0 || xs.size() <= max) {
      return xs;
    }
    List<T> out = new ArrayList<>();
    for (int i = 0; i < max; i++) {
      out.add(xs.get((int) ((long) i * xs.size() / max)));
    }
    return out;
  }
}
