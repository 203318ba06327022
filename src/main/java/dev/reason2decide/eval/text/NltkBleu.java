// The paper's BLEU: NLTK 3.8 sentence_bleu, one reference, uniform 4-gram weights, smoothing method4, 0-1 scale.
package dev.reason2decide.eval.text;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code nltk.translate.bleu_score.sentence_bleu([ref], hyp, weights=(0.25,)*4,
 * smoothing_function=SmoothingFunction().method4)} on {@link NltkWordTokenizer#paperTokens} of both texts,
 * averaged over examples. The arithmetic follows NLTK's: unreduced fractions per order, method4's
 * {@code 1 / (2^k · 5 / ln(len(hyp)))} for orders without a match, orders whose precision is 0 dropped from the
 * sum (they only arise for one-token hypotheses), and an exactly rounded sum of the logs ({@code math.fsum}).
 */
public final class NltkBleu {
  /** Smoothing constant k of NLTK's SmoothingFunction (its default). */
  private static final int K = 5;
  private static final int MAX_ORDER = 4;
  private static final double WEIGHT = 0.25;

  private final NltkWordTokenizer tokenizer = new NltkWordTokenizer();

  /** Corpus figure (mean of the per-example scores) and the per-example scores. */
  public record Result(double score, List<Double> perLine) {}

  /** BLEU of each hypothesis against its reference, and their mean (0 for no examples). */
  public Result score(List<String> hypotheses, List<String> references) {
    TextPairs.requireSameSize(hypotheses, references);
    List<Double> per = new ArrayList<>();
    double sum = 0;
    for (int i = 0; i < hypotheses.size(); i++) {
      double s = sentenceBleu(tokenizer.paperTokens(references.get(i)), tokenizer.paperTokens(hypotheses.get(i)));
      per.add(s);
      sum += s;
    }
    return new Result(per.isEmpty() ? 0.0 : sum / per.size(), per);
  }

  /** NLTK's sentence_bleu with one reference on already tokenized texts. */
  public static double sentenceBleu(List<String> ref, List<String> hyp) {
    int[] num = new int[MAX_ORDER];
    int[] den = new int[MAX_ORDER];
    for (int n = 1; n <= MAX_ORDER; n++) {
      NgramCounts h = NgramCounts.of(hyp, n);
      num[n - 1] = h.clippedMatches(NgramCounts.of(ref, n));
      den[n - 1] = Math.max(1, h.total());
    }
    if (num[0] == 0) {
      return 0.0;
    }
    int hypLen = hyp.size();
    int refLen = ref.size();
    double bp = hypLen > refLen ? 1.0 : Math.exp(1.0 - (double) refLen / hypLen);
    double[] p = new double[MAX_ORDER];
    int incvnt = 1;
    for (int i = 0; i < MAX_ORDER; i++) {
      p[i] = (double) num[i] / den[i];
      if (num[i] == 0 && hypLen > 1) {
        double numerator = 1.0 / ((double) ((1 << incvnt) * K) / Math.log(hypLen));
        p[i] = numerator / den[i];
        incvnt++;
      }
    }
    BigDecimal logSum = BigDecimal.ZERO;
    for (int i = 0; i < MAX_ORDER; i++) {
      if (p[i] > 0) {
        logSum = logSum.add(new BigDecimal(WEIGHT * Math.log(p[i])));
      }
    }
    return bp * Math.exp(logSum.doubleValue());
  }

  /** The settings printed beside the score. */
  public static Map<String, Object> settings() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("reference", "nltk 3.8 sentence_bleu, averaged over examples");
    m.put("weights", List.of(WEIGHT, WEIGHT, WEIGHT, WEIGHT));
    m.put("smoothing", "method4 (k=5)");
    m.put("tokenization", "lower-case; sentences split at whitespace after . ! ?; NLTKWordTokenizer per sentence");
    m.put("scale", "0-1");
    return m;
  }
}
