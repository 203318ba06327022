// Faithfulness of rationales: does the model's own rationale lead it back to its label, and to the gold label?
package dev.reason2decide.eval;

import dev.reason2decide.eval.labels.LabelMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * For every example the label predicted from the generated rationale alone, ŷ_r = f(r̂), is compared with the
 * label the model predicted from the input, ŷ (consistency), and with the gold label y (sufficiency: the rationale
 * alone suffices to reach the right decision). Labels are compared after {@link LabelMetrics#normalize}.
 * The optional perturbation probe removes every second word of r̂ and reports how often ŷ_r changes: a rationale
 * whose label survives losing half its words carries little of the decision.
 */
public final class Faithfulness {
  private Faithfulness() {}

  /** One example's labels. {@code gold} may be null (the example then does not count for sufficiency). */
  public record Case(String predicted, String gold, String fromRationale, String fromPerturbed) {
    public boolean consistent() {
      return LabelMetrics.normalize(fromRationale).equals(LabelMetrics.normalize(predicted));
    }

    public boolean sufficient() {
      return gold != null && LabelMetrics.normalize(fromRationale).equals(LabelMetrics.normalize(gold));
    }
  }

  /**
   * Rates. {@code sufficiency} is over the {@code withGold} examples that have a gold label; {@code perturbationFlip}
   * is null unless the probe ran.
   */
  public record Result(int n, double consistency, int withGold, double sufficiency, Double perturbationFlip,
      List<Case> cases) {}

  /**
   * Computes consistency and sufficiency with {@code labelFromRationale} (one call for all rationales, one more for
   * the perturbed ones when {@code perturb} is set).
   */
  public static Result compute(List<String> rationales, List<String> predicted, List<String> gold,
      Function<List<String>, List<String>> labelFromRationale, boolean perturb) {
    int n = rationales.size();
    if (predicted.size() != n || gold.size() != n) {
      throw new IllegalArgumentException("faithfulness needs one predicted and one gold label (or null) per rationale");
    }
    List<String> texts = rationales.stream().map(r -> r == null ? "" : r).toList();
    List<String> fromR = checked(labelFromRationale.apply(texts), n);
    List<String> fromP = perturb ? checked(labelFromRationale.apply(texts.stream().map(Faithfulness::dropEverySecondWord)
        .toList()), n) : null;
    List<Case> cases = new ArrayList<>();
    int consistent = 0;
    int withGold = 0;
    int sufficient = 0;
    int flipped = 0;
    for (int i = 0; i < n; i++) {
      Case c = new Case(predicted.get(i), gold.get(i), fromR.get(i), fromP == null ? null : fromP.get(i));
      cases.add(c);
      consistent += c.consistent() ? 1 : 0;
      if (gold.get(i) != null) {
        withGold++;
        sufficient += c.sufficient() ? 1 : 0;
      }
      if (fromP != null && !LabelMetrics.normalize(fromP.get(i)).equals(LabelMetrics.normalize(fromR.get(i)))) {
        flipped++;
      }
    }
    return new Result(n, n == 0 ? 0 : (double) consistent / n, withGold,
        withGold == 0 ? 0 : (double) sufficient / withGold, fromP == null ? null : n == 0 ? 0.0 : (double) flipped / n,
        cases);
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
