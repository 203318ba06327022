// Where the label probabilities for calibration come from: the predictions file, or something plugged in.
package dev.reason2decide.eval.labels;

import dev.reason2decide.data.Prediction;
import java.util.List;
import java.util.Map;

/**
 * Supplies a probability per label for each prediction, for {@link Calibration}. The default reads the
 * {@code probabilities} field that {@code r2d predict} writes; another source (for instance a model that rescores
 * the label set) can be passed to the evaluation instead.
 */
@FunctionalInterface
public interface ProbabilitySource {
  /** One map per prediction, in order; an entry is null where no probabilities are known. */
  List<Map<String, Double>> probabilities(List<Prediction> predictions);

  /** The probabilities carried in the predictions themselves. */
  static ProbabilitySource fromPredictions() {
    return ps -> ps.stream().map(Prediction::probabilities).toList();
  }
}
