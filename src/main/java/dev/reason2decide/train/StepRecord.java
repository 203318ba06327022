// What one optimiser step did: losses, schedule values, realised sampling, learning rate and speed.
package dev.reason2decide.train;

/**
 * One line of metrics.jsonl of kind "step" (null fields were not computed at that step). {@code loss} is the loss
 * optimised (with λ·L_cycle when the cycle loss is on). {@code explainCut}: Stage-2 explanation prompts cut at
 * {@code explain-max-input-tokens} in the step (only while that limit is in force). Reason2Decide-C's fields:
 * {@code confidence} (mean c of the step's ŷ), {@code tau} (τ its coins used), {@code lCycle}, {@code cycleAccuracy}
 * (token accuracy of the label recovered from the rationale) and {@code gumbelTemperature}.
 */
public record StepRecord(String kind, String stage, int step, Double loss, Double lPred, Double lRat, Double alpha,
    Double pi, Double predictedFraction, double lr, double gradNorm, double tokensPerS, double seconds,
    Integer explainCut, Double confidence, Double tau, Double lCycle, Double cycleAccuracy, Double gumbelTemperature) {}
