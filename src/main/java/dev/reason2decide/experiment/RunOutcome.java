// One finished recipe × seed: where it is, its evaluation report, its training history and what it cost.
package dev.reason2decide.experiment;

import com.google.gson.JsonObject;
import java.nio.file.Path;

/**
 * A run of the experiment. {@code report} is its evaluation/report.json; {@code trainSeconds} is the wall time of
 * its training with validation (experiment-timing.json; for a run trained outside the experiment, the sum of its
 * step times in metrics.jsonl) and {@code evalSeconds} the test evaluation's;
 * {@code trainedNow} says whether this invocation trained any of its steps.
 */
public record RunOutcome(String recipe, long seed, Path dir, JsonObject report, RunHistory history,
    double trainSeconds, double evalSeconds, boolean trainedNow) {

  /** The folder name of a run: {@code <recipe>-seed<seed>}. */
  public static String folderName(String recipe, long seed) {
    return recipe + "-seed" + seed;
  }

  /** The value of {@code m} in this run's report, or null where it was not computed. */
  public Double value(Metric m) {
    return m.read(report);
  }
}
