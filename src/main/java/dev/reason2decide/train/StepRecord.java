// What one optimiser step did: losses, schedule values, realised sampling, learning rate and speed.
package dev.reason2decide.train;

/** One line of metrics.jsonl of kind "step" (null fields were not computed at that step). */
public record StepRecord(String kind, String stage, int step, Double loss, Double lPred, Double lRat, Double alpha,
    Double pi, Double predictedFraction, double lr, double gradNorm, double tokensPerS, double seconds) {}
