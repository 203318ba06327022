// Faithfulness of rationales: does the model's own rationale lead it back to its label, and to the gold label?
package dev.reason2decide.eval;

import dev.reason2decide.eval.labels.LabelMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * For every example the label predicted from the generated rationale alone, ŷ_r = f(r̂), is compared with the
 * label the model predicted from the input, ŷ (consistency), and with the gold label y (sufficiency: the rationale
 * alone suffices to reach the right decision); the label predicted from the gold rationale, f(r), is compared with
 * y (gold robustness: the model reads a reference rationale the way it reads its own). Labels are compared as
 * Reason2Decide-C's {@code infer.py} compares them: stripped, then lower-cased ({@link #label}); the label metrics
 * ({@link LabelMetrics}) follow Reason2Decide and do not lower-case. The optional perturbation probe removes every
 * second word of r̂ and reports how often ŷ_r changes: a rationale whose label survives losing half its words
 * carries little of the decision.
 */
public final class Faithfulness {
  private Faithfulness() {}

  /**
   * One example's labels. {@code gold} may be null (the example then does not count for sufficiency);
   * {@code fromGoldRationale} is null when the example has no gold rationale or no gold label (it then does not
   * count for gold robustness).
   */
  public record Case(String predicted, String gold, String fromRationale, String fromPerturbed,
      String fromGoldRationale) {
    public boolean consistent() {
      return label(fromRationale).equals(label(predicted));
    }

    public boolean sufficient() {
      return gold != null && label(fromRationale).equals(label(gold));
    }

    public boolean goldRobust() {
      return gold != null && fromGoldRationale != null && label(fromGoldRationale).equals(label(gold));
    }
  }

  /**
   * Rates. {@code sufficiency} is over the {@code withGold} examples that have a gold label; {@code goldRobustness}
   * over the {@code withGoldRationale} examples that have a gold label and a gold rationale, null when none has;
   * {@code perturbationFlip} is null unless the probe ran.
   */
  public record Result(int n, double consistency, int withGold, double sufficiency, int withGoldRationale,
      Double goldRobustness, Double perturbationFlip, List<Case> cases) {}

  /** A label as these metrics compare it: stripped (empty is {@value LabelMetrics#UNKNOWN}), then lower-cased. */
  public static String label(String raw) {
    return LabelMetrics.normalize(raw).toLowerCase(Locale.ROOT);
  }

  /** As {@link #compute(List, List, List, List, Function, boolean)} without gold rationales. */
  public static Result compute(List<String> rationales, List<String> predicted, List<String> gold,
      Function<List<String>, List<String>> labelFromRationale, boolean perturb) {
    return compute(rationales, predicted, gold, null, labelFromRationale, perturb);
  }

  /**
   * Computes consistency, sufficiency and gold robustness with {@code labelFromRationale} (one call for the
   * generated rationales, one for the gold rationales when there are any, one more for the perturbed ones when
   * {@code perturb} is set).
   *
   * @param goldRationales one per example, null or blank where there is none; the list itself may be null (none)
   */
  public static Result compute(List<String> rationales, List<String> predicted, List<String> gold,
      List<String> goldRationales, Function<List<String>, List<String>> labelFromRationale, boolean perturb) {
    int n = rationales.size();
    if (predicted.size() != n || gold.size() != n || (goldRationales != null && goldRationales.size() != n)) {
      throw new IllegalArgumentException("faithfulness needs one predicted and one gold label (or null) per rationale");
    }
    List<String> texts = rationales.stream().map(r -> r == null ? "" : r).toList();
    List<String> fromR = checked(labelFromRationale.apply(texts), n);
    List<String> fromP = perturb ? checked(labelFromRationale.apply(texts.stream().map(Faithfulness::dropEverySecondWord)
        .toList()), n) : null;
    List<Integer> withReference = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String r = goldRationales == null ? null : goldRationales.get(i);
      if (gold.get(i) != null && r != null && !r.isBlank()) {
        withReference.add(i);
      }
    }
    String[] fromG = new String[n];
    if (!withReference.isEmpty()) {
      List<String> g = checked(labelFromRationale.apply(withReference.stream().map(goldRationales::get).toList()),
          withReference.size());
      for (int k = 0; k < g.size(); k++) {
        fromG[withReference.get(k)] = g.get(k);
      }
    }
    List<Case> cases = new ArrayList<>();
    int consistent = 0;
    int withGold = 0;
    int sufficient = 0;
    int robust = 0;
    int flipped = 0;
    for (int i = 0; i < n; i++) {
      Case c = new Case(predicted.get(i), gold.get(i), fromR.get(i), fromP == null ? null : fromP.get(i), fromG[i]);
      cases.add(c);
      consistent += c.consistent() ? 1 : 0;
      if (gold.get(i) != null) {
        withGold++;
        sufficient += c.sufficient() ? 1 : 0;
      }
      robust += c.goldRobust() ? 1 : 0;
      if (fromP != null && !label(fromP.get(i)).equals(label(fromR.get(i)))) {
        flipped++;
      }
    }
    int withRef = withReference.size();
    return new Result(n, n == 0 ? 0 : (double) consistent / n, withGold,
        withGold == 0 ? 0 : (double) sufficient / withGold, withRef, withRef == 0 ? null : (double) robust / withRef,
        fromP == null ? null : n == 0 ? 0.0 : (double) flipped / n, cases);
  }

  private static List<String> checked(List<String> labels, int n) {
    if (labels == null || labels.size() != n) {
      throw new IllegalStateException("the rationale labeler returned " + (labels == null ? "nothing" : labels.size()
          + " labels") + " for " + n + " rationales");
    }
    return labels;
  }

  /** The perturbation: words 1, 3, 5, … (whitespace-separated) are kept, the others dropped. */
  public static String dropEverySecondWord(String text) {
    String[] words = text.trim().split("\\s+");
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < words.length; i += 2) {
      if (sb.length() > 0) {
        sb.append(' ');
      }
      sb.append(words[i]);
    }
    return sb.toString();
  }
}
