// The faithfulness probe on a trained model: which label does the model predict from a text (its own rationale)?
package dev.reason2decide.inference;

import dev.reason2decide.eval.RationaleLabeler;
import java.nio.file.Path;
import java.util.List;

/** {@code predict: {r̂}} → label, greedy, with the model's prediction template; used by {@code r2d evaluate --model}. */
public final class T5RationaleLabeler implements RationaleLabeler {
  private final T5DecisionModel model;

  public T5RationaleLabeler(T5DecisionModel model) {
    this.model = model;
  }

  @Override
  public List<String> labels(List<String> texts) {
    return model.predictLabels(texts);
  }

  @Override
  public String describe() {
    return model.name() + ": greedy label from '" + model.card().prompts().predict() + "' with the rationale as x";
  }

  @Override
  public void close() {
    model.close();
  }

  /** Registered in META-INF/services for {@code r2d evaluate --model DIR}. */
  public static final class Provider implements RationaleLabeler.Provider {
    @Override
    public RationaleLabeler open(Path modelDir) {
      return new T5RationaleLabeler(T5DecisionModel.load(modelDir));
    }
  }
}
