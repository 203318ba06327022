// Faithfulness probe on a trained T5 decision model: the label it predicts from its own rationale alone.
package dev.reason2decide.eval.faith;

import dev.reason2decide.engine.DeviceSpec;
import dev.reason2decide.eval.RationaleLabeler;
import dev.reason2decide.inference.T5DecisionModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Prompts {@code predict: r̂} with greedy decoding ({@link T5DecisionModel#predictLabels}) in batches: the
 * {@link RationaleLabeler} of {@code r2d evaluate --model DIR} and of experiment evaluations.
 */
public final class ModelRationaleLabeler implements RationaleLabeler {
  private static final int OPENED_BATCH_SIZE = 32;

  private final T5DecisionModel model;
  private final boolean owned;
  private final int batchSize;

  /** Uses {@code model} (left open on close) in batches of {@code batchSize}. */
  public ModelRationaleLabeler(T5DecisionModel model, int batchSize) {
    this(model, false, batchSize);
  }

  private ModelRationaleLabeler(T5DecisionModel model, boolean owned, int batchSize) {
    this.model = model;
    this.owned = owned;
    this.batchSize = batchSize;
  }

  /** Opens the model folder {@code modelDir} on {@code device}; closing the labeler closes the model. */
  public static ModelRationaleLabeler open(Path modelDir, DeviceSpec device) {
    return new ModelRationaleLabeler(T5DecisionModel.load(modelDir, null, device), true, OPENED_BATCH_SIZE);
  }

  @Override
  public List<String> labels(List<String> texts) {
    List<String> out = new ArrayList<>(texts.size());
    for (int i = 0; i < texts.size(); i += batchSize) {
      out.addAll(model.predictLabels(texts.subList(i, Math.min(texts.size(), i + batchSize))));
    }
    return out;
  }

  @Override
  public String describe() {
    return model.name() + " (predict: rationale, greedy)";
  }

  @Override
  public void close() {
    if (owned) {
      model.close();
    }
  }
}
