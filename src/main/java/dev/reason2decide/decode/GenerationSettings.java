// Generation options with transformers' meaning and defaults.
package dev.reason2decide.decode;

/**
 * {@code maxNewTokens} tokens at most after the decoder start token; {@code numBeams} 1 is greedy;
 * {@code lengthPenalty} divides a finished beam's log-probability by (generated length)^penalty;
 * {@code earlyStopping} false uses transformers' heuristic stop; {@code sampleWithDropout} decodes with dropout on
 * (Reason2Decide's ŷ during Stage-2 training).
 */
public record GenerationSettings(int maxNewTokens, int numBeams, float lengthPenalty, boolean earlyStopping,
    boolean sampleWithDropout) {

  public GenerationSettings {
    if (maxNewTokens < 1) {
      throw new IllegalArgumentException("max_new_tokens must be at least 1, got " + maxNewTokens);
    }
    if (numBeams < 1) {
      throw new IllegalArgumentException("num_beams must be at least 1, got " + numBeams);
    }
  }

  public static GenerationSettings greedy(int maxNewTokens) {
    return new GenerationSettings(maxNewTokens, 1, 1f, false, false);
  }

  public static GenerationSettings beam(int maxNewTokens, int numBeams) {
    return new GenerationSettings(maxNewTokens, numBeams, 1f, false, false);
  }

  public GenerationSettings withDropout(boolean on) {
    return new GenerationSettings(maxNewTokens, numBeams, lengthPenalty, earlyStopping, on);
  }
}
