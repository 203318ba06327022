// How `r2d serve --model DIR` turns a folder into a DecisionModel (placeholder until checkpoints can be loaded).
package dev.reason2decide.serve;

import dev.reason2decide.inference.DecisionModel;
import java.nio.file.Path;

/** The single place where the service loads its model. */
public final class ModelLoading {
  private ModelLoading() {}

  /**
   * Loads the trained model in {@code dir}.
   *
   * @throws UnsupportedOperationException always, for now: loading a trained checkpoint arrives with training
   */
  public static DecisionModel load(Path dir) {
    throw new UnsupportedOperationException("model loading arrives with the training issue");
  }
}
