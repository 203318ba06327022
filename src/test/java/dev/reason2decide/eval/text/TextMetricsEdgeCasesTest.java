// Hand-computed edge cases for the text metrics: empty hypothesis, one token, no overlap, identical texts.
package dev.reason2decide.eval.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextMetricsEdgeCasesTest {
  private final NltkBleu nltk = new NltkBleu();
  private final SacreBleu sacre = new SacreBleu();
  private final ChrF chrf = new ChrF();
  private final Rouge rouge = new Rouge();

  private double nltk(String hyp, String ref) {
    return nltk.score(List.of(hyp), List.of(ref)).score();
  }

  @Test
  void emptyHypothesisScoresZeroEverywhere() {
    assertEquals(0.0, nltk("", "the results are clear"));
    assertEquals(0.0, sacre.sentence("", "the results are clear").score());
    assertEquals(0.0, chrf.sentence("", "the results are clear"));
    assertEquals(0.0, rouge.pair("", "the results are clear").rougeL().f());
  }

  @Test
  void identicalTextsScoreFull() {
    String t = "Aspirin did not reduce stroke risk in the trial.";
    assertEquals(1.0, nltk(t, t), 1e-12);
    assertEquals(100.0, sacre.sentence(t, t).score(), 1e-9);
    assertEquals(100.0, chrf.sentence(t, t), 1e-9);
    Rouge.Scores s = rouge.pair(t, t);
    assertEquals(1.0, s.rouge1().f(), 1e-12);
    assertEquals(1.0, s.rouge2().f(), 1e-12);
    assertEquals(1.0, s.rougeL().f(), 1e-12);
  }

  @Test
  void noOverlapScoresZero() {
    assertEquals(0.0, nltk("alpha beta", "gamma delta"));
    assertEquals(0.0, sacre.sentence("alpha beta", "gamma delta").score());
    assertEquals(0.0, chrf.sentence("xyz", "abc"));
    assertEquals(0.0, rouge.pair("alpha beta", "gamma delta").rouge1().f());
  }

  @Test
  void singleTokenHypothesis() {
    // p1 = 1/1; higher orders have 0/1 and, with a one-token hypothesis, are left out; BP = exp(1 - 3/1).
    assertEquals(Math.exp(-2), nltk("yes", "yes it is"), 1e-12);
    // effective order: only unigrams count, so the sentence score is the unigram precision
    assertEquals(100.0, sacre.sentence("yes", "yes").score(), 1e-9);
    Rouge.Scores s = rouge.pair("yes", "yes");
    assertEquals(1.0, s.rouge1().f());
    assertEquals(0.0, s.rouge2().f());
    assertEquals(1.0, s.rougeL().f());
  }

  @Test
  void handComputedValues() {
    // all n-gram precisions 100, BP = exp(1 - 5/4)
    assertEquals(100 * Math.exp(-0.25), sacre.sentence("a b c d", "a b c d e").score(), 1e-9);
    // chrF: orders 1 and 2 effective; P = 1, R = (2/3 + 1/2)/2 = 7/12; F2 = 5PR/(4P+R) = 35/55
    assertEquals(100.0 * 35 / 55, chrf.sentence("ab", "abc"), 1e-9);
    Rouge.Scores s = rouge.pair("The cat, the", "the cat sat");
    assertEquals(2.0 / 3, s.rouge1().precision(), 1e-12);
    assertEquals(2.0 / 3, s.rouge1().recall(), 1e-12);
    assertEquals(0.5, s.rouge2().f(), 1e-12);
    assertEquals(2.0 / 3, s.rougeL().f(), 1e-12);
    // NLTK, two tokens, no bigram match: p2..p4 smoothed with 1/(2^k*5/ln 2); BP = exp(1 - 3/2)
    double ln2 = Math.log(2);
    double expected = Math.exp(-0.5) * Math.exp(0.25 * (Math.log(1.0) + Math.log(ln2 / 10) + Math.log(ln2 / 20)
        + Math.log(ln2 / 40)));
    assertEquals(expected, NltkBleu.sentenceBleu(List.of("b", "a", "c"), List.of("a", "b")), 1e-12);
  }

  @Test
  void mismatchedListsAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> sacre.score(List.of("a"), List.of("a", "b")));
  }

  @Test
  void tokenizerSplitsCliticsAndQuotesLikeTreebank() {
    NltkWordTokenizer t = new NltkWordTokenizer();
    assertEquals(List.of("they", "did", "n't", "``", "go", "''", "."), t.tokenize("they didn't \"go\"."));
    assertEquals(List.of("cost", "$", "3.88", "(", "x", ")"), t.tokenize("cost $3.88 (x)"));
  }
}
