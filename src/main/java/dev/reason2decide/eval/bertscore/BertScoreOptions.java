// Settings of one BERTScore computation, with bert_score's defaults.
package dev.reason2decide.eval.bertscore;

/**
 * {@code layer}: which hidden state to match (0 = embeddings; the paper uses roberta-large layer 17);
 * {@code idf}: weight tokens by idf over the references; {@code baseline}: rescale with (x − b)/(1 − b), or null;
 * {@code pairBatch}: pairs per greedy-matching batch, which bert_score pads together (64 there; see
 * {@link BertScorer}); {@code encodeBatch}: sentences per encoder forward pass (does not change the figures).
 */
public record BertScoreOptions(int layer, boolean idf, Baseline baseline, int pairBatch, int encodeBatch) {
  /** bert_score's pair batch size. */
  public static final int BERT_SCORE_BATCH = 64;

  public BertScoreOptions {
    if (pairBatch < 1 || encodeBatch < 1) {
      throw new IllegalArgumentException("batch sizes must be positive");
    }
  }

  /** Defaults: no idf, no rescaling, bert_score's batch of 64 pairs, 16 sentences per forward pass. */
  public static BertScoreOptions of(int layer) {
    return new BertScoreOptions(layer, false, null, BERT_SCORE_BATCH, 16);
  }

  public BertScoreOptions withIdf(boolean on) {
    return new BertScoreOptions(layer, on, baseline, pairBatch, encodeBatch);
  }

  public BertScoreOptions withBaseline(Baseline b) {
    return new BertScoreOptions(layer, idf, b, pairBatch, encodeBatch);
  }
}
