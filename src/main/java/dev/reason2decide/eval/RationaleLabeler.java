// What faithfulness needs from a model: the label it predicts when shown only a text (its own rationale).
package dev.reason2decide.eval;

import java.util.List;

/**
 * Predicts labels from texts. For Reason2Decide the text is the model's own rationale r̂ and implementations prompt
 * the prediction task with {@code predict: {r̂}}. Used by {@link Faithfulness}; the model's implementation is
 * {@code eval.faith.ModelRationaleLabeler} (this package sits below the model, so it names no model class).
 */
public interface RationaleLabeler extends AutoCloseable {
  /** The label predicted for each text, in order (same length as {@code texts}). */
  List<String> labels(List<String> texts);

  /** A short description for the report (model name, decoding). */
  String describe();

  @Override
  default void close() {}
}
