// What faithfulness needs from a model: the label it predicts when shown only a text (its own rationale).
package dev.reason2decide.eval;

import dev.reason2decide.engine.DeviceSpec;
import java.nio.file.Path;
import java.util.List;

/**
 * Predicts labels from texts. For Reason2Decide the text is the model's own rationale r̂ and implementations prompt
 * the prediction task with {@code predict: {r̂}}. Used by {@link Faithfulness}; {@code r2d evaluate --model DIR}
 * obtains one through a {@link Provider} found with {@link java.util.ServiceLoader}.
 */
public interface RationaleLabeler extends AutoCloseable {
  /** The label predicted for each text, in order (same length as {@code texts}). */
  List<String> labels(List<String> texts);

  /** A short description for the report (model name, decoding). */
  String describe();

  @Override
  default void close() {}

  /** Opens a labeler on a trained model folder; registered in META-INF/services. */
  interface Provider {
    RationaleLabeler open(Path modelDir);

    /** Opens the labeler with its model on {@code device}; a labeler without tensors ignores it. */
    default RationaleLabeler open(Path modelDir, DeviceSpec device) {
      return open(modelDir);
    }
  }
}
