// sacreBLEU 2.6.0 chrF with its defaults: character 6-grams, no word n-grams, beta 2, whitespace removed.
package dev.reason2decide.eval.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code sacrebleu.corpus_chrf(hyps, [refs])} and {@code sentence_chrf}: per order, counts of hypothesis, reference
 * and matched character n-grams (whitespace removed, code points as characters) summed over the corpus; the
 * score averages precision and recall over the orders where both sides have n-grams ("effective order", sacreBLEU's
 * default without eps smoothing) and forms F-beta from the averages, 0-100 scale.
 */
public final class ChrF {
  private static final int CHAR_ORDER = 6;
  private static final int BETA = 2;

  /** Corpus score, per-line sentence scores and the signature. */
  public record Result(double score, List<Double> perLine, String signature) {}

  /** The signature sacreBLEU prints for these settings. */
  public static String signature() {
    return "nrefs:1|case:mixed|eff:yes|nc:" + CHAR_ORDER + "|nw:0|space:no|version:" + SacreBleu.VERSION;
  }

  /** Corpus chrF plus sentence chrF of every pair. */
  public Result score(List<String> hypotheses, List<String> references) {
    TextPairs.requireSameSize(hypotheses, references);
    long[] stats = new long[3 * CHAR_ORDER];
    List<Double> per = new ArrayList<>();
    for (int i = 0; i < hypotheses.size(); i++) {
      long[] s = segmentStats(hypotheses.get(i), references.get(i));
      for (int j = 0; j < stats.length; j++) {
        stats[j] += s[j];
      }
      per.add(fScore(s));
    }
    return new Result(fScore(stats), per, signature());
  }

  /** chrF of one pair. */
  public double sentence(String hypothesis, String reference) {
    return fScore(segmentStats(hypothesis, reference));
  }

  /**
   * Per order n = 1..6: hypothesis n-grams (0 when the reference has none), reference n-grams and matches of one
   * pair; summed over a corpus they give {@link #corpusFromStats}.
   */
  public static long[] segmentStats(String hypothesis, String reference) {
    int[] hyp = PyText.codePoints(String.join("", PyText.split(hypothesis)));
    int[] ref = PyText.codePoints(String.join("", PyText.split(reference)));
    long[] s = new long[3 * CHAR_ORDER];
    for (int n = 1; n <= CHAR_ORDER; n++) {
      Map<String, Integer> h = charNgrams(hyp, n);
      Map<String, Integer> r = charNgrams(ref, n);
      long hypCount = 0;
      long match = 0;
      for (Map.Entry<String, Integer> e : h.entrySet()) {
        hypCount += e.getValue();
        match += Math.min(e.getValue(), r.getOrDefault(e.getKey(), 0));
      }
      long refCount = Math.max(0, ref.length - n + 1);
      s[3 * (n - 1)] = r.isEmpty() ? 0 : hypCount;
      s[3 * (n - 1) + 1] = refCount;
      s[3 * (n - 1) + 2] = match;
    }
    return s;
  }

  /** The corpus chrF of statistics summed over pairs ({@link #segmentStats}), as {@link #score} forms it. */
  public static double corpusFromStats(long[] stats) {
    if (stats.length != 3 * CHAR_ORDER) {
      throw new IllegalArgumentException("chrF statistics have " + 3 * CHAR_ORDER + " entries, got " + stats.length);
    }
    return fScore(stats);
  }

  private static Map<String, Integer> charNgrams(int[] cps, int n) {
    Map<String, Integer> m = new HashMap<>();
    for (int i = 0; i + n <= cps.length; i++) {
      m.merge(new String(cps, i, n), 1, Integer::sum);
    }
    return m;
  }

  /** {@code CHRF._compute_f_score} without eps smoothing. */
  private static double fScore(long[] s) {
    double factor = BETA * BETA;
    double avgPrec = 0;
    double avgRec = 0;
    int effective = 0;
    for (int i = 0; i < CHAR_ORDER; i++) {
      long nHyp = s[3 * i];
      long nRef = s[3 * i + 1];
      long nMatch = s[3 * i + 2];
      if (nHyp > 0 && nRef > 0) {
        avgPrec += (double) nMatch / nHyp;
        avgRec += (double) nMatch / nRef;
        effective++;
      }
    }
    if (effective == 0) {
      return 0.0;
    }
    avgPrec /= effective;
    avgRec /= effective;
    if (avgPrec + avgRec == 0) {
      return 0.0;
    }
    return 100 * ((1 + factor) * avgPrec * avgRec / (factor * avgPrec + avgRec));
  }
}
