// How `r2d serve --model DIR` turns a trained model folder into a DecisionModel.
package dev.reason2decide.serve;

import dev.reason2decide.engine.DeviceSpec;
import dev.reason2decide.inference.DecisionModel;
import dev.reason2decide.inference.T5DecisionModel;
import java.nio.file.Path;

/** The single place where the service loads its model. */
public final class ModelLoading {
  private ModelLoading() {}

  /**
   * Loads the trained model in {@code dir} (weights, tokenizer.json and r2d.json with the label set) onto
   * {@code device}; {@code GET /v1/model} shows the device ({@link DecisionModel#describe()}).
   */
  public static DecisionModel load(Path dir, DeviceSpec device) {
    DecisionModel m = T5DecisionModel.load(dir, null, device);
    try {
      m.decide(TEST_NOTE); // damaged weights (NaN scores) refuse the start, as predict refuses them
    } catch (RuntimeException e) {
      m.close();
      throw new IllegalArgumentException("--model " + dir + ": not served: a decision on a test note failed: "
          + e.getMessage(), e);
    }
    m.trustNotice().ifPresent(System.err::println);
    return m;
  }

  /** The fixed note decided once at start; any text works, a model with finite scores decides it. */
  static final String TEST_NOTE = "Patient reports a mild headache since this morning; vital signs normal.";
}
