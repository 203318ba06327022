// Evaluates one run's final model on a split (test, held-out forms): predictions.jsonl, then r2d evaluate's report.
package dev.reason2decide.experiment;

import dev.reason2decide.data.Example;
import dev.reason2decide.data.Prediction;
import dev.reason2decide.engine.DeviceSpec;
import dev.reason2decide.eval.faith.CheckInputs;
import dev.reason2decide.eval.faith.CheckSetup;
import dev.reason2decide.eval.faith.FaithfulnessChecks;
import dev.reason2decide.eval.faith.ModelRationaleLabeler;
import dev.reason2decide.eval.report.Evaluation;
import dev.reason2decide.eval.report.EvaluationOptions;
import dev.reason2decide.eval.report.EvaluationReport;
import dev.reason2decide.eval.report.PredictionRow;
import dev.reason2decide.inference.T5DecisionModel;
import dev.reason2decide.io.Json;
import dev.reason2decide.io.Provenance;
import dev.reason2decide.runs.EvaluationFolder;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The evaluation folder of a run: {@code predictions.jsonl} (the format of {@code r2d predict}: id, input, label,
 * rationale, predicted_label, predicted_rationale, probabilities), {@code report.json} and {@code report.md}
 * (exactly what {@code r2d evaluate --model} computes, through the same {@link EvaluationRun}: labels, calibration,
 * rationale metrics, BERTScore when an encoder is given, same-model consistency and sufficiency, the faithfulness
 * checks) and {@code timing.json}. A folder with report.json is finished. The held-out forms split is evaluated
 * the same way into {@code evaluation/held_out_forms/}, without counterfactual probes.
 */
final class RunEvaluation {
  private RunEvaluation() {}

  /** True when {@code dir} holds a finished evaluation. */
  static boolean finished(Path dir) {
    return new EvaluationFolder(dir).finished();
  }

  /** Counterfactual probes per kind of edit in an experiment's evaluation (synthetic triage set only). */
  static final int COUNTERFACTUAL_PER_EDIT = 10;

  /**
   * Predicts {@code test} with the model in {@code modelDir} and evaluates; returns the wall seconds taken. The
   * simulator check learns from {@code train}'s gold rationales; on the synthetic triage set with {@code probes}
   * counterfactual probes run too ({@code counterfactual.jsonl}). The model and the BERTScore encoder run on
   * {@code device} (the run's).
   */
  static double run(Path modelDir, List<Example> test, Path testFile, ExperimentConfig.EvaluationSpec spec,
      Path dir, List<Example> train, DeviceSpec device, boolean probes) {
    long start = System.nanoTime();
    EvaluationFolder folder = new EvaluationFolder(dir);
    try (T5DecisionModel model = T5DecisionModel.load(modelDir, null, device)) {
      List<Prediction> preds = PredictionRow.decide(model, test, spec.batchSize(), folder.predictions());
      double predictSeconds = (System.nanoTime() - start) / 1e9;
      EvaluationOptions opt = EvaluationOptions.defaults().withDevice(device);
      Provenance.Report prov = new Provenance.Report().file("predictions", folder.predictions())
          .file("gold", testFile).file("model", modelDir);
      if (spec.bertscoreModel() != null) {
        opt = opt.withBertScore(spec.bertscoreModel(), spec.bertscoreLayer(), false, null);
        prov.file("bertscore_model", spec.bertscoreModel());
      }
      CheckInputs checks = CheckSetup.simulator(train, "the training split");
      if (probes && FaithfulnessChecks.syntheticTriage(preds)) {
        checks = EvaluationRun.withCounterfactual(checks, preds, model, COUNTERFACTUAL_PER_EDIT, 1L,
            spec.batchSize(), folder);
      }
      Map<String, Object> provenance = prov.build();
      provenance.put("device", device.toString());
      EvaluationReport report = Evaluation.run(preds, opt, EvaluationRun.FINITE_PROBABILITIES,
          new ModelRationaleLabeler(model, spec.batchSize()), provenance, checks);
      double seconds = (System.nanoTime() - start) / 1e9;
      Map<String, Object> timing = new LinkedHashMap<>();
      timing.put("examples", preds.size());
      timing.put("predict_seconds", predictSeconds);
      timing.put("total_seconds", seconds);
      Json.writePretty(folder.timing(), timing);
      EvaluationRun.write(folder, report, folder.predictions().getFileName().toString());
      return seconds;
    }
  }
}
