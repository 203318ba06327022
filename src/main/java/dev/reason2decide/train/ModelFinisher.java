// What runs on the final model folder before it is put in place: trust statistics, for one.
package dev.reason2decide.train;

import java.nio.file.Path;

/**
 * Called by {@link TrainingRun} with the complete final model folder under its temporary name (weights,
 * tokenizer, r2d.json) and the run's data; whatever it writes there appears with the model, atomically.
 */
@FunctionalInterface
public interface ModelFinisher {
  /** Finishes nothing. */
  ModelFinisher NONE = (dir, data) -> {};

  void finish(Path modelDir, TrainingRun.Data data);
}
