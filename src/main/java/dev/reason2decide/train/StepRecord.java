// What one optimiser step did: its losses and sampling, the learning rate, the gradient norm and the time it took.
package dev.reason2decide.train;

/**
 * One optimiser step of {@code stage}: {@code step} counts from 1; {@code losses} added over its micro-batches;
 * {@code gradNorm} before clipping. {@link MetricsWriter#step} writes it as a line of metrics.jsonl of kind "step".
 */
public record StepRecord(String stage, int step, StepLosses losses, double lr, double gradNorm, double seconds) {

  /** The loss optimised (with λ·L_cycle when the cycle loss is on); null when the step trained no task. */
  public Double loss() {
    return losses.loss();
  }

  public Double lPred() {
    return losses.lPred();
  }

  public Double lRat() {
    return losses.lRat();
  }

  public double alpha() {
    return losses.alpha();
  }

  public Double pi() {
    return losses.pi();
  }

  public Double predictedFraction() {
    return losses.predictedFraction();
  }

  public double tokensPerS() {
    return losses.tokens() / seconds;
  }
}
