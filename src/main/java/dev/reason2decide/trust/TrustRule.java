// The documented rule that turns signals into one score: the smallest validation tail probability, then a threshold.
package dev.reason2decide.trust;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * For each feature (oriented so that larger is worse) the rule keeps the sorted values it had on the validation
 * notes. A value's tail probability is the share of validation values at or above it, with an exponential tail
 * fitted to the largest tenth ({@link #tail}), so that far-away inputs still rank below near ones. The score is the
 * smallest tail probability over the features (a note is as doubtful as its most unusual signal), times
 * {@link #VETO_FACTOR} per veto (a label outside the label set, a rationale that contradicts the decision or the
 * note). The threshold is chosen so that a target share of the validation notes no veto refuses is decided (a vetoed
 * note is never decided), raised where needed so that at most a set share of the decided ones are wrong. The rule
 * is monotone in every feature and is fitted on validation data only.
 *
 * <p>A distance feature may instead be compared with the training notes of the decided label
 * ({@code byLabel}): the values the feature took on the training notes the statistics were fitted on, by gold label.
 * Notes of some decisions lie farther from every Gaussian than others (on the quickstart's model the median
 * {@code input_md} of ESI-1 notes is 83 against 59 for ESI-5: the deciding findings of level 1 are many and unlike
 * each other), so one pooled reference refuses the rarer, more varied decisions first; the validation split has too
 * few of them (about a dozen ESI-1 of 200) to give each label its own. A label without training values falls back on
 * the pooled validation values. The threshold is still chosen on the validation notes.
 *
 * @param references feature → its validation values, ascending
 * @param byLabel feature → decided label → that label's training-note values, ascending (may be empty)
 * @param threshold decide when the score is at or above it
 * @param targetCoverage the share of validation notes the threshold was chosen to decide
 */
public record TrustRule(Map<TrustFeature, double[]> references, Map<TrustFeature, Map<String, double[]>> byLabel,
    double threshold, double targetCoverage) {
  /** The threshold that decides nothing: just above the largest score, 1 (a risk bound no threshold meets). */
  public static final double NOTHING = Math.nextUp(1.0);
  /** Each veto multiplies the score by this. */
  public static final double VETO_FACTOR = 0.1;
  /** The rule of a model folder without trust statistics: the label probability alone, decided from 0.9. */
  public static final TrustRule FALLBACK = new TrustRule(Map.of(), 0.9, Double.NaN);

  /** Every feature against its pooled validation values. */
  public TrustRule(Map<TrustFeature, double[]> references, double threshold, double targetCoverage) {
    this(references, Map.of(), threshold, targetCoverage);
  }

  public TrustRule {
    references = Map.copyOf(references);
    Map<TrustFeature, Map<String, double[]>> copy = new LinkedHashMap<>();
    byLabel.forEach((f, m) -> copy.put(f, Map.copyOf(m)));
    byLabel = Map.copyOf(copy);
    if (!(threshold >= 0 && threshold <= NOTHING)) {
      throw new IllegalArgumentException("a trust threshold must be in [0, 1]: " + threshold);
    }
  }

  /** Whether this is {@link #FALLBACK} (no fitted references). */
  public boolean fallback() {
    return references.isEmpty();
  }

  /** The verdict for {@code s} with the rationale's problems {@code vetoes} (reasons; each one vetoes). */
  public TrustVerdict verdict(ModelSignals s, List<String> vetoes) {
    List<String> all = new ArrayList<>();
    if (!s.labelInSet()) {
      all.add("The model did not give one of its allowed decisions [the label step wrote '" + s.labelText()
          + "', which is not one of the model's labels]");
    }
    all.addAll(vetoes);
    List<String> reasons = new ArrayList<>(all);
    double score;
    if (fallback()) {
      score = s.labelProbability();
      if (score < threshold) {
        reasons.add(String.format(Locale.ROOT, "The model is unsure of this decision [the decision's probability "
            + "is %.2f, below %.2f; this model has no trust statistics]", score, threshold));
      }
    } else {
      score = 1;
      for (TrustFeature f : TrustFeature.values()) {
        double[] ref = references.get(f);
        Double v = s.feature(f);
        if (ref == null || v == null) {
          continue;
        }
        double[] own = byLabel.getOrDefault(f, Map.of()).get(s.label());
        double p = tail(own != null ? own : ref, v);
        score = Math.min(score, p);
        if (p < threshold) {
          reasons.add(String.format(Locale.ROOT, "%s [%s %.3g; tail probability %.2g among %s]", f.meaning(),
              f.key(), v, p, own != null ? "training notes of " + s.label() : "validation notes"));
        }
      }
    }
    score *= Math.pow(VETO_FACTOR, all.size());
    score = Math.max(0, Math.min(1, score));
    return new TrustVerdict(score, all.isEmpty() && score >= threshold, reasons, s);
  }

  /** Share of the validation values that form the fitted tail (peaks over a threshold). */
  static final double TAIL_SHARE = 0.1;

  /**
   * The share of {@code ref} (ascending) at or above {@code v}, (c + 1)/(n + 1), up to the value u below the top
   * {@link #TAIL_SHARE} of {@code ref}; above u an exponential tail fitted to those top values (peaks over threshold:
   * q·exp(−(v − u)/β), q = (k + 1)/(n + 1), β their mean excess over u), so that the probability keeps falling
   * smoothly beyond the largest validation value instead of stopping at 1/(n + 1).
   */
  static double tail(double[] ref, double v) {
    int n = ref.length;
    if (n == 0 || Double.isNaN(v)) {
      return 1;
    }
    int k = Math.max(1, (int) Math.floor(TAIL_SHARE * n));
    double u = ref[Math.max(0, n - k - 1)];
    if (v > u && n > k) {
      double excess = 0;
      for (int i = n - k; i < n; i++) {
        excess += ref[i] - u;
      }
      double beta = Math.max(excess / k, 1e-9 * Math.max(1, Math.abs(u)));
      return (double) (k + 1) / (n + 1) * Math.exp(-(v - u) / beta);
    }
    int below = lowerBound(ref, v);                 // values < v
    return (double) (n - below + 1) / (n + 1);
  }

  private static int lowerBound(double[] a, double v) {
    int lo = 0;
    int hi = a.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (a[mid] < v) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /**
   * Fits the rule on validation decisions: {@code signals} and, per decision, its vetoes; {@code features} to use
   * (those missing from every decision are left out); the threshold decides {@code targetCoverage} of them.
   */
  public static TrustRule fit(List<ModelSignals> signals, List<List<String>> vetoes, List<TrustFeature> features,
      double targetCoverage) {
    return fit(signals, vetoes, features, Map.of(), targetCoverage);
  }

  /**
   * The same, with {@code byLabel} (feature → label → training-note values) for the features of {@code features}
   * that have them; the others, and every label without values, use the validation values.
   */
  public static TrustRule fit(List<ModelSignals> signals, List<List<String>> vetoes, List<TrustFeature> features,
      Map<TrustFeature, Map<String, double[]>> byLabel, double targetCoverage) {
    return fit(signals, vetoes, null, features, byLabel, targetCoverage, RiskBound.NONE);
  }

  /**
   * The same, with the threshold also high enough that the validation notes it decides meet {@code risk}
   * ({@code correct}: per decision, whether its label is the gold one; null or {@link RiskBound#NONE}: no such
   * bound): the stricter of the two. The coverage target says how much to decide; the risk bound keeps a model that
   * is often wrong in distribution from deciding its errors because 98 % of notes are to be decided.
   */
  public static TrustRule fit(List<ModelSignals> signals, List<List<String>> vetoes, List<Boolean> correct,
      List<TrustFeature> features, Map<TrustFeature, Map<String, double[]>> byLabel, double targetCoverage,
      RiskBound risk) {
    if (signals.isEmpty()) {
      throw new IllegalArgumentException("fitting a trust rule needs at least one validation decision");
    }
    if (!(targetCoverage > 0 && targetCoverage <= 1)) {
      throw new IllegalArgumentException("target coverage must be in (0, 1]: " + targetCoverage);
    }
    Map<TrustFeature, double[]> refs = new LinkedHashMap<>();
    for (TrustFeature f : features) {
      double[] v = signals.stream().map(s -> s.feature(f)).filter(x -> x != null && !x.isNaN())
          .mapToDouble(Double::doubleValue).sorted().toArray();
      if (v.length > 0) {
        refs.put(f, v);
      }
    }
    Map<TrustFeature, Map<String, double[]>> own = new LinkedHashMap<>();
    for (TrustFeature f : refs.keySet()) {
      Map<String, double[]> m = new LinkedHashMap<>();
      byLabel.getOrDefault(f, Map.of()).forEach((label, v) -> {
        double[] sorted = v.clone();
        Arrays.sort(sorted);
        if (sorted.length > 0) {
          m.put(label, sorted);
        }
      });
      if (!m.isEmpty()) {
        own.put(f, m);
      }
    }
    TrustRule scoring = new TrustRule(refs, own, 0, targetCoverage);
    // Vetoed notes are never decided, whatever the threshold; choosing it over them as well would pull it down to
    // their vetoed scores once more than 1 − targetCoverage of the validation notes carry a veto, and then the
    // features would decide nothing. So the threshold is chosen among the notes no veto refuses.
    List<Double> open = new ArrayList<>();
    List<Boolean> openRight = new ArrayList<>();
    for (int i = 0; i < signals.size(); i++) {
      TrustVerdict v = scoring.verdict(signals.get(i), vetoes.get(i));
      if (v.decide()) {
        open.add(v.score());
        openRight.add(correct == null || correct.get(i));
      }
    }
    if (open.isEmpty()) {
      return new TrustRule(refs, own, 1.0, targetCoverage);
    }
    double[] scores = open.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    // the largest threshold that still decides at least targetCoverage of them
    int decided = (int) Math.ceil(targetCoverage * scores.length - 1e-9);
    double threshold = scores[scores.length - Math.max(decided, 1)];
    if (correct != null && risk.bounds()) {
      threshold = Math.max(threshold, riskThreshold(open, openRight, risk));
    }
    return new TrustRule(refs, own, threshold, targetCoverage);
  }

  /**
   * The lowest threshold at whose decided notes (score at or above it) {@code risk} admits the wrong ones;
   * {@link #NOTHING} when no threshold does: a model that cannot show the bound on validation decides no note,
   * not the notes that happen to score above every validation note.
   */
  static double riskThreshold(List<Double> scores, List<Boolean> right, RiskBound risk) {
    Integer[] order = new Integer[scores.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(scores.get(b), scores.get(a)));     // descending
    double best = NOTHING;
    int wrong = 0;
    for (int k = 0; k < order.length; k++) {
      wrong += right.get(order[k]) ? 0 : 1;
      boolean lastOfTies = k + 1 == order.length
          || scores.get(order[k + 1]).doubleValue() != scores.get(order[k]).doubleValue();
      if (lastOfTies && risk.admits(wrong, k + 1)) {
        best = scores.get(order[k]);
      }
    }
    return best;
  }
}
