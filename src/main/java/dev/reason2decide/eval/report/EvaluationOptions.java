// Settings of `r2d evaluate`, with the reference's defaults.
package dev.reason2decide.eval.report;

import dev.reason2decide.engine.DeviceSpec;
import dev.reason2decide.eval.bertscore.Baseline;
import dev.reason2decide.eval.labels.Calibration;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code labelSet}: score against this fixed set (null = union of gold and predicted strings, the reference's
 * semantics); {@code eceBins}: calibration bins; {@code bertscoreModel}: a BERT/RoBERTa folder, or null to skip
 * BERTScore; {@code bertscoreLayer}, {@code bertscoreIdf}, {@code bertscoreBaseline}: its settings (the paper:
 * roberta-large, layer 17, no idf, no rescaling); {@code perturbation}: run the faithfulness perturbation probe;
 * {@code worst}: how many worst examples the report lists; {@code device}: where the BERTScore encoder runs.
 */
public record EvaluationOptions(List<String> labelSet, int eceBins, Path bertscoreModel, int bertscoreLayer,
    boolean bertscoreIdf, Baseline bertscoreBaseline, boolean perturbation, int worst, DeviceSpec device) {

  public EvaluationOptions {
    if (worst < 0) {
      throw new IllegalArgumentException("--worst must be 0 or more (how many worst examples to list): " + worst);
    }
    if (device == null) {
      throw new IllegalArgumentException("evaluation options need a device");
    }
    if (eceBins < 1) {
      throw new IllegalArgumentException("--ece-bins must be at least 1: " + eceBins);
    }
  }

  /** The paper's BERTScore layer for roberta-large. */
  public static final int PAPER_LAYER = 17;

  public static EvaluationOptions defaults() {
    return new EvaluationOptions(null, Calibration.DEFAULT_BINS, null, PAPER_LAYER, false, null, false, 10,
        DeviceSpec.fromEnvironment());
  }

  public EvaluationOptions withBertScore(Path model, int layer, boolean idf, Baseline baseline) {
    return new EvaluationOptions(labelSet, eceBins, model, layer, idf, baseline, perturbation, worst, device);
  }

  public EvaluationOptions withLabelSet(List<String> set) {
    return new EvaluationOptions(set, eceBins, bertscoreModel, bertscoreLayer, bertscoreIdf, bertscoreBaseline,
        perturbation, worst, device);
  }

  public EvaluationOptions withPerturbation(boolean on) {
    return new EvaluationOptions(labelSet, eceBins, bertscoreModel, bertscoreLayer, bertscoreIdf, bertscoreBaseline,
        on, worst, device);
  }

  public EvaluationOptions withEceBins(int bins) {
    return new EvaluationOptions(labelSet, bins, bertscoreModel, bertscoreLayer, bertscoreIdf, bertscoreBaseline,
        perturbation, worst, device);
  }

  public EvaluationOptions withDevice(DeviceSpec d) {
    return new EvaluationOptions(labelSet, eceBins, bertscoreModel, bertscoreLayer, bertscoreIdf, bertscoreBaseline,
        perturbation, worst, d);
  }

  public EvaluationOptions withWorst(int n) {
    return new EvaluationOptions(labelSet, eceBins, bertscoreModel, bertscoreLayer, bertscoreIdf, bertscoreBaseline,
        perturbation, n, device);
  }
}
