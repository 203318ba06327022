// The loss a phase optimises, α·L_pred + (1−α)·L_rat (+ λ·L_cycle): the one place of the formula, tensors and numbers.
package dev.reason2decide.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.reason2decide.engine.Tensors;

/**
 * The weights α (of L_pred; 1 − α for L_rat) and λ (of L_cycle, Reason2Decide-C) of one step. {@link #combine} is the
 * formula over whichever terms the step computed: the backward pass uses it on scalar tensors
 * ({@link #of(NDManager, NDArray, NDArray, NDArray)}), the log on the numbers ({@link #of(Double, Double, Double)}),
 * so the loss reported is the loss optimised. L_pred counts only when α &gt; 0 (a step may compute it for ŷ alone).
 */
public record JointLoss(double alpha, double cycleWeight) {

  /** Scaling by a weight and addition: on tensors of the gradient path, or on logged numbers. */
  public interface Terms<T> {
    T scaled(T term, double weight);

    T plus(T a, T b);
  }

  private static final Terms<Double> NUMBERS = new Terms<>() {
    @Override
    public Double scaled(Double term, double weight) {
      return term * weight;
    }

    @Override
    public Double plus(Double a, Double b) {
      return a + b;
    }
  };

  /**
   * α·pred + (1−α)·rat + λ·cycle over the terms that are not null; null when none is. The weighted terms are made in
   * the order pred, cycle, rat (the order of the operations on the gradient path, which fixes the bits of a backward).
   */
  public <T> T combine(T pred, T rat, T cycle, Terms<T> terms) {
    T p = pred != null && alpha > 0 ? terms.scaled(pred, alpha) : null;
    T c = cycle != null ? terms.scaled(cycle, cycleWeight) : null;
    T r = rat != null ? terms.scaled(rat, 1 - alpha) : null;
    return sum(sum(p, r, terms), c, terms);
  }

  private static <T> T sum(T a, T b, Terms<T> terms) {
    return a == null ? b : b == null ? a : terms.plus(a, b);
  }

  /** The loss from the logged losses (null: that loss was not computed); null when none was. */
  public Double of(Double pred, Double rat, Double cycle) {
    return combine(pred, rat, cycle, NUMBERS);
  }

  /** The loss tensor from scalar loss tensors (null: not computed), weights as torch-owned scalars of {@code m}. */
  public NDArray of(NDManager m, NDArray pred, NDArray rat, NDArray cycle) {
    return combine(pred, rat, cycle, new Terms<>() {
      @Override
      public NDArray scaled(NDArray term, double weight) {
        return term.mul(Tensors.scalar(m, (float) weight));
      }

      @Override
      public NDArray plus(NDArray a, NDArray b) {
        return a.add(b);
      }
    });
  }
}
