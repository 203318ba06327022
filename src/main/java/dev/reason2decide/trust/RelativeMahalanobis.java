// Class-conditional Gaussians with a shared covariance against one background Gaussian: MD and RMD (Ren et al.).
package dev.reason2decide.trust;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The foreground is one Gaussian per gold label with a shared (pooled within-class) covariance; the background is
 * one Gaussian over all the same vectors (Ren et al. 2021, "A simple fix to Mahalanobis distance"). With no data
 * from outside the domain, the background stands for "anything like the training inputs" and the foreground for
 * "like the training inputs of one decision": {@code MD(x) = min_k MD_k(x)} and
 * {@code RMD(x) = min_k (MD_k(x) − MD_0(x))}, both squared distances; larger means further from the training data.
 *
 * @param classMeans μ_k (K,D), in the order of {@code classes}
 * @param classes the gold label of each mean
 * @param shared the precision of the shared within-class covariance (D,D)
 * @param background the background Gaussian
 */
public record RelativeMahalanobis(float[][] classMeans, List<String> classes, float[][] shared, Gaussian background) {
  public RelativeMahalanobis {
    classes = List.copyOf(classes);
    if (classMeans.length != classes.size() || classMeans.length == 0) {
      throw new IllegalArgumentException(classMeans.length + " class means for " + classes.size() + " classes");
    }
    if (shared.length != background.dim()) {
      throw new IllegalArgumentException("shared precision of " + shared.length + " rows for dimension "
          + background.dim());
    }
  }

  /** Dimension D. */
  public int dim() {
    return background.dim();
  }

  /** min_k MD_k(x): the squared Mahalanobis distance to the nearest class mean under the shared covariance. */
  public double distance(float[] x) {
    double best = Double.POSITIVE_INFINITY;
    for (float[] mu : classMeans) {
      best = Math.min(best, Gaussian.quadratic(shared, x, mu));
    }
    return best;
  }

  /** min_k MD_k(x) − MD_0(x). */
  public double relativeDistance(float[] x) {
    return distance(x) - background.distance(x);
  }

  /**
   * Fits the foreground and background on {@code xs} with gold labels {@code labels} (same order), shrinkage
   * {@code lambda} for both covariances. A label with no vector gets no mean.
   */
  public static RelativeMahalanobis fit(List<float[]> xs, List<String> labels, double lambda) {
    if (xs.size() != labels.size()) {
      throw new IllegalArgumentException(xs.size() + " vectors for " + labels.size() + " labels");
    }
    Map<String, List<float[]>> byClass = new LinkedHashMap<>();
    for (int i = 0; i < xs.size(); i++) {
      byClass.computeIfAbsent(labels.get(i), k -> new ArrayList<>()).add(xs.get(i));
    }
    int d = xs.get(0).length;
    double[][] scatter = new double[d][d];
    List<String> classes = new ArrayList<>();
    float[][] means = new float[byClass.size()][];
    int k = 0;
    for (Map.Entry<String, List<float[]>> e : byClass.entrySet()) {
      double[] mu = Gaussian.mean(e.getValue());
      Gaussian.accumulate(scatter, e.getValue(), mu);
      classes.add(e.getKey());
      means[k++] = Gaussian.toFloat(mu);
    }
    float[][] shared = Gaussian.precision(scatter, xs.size(), lambda);
    return new RelativeMahalanobis(means, classes, shared, Gaussian.fit(xs, lambda));
  }
}
