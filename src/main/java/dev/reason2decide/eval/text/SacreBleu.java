// sacreBLEU 2.6.0 BLEU with its defaults: 13a tokens, exp smoothing, corpus score and sentence scores.
package dev.reason2decide.eval.text;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code sacrebleu.corpus_bleu(hyps, [refs])} (effective order off) and {@code sacrebleu.sentence_bleu(hyp, [ref])}
 * (effective order on), case-sensitive, one reference per hypothesis, 0-100 scale. Statistics are summed over
 * segments before the score is formed, as sacreBLEU does.
 */
public final class SacreBleu {
  /** The sacreBLEU release whose semantics these numbers follow (it appears in the signature). */
  public static final String VERSION = "2.6.0";
  private static final int MAX_ORDER = 4;
  private static final double LOG_ZERO = -9999999999.0;

  private final Tokenizer13a tokenizer = new Tokenizer13a();

  /** One BLEU figure with its sufficient statistics. */
  public record Score(double score, int[] counts, int[] totals, double[] precisions, double bp, int sysLen,
      int refLen) {}

  /** Corpus score, per-line sentence scores, and both signatures. */
  public record Result(Score corpus, String signature, List<Double> perLine, String sentenceSignature) {}

  /** Corpus BLEU plus sentence BLEU of every pair. */
  public Result score(List<String> hypotheses, List<String> references) {
    TextPairs.requireSameSize(hypotheses, references);
    long[] stats = new long[2 + 2 * MAX_ORDER];
    List<Double> per = new ArrayList<>();
    for (int i = 0; i < hypotheses.size(); i++) {
      long[] s = segmentStats(hypotheses.get(i), references.get(i));
      for (int j = 0; j < stats.length; j++) {
        stats[j] += s[j];
      }
      per.add(fromStats(s, true).score());
    }
    return new Result(fromStats(stats, false), signature(false), per, signature(true));
  }

  /** {@code sacrebleu.sentence_bleu(hyp, [ref])}: effective order on. */
  public Score sentence(String hypothesis, String reference) {
    return fromStats(segmentStats(hypothesis, reference), true);
  }

  /** The signature sacreBLEU prints for these settings. */
  public static String signature(boolean effectiveOrder) {
    return "nrefs:1|case:mixed|eff:" + (effectiveOrder ? "yes" : "no") + "|tok:13a|smooth:exp|version:" + VERSION;
  }

  /**
   * The corpus score of statistics summed over segments ({@link #segmentStats}): summing them over parts of a
   * corpus (e.g. Spark partitions) and calling this gives the corpus score of {@link #score}.
   */
  public static Score corpusFromStats(long[] stats) {
    if (stats.length != 2 + 2 * MAX_ORDER) {
      throw new IllegalArgumentException("sacreBLEU statistics have " + (2 + 2 * MAX_ORDER) + " entries, got "
          + stats.length);
    }
    return fromStats(stats, false);
  }

  /** [hyp_len, ref_len, correct_1..4, total_1..4] of one pair. */
  public long[] segmentStats(String hypothesis, String reference) {
    List<String> hyp = tokenizer.tokenize(PyText.rstrip(hypothesis));
    List<String> ref = tokenizer.tokenize(PyText.rstrip(reference));
    long[] s = new long[2 + 2 * MAX_ORDER];
    s[0] = hyp.size();
    s[1] = ref.size();
    for (int n = 1; n <= MAX_ORDER; n++) {
      NgramCounts h = NgramCounts.of(hyp, n);
      s[1 + n] = h.clippedMatches(NgramCounts.of(ref, n));
      s[1 + MAX_ORDER + n] = h.total();
    }
    return s;
  }

  /** {@code BLEU.compute_bleu} with smooth_method 'exp'. */
  private static Score fromStats(long[] s, boolean effectiveOrder) {
    int sysLen = (int) s[0];
    int refLen = (int) s[1];
    int[] correct = new int[MAX_ORDER];
    int[] total = new int[MAX_ORDER];
    boolean anyCorrect = false;
    for (int i = 0; i < MAX_ORDER; i++) {
      correct[i] = (int) s[2 + i];
      total[i] = (int) s[2 + MAX_ORDER + i];
      anyCorrect |= correct[i] != 0;
    }
    double bp = 1.0;
    if (sysLen < refLen) {
      bp = sysLen > 0 ? Math.exp(1.0 - (double) refLen / sysLen) : 0.0;
    }
    double[] precisions = new double[MAX_ORDER];
    if (!anyCorrect) {
      return new Score(0.0, correct, total, precisions, bp, sysLen, refLen);
    }
    double smooth = 1.0;
    int effOrder = MAX_ORDER;
    for (int n = 1; n <= MAX_ORDER; n++) {
      if (total[n - 1] == 0) {
        break;
      }
      if (effectiveOrder) {
        effOrder = n;
      }
      if (correct[n - 1] == 0) {
        smooth *= 2;
        precisions[n - 1] = 100.0 / (smooth * total[n - 1]);
      } else {
        precisions[n - 1] = 100.0 * correct[n - 1] / total[n - 1];
      }
    }
    double logSum = 0;
    for (int i = 0; i < effOrder; i++) {
      logSum += precisions[i] == 0.0 ? LOG_ZERO : Math.log(precisions[i]);
    }
    return new Score(bp * Math.exp(logSum / effOrder), correct, total, precisions, bp, sysLen, refLen);
  }
}
