// What one optimiser step did: losses, schedule values, realised sampling, learning rate and speed.
package dev.reason2decide.train;

/**
 * One line of metrics.jsonl of kind "step" (null fields were not computed at that step); {@code explainCut}: Stage-2
 * explanation prompts cut at {@code explain-max-input-tokens} in the step (only while that limit is in force).
 */
public record StepRecord(String kind, String stage, int step, Double loss, Double lPred, Double lRat, Double alpha,
    Double pi, Double predictedFraction, double lr, double gradNorm, double tokensPerS, double seconds,
    Integer explainCut) {}
