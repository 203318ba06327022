// ROUGE-1, ROUGE-2 and ROUGE-L with rouge-score's semantics (as torchmetrics' ROUGEScore defaults reproduce them).
package dev.reason2decide.eval.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Tokens: lower-case, every run of characters outside {@code [a-z0-9]} becomes a space, split, no stemming (the
 * defaults of Google's rouge-score). ROUGE-N counts clipped n-gram overlaps, ROUGE-L uses the longest common
 * subsequence; precision = overlap / hypothesis length, recall = overlap / reference length, F = harmonic mean, and
 * everything is 0 when either side has no n-grams. The corpus figure is the mean over pairs.
 */
public final class Rouge {
  private static final Pattern NON_ALNUM = Pattern.compile("[^a-z0-9]+");

  /** Precision, recall and F-measure of one variant. */
  public record Prf(double precision, double recall, double f) {
    static final Prf ZERO = new Prf(0, 0, 0);

    static Prf of(double overlap, int hypLen, int refLen) {
      if (hypLen == 0 || refLen == 0) {
        return ZERO;
      }
      double p = overlap / hypLen;
      double r = overlap / refLen;
      return p + r == 0 ? ZERO : new Prf(p, r, 2 * p * r / (p + r));
    }

    /** As a JSON-ready map with keys precision, recall, f. */
    public Map<String, Double> toMap() {
      Map<String, Double> m = new LinkedHashMap<>();
      m.put("precision", precision);
      m.put("recall", recall);
      m.put("f", f);
      return m;
    }
  }

  /** ROUGE-1, ROUGE-2 and ROUGE-L of one pair. */
  public record Scores(Prf rouge1, Prf rouge2, Prf rougeL) {}

  /** Means over pairs and the per-pair scores. */
  public record Result(Scores mean, List<Scores> perLine) {}

  /** rouge-score's default tokenizer. */
  public static List<String> tokens(String text) {
    String t = NON_ALNUM.matcher(PyText.lower(text)).replaceAll(" ");
    List<String> out = new ArrayList<>();
    for (String s : t.split(" ")) {
      if (!s.isEmpty()) {
        out.add(s);
      }
    }
    return out;
  }

  /** Scores of one pair. */
  public Scores pair(String hypothesis, String reference) {
    List<String> hyp = tokens(hypothesis);
    List<String> ref = tokens(reference);
    return new Scores(rougeN(hyp, ref, 1), rougeN(hyp, ref, 2), Prf.of(lcs(hyp, ref), hyp.size(), ref.size()));
  }

  /** All pairs and their means. */
  public Result score(List<String> hypotheses, List<String> references) {
    TextPairs.requireSameSize(hypotheses, references);
    List<Scores> per = new ArrayList<>();
    for (int i = 0; i < hypotheses.size(); i++) {
      per.add(pair(hypotheses.get(i), references.get(i)));
    }
    return new Result(new Scores(mean(per, 0), mean(per, 1), mean(per, 2)), per);
  }

  private static Prf rougeN(List<String> hyp, List<String> ref, int n) {
    NgramCounts h = NgramCounts.of(hyp, n);
    NgramCounts r = NgramCounts.of(ref, n);
    return Prf.of(h.clippedMatches(r), h.total(), r.total());
  }

  /** Length of the longest common subsequence (dynamic programming over two rows). */
  static int lcs(List<String> a, List<String> b) {
    int[] prev = new int[b.size() + 1];
    int[] cur = new int[b.size() + 1];
    for (String x : a) {
      for (int j = 1; j <= b.size(); j++) {
        cur[j] = x.equals(b.get(j - 1)) ? prev[j - 1] + 1 : Math.max(prev[j], cur[j - 1]);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
      Arrays.fill(cur, 0);
    }
    return prev[b.size()];
  }

  private static Prf mean(List<Scores> per, int which) {
    if (per.isEmpty()) {
      return Prf.ZERO;
    }
    double p = 0;
    double r = 0;
    double f = 0;
    for (Scores s : per) {
      Prf x = which == 0 ? s.rouge1() : which == 1 ? s.rouge2() : s.rougeL();
      p += x.precision();
      r += x.recall();
      f += x.f();
    }
    return new Prf(p / per.size(), r / per.size(), f / per.size());
  }

  /** The settings printed beside the scores. */
  public static Map<String, Object> settings() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("reference", "rouge-score (torchmetrics ROUGEScore defaults)");
    m.put("tokenization", "lower-case; runs outside [a-z0-9] become spaces; no stemming");
    m.put("aggregate", "mean over pairs");
    return m;
  }
}
