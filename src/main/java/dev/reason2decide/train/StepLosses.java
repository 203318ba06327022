// What training computed on micro-batches: losses, sampling and tokens of one, or added up over a step's micro-batches.
package dev.reason2decide.train;

/**
 * The numbers of one micro-batch ({@link JointObjective#forwardBackward}) or of a step's micro-batches added with
 * {@link #plus}: the losses are means over the micro-batches (null: not computed; {@code cycleAccuracy} is the token
 * accuracy of the label recovered from the rationale, with {@code lCycle}), counts and sums add up ({@code predicted}
 * of {@code examples} conditioned on ŷ, {@code tokens}, {@code explainCut}: explanation prompts cut at
 * {@code explain-max-input-tokens}, null while that limit is not in force; the confidences of ŷ as a sum over
 * {@code confidenceCount} examples); the schedule values ({@code weights}, π, τ, the Gumbel temperature) are those
 * of the step. {@link #loss} is the loss optimised, by {@link JointLoss}.
 */
public record StepLosses(JointLoss weights, Double lPred, Double lRat, Double lCycle, Double cycleAccuracy, Double pi,
    int predicted, int examples, long tokens, Integer explainCut, double confidenceSum, int confidenceCount, Double tau,
    Double gumbelTemperature) {

  /** The sum of no micro-batch: what a step's {@link #plus} starts from. */
  static final StepLosses NONE = new StepLosses(null, null, null, null, null, null, 0, 0, 0, null, 0, 0, null, null);

  /** These numbers with {@code next}, one of {@code microBatches}: next's losses add 1/microBatches of themselves. */
  StepLosses plus(StepLosses next, int microBatches) {
    return new StepLosses(next.weights, share(lPred, next.lPred, microBatches), share(lRat, next.lRat, microBatches),
        share(lCycle, next.lCycle, microBatches), share(cycleAccuracy, next.cycleAccuracy, microBatches), next.pi,
        predicted + next.predicted, examples + next.examples, tokens + next.tokens,
        count(explainCut, next.explainCut),
        confidenceSum + next.confidenceSum, confidenceCount + next.confidenceCount, next.tau, next.gumbelTemperature);
  }

  private static Integer count(Integer sum, Integer next) {
    if (next == null) {
      return sum;
    }
    return (sum == null ? 0 : sum) + next;
  }

  private static Double share(Double sum, Double next, int microBatches) {
    if (next == null) {
      return sum;
    }
    return (sum == null ? 0.0 : sum) + next / microBatches;
  }

  /** The loss optimised (with λ·L_cycle when the cycle loss was on); null when no task was trained. */
  public Double loss() {
    return weights == null ? null : weights.of(lPred, lRat, lCycle);
  }

  /** α of the step. */
  public double alpha() {
    return weights.alpha();
  }

  /** The share of examples whose rationale prompt was given ŷ; null when the phase samples no ŷ. */
  public Double predictedFraction() {
    return pi == null ? null : (double) predicted / examples;
  }

  /** The mean confidence c of the step's ŷ (Reason2Decide-C); null when none was measured. */
  public Double confidence() {
    return confidenceCount > 0 ? confidenceSum / confidenceCount : null;
  }
}
