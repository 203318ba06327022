// The end of training: fit the trust statistics of the final model before its folder is put in place.
package dev.reason2decide.trust.fit;

import dev.reason2decide.train.ModelFinisher;
import dev.reason2decide.train.TrainingRun;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Fits on the run's training and (whole) validation notes. A failure to fit does not lose the model: it is reported
 * on {@code log} with the command that fits them later, and the folder goes without trust statistics.
 *
 * @param settings how to fit
 * @param log progress and problems
 */
public record TrustFinisher(TrustSettings settings, Consumer<String> log) implements ModelFinisher {
  @Override
  public void finish(Path modelDir, TrainingRun.Data data) {
    try {
      TrustFit.fitInto(modelDir, data.train(), data.validation(), settings, log);
    } catch (RuntimeException e) {
      log.accept("trust: statistics not fitted (" + e.getMessage() + "); the model has no trust verdicts beyond its "
          + "label probability until `r2d trust fit --model DIR --train F --validation F` fits them");
    }
  }
}
