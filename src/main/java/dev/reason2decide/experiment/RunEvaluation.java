// Evaluates one run's final model on the test split: predictions.jsonl, then r2d evaluate's report.json/report.md.
package dev.reason2decide.experiment;

import dev.reason2decide.data.Example;
import dev.reason2decide.data.Prediction;
import dev.reason2decide.engine.DeviceSpec;
import dev.reason2decide.eval.faith.CheckInputs;
import dev.reason2decide.eval.faith.CheckSetup;
import dev.reason2decide.eval.faith.FaithfulnessChecks;
import dev.reason2decide.eval.faith.ModelRationaleLabeler;
import dev.reason2decide.eval.labels.ProbabilitySource;
import dev.reason2decide.eval.report.Evaluation;
import dev.reason2decide.eval.report.EvaluationOptions;
import dev.reason2decide.eval.report.EvaluationReport;
import dev.reason2decide.eval.report.PredictionFile;
import dev.reason2decide.eval.report.PredictionRow;
import dev.reason2decide.eval.report.MarkdownReport;
import dev.reason2decide.eval.report.ReportJson;
import dev.reason2decide.inference.Decision;
import dev.reason2decide.inference.T5DecisionModel;
import dev.reason2decide.io.AtomicFiles;
import dev.reason2decide.io.Json;
import dev.reason2decide.io.Provenance;
import dev.reason2decide.runs.EvaluationFolder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The evaluation folder of a run: {@code predictions.jsonl} (the format of {@code r2d predict}: id, input, label,
 * rationale, predicted_label, predicted_rationale, probabilities), {@code report.json} and {@code report.md}
 * (exactly what {@code r2d evaluate --model} computes: labels, calibration, rationale metrics, BERTScore when an
 * encoder is given, same-model consistency and sufficiency, the faithfulness checks) and {@code timing.json}. A folder with report.json is finished.
 */
final class RunEvaluation {

  /**
   * The predictions' probabilities, except where a diverged model gave NaN or infinite ones: those examples count
   * as without probabilities in the calibration (the report says how many) instead of failing the evaluation.
   */
  static final ProbabilitySource FINITE_PROBABILITIES = ps -> ps.stream()
      .map(p -> p.probabilities() != null && p.probabilities().values().stream().allMatch(Double::isFinite)
          ? p.probabilities() : null)
      .toList();

  private RunEvaluation() {}

  /** True when {@code dir} holds a finished evaluation. */
  static boolean finished(Path dir) {
    return new EvaluationFolder(dir).finished();
  }

  /** Counterfactual probes per kind of edit in an experiment's evaluation (synthetic triage set only). */
  static final int COUNTERFACTUAL_PER_EDIT = 10;

  /**
   * Predicts {@code test} with the model in {@code modelDir} and evaluates; returns the wall seconds taken. The
   * simulator check learns from {@code train}'s gold rationales; on the synthetic triage set counterfactual probes
   * run too ({@code counterfactual.jsonl}). The model and the BERTScore encoder run on {@code device} (the run's).
   */
  static double run(Path modelDir, List<Example> test, Path testFile, ExperimentConfig.EvaluationSpec spec,
      Path dir, List<Example> train, DeviceSpec device) {
    long start = System.nanoTime();
    try (T5DecisionModel model = T5DecisionModel.load(modelDir, null, device)) {
      List<Example> examples = new ArrayList<>();
      List<Decision> decisions = new ArrayList<>();
      for (int i = 0; i < test.size(); i += spec.batchSize()) {
        List<Example> batch = test.subList(i, Math.min(test.size(), i + spec.batchSize()));
        examples.addAll(batch);
        decisions.addAll(model.decideAll(batch.stream().map(Example::input).toList()));
      }
      Path predFile = new EvaluationFolder(dir).predictions();
      // r2d predict's rows, read back as r2d evaluate reads them: every field of a row (the trust verdict included)
      // reaches the report the same way
      AtomicFiles.write(predFile, w -> {
        for (int i = 0; i < examples.size(); i++) {
          w.write(Json.COMPACT.toJson(PredictionRow.of(examples.get(i), decisions.get(i), model.labels())));
          w.write('\n');
        }
      });
      List<Prediction> preds = PredictionFile.read(predFile);
      double predictSeconds = (System.nanoTime() - start) / 1e9;
      EvaluationOptions opt = EvaluationOptions.defaults().withDevice(device);
      Provenance.Report prov = new Provenance.Report().file("predictions", predFile).file("gold", testFile)
          .file("model", modelDir);
      if (spec.bertscoreModel() != null) {
        opt = opt.withBertScore(spec.bertscoreModel(), spec.bertscoreLayer(), false, null);
        prov.file("bertscore_model", spec.bertscoreModel());
      }
      CheckInputs checks = CheckSetup.simulator(train, "the training split");
      if (FaithfulnessChecks.syntheticTriage(preds)) {
        checks = checks.withCounterfactual(CheckSetup.counterfactual(preds, model, COUNTERFACTUAL_PER_EDIT, 1L,
            spec.batchSize(), new EvaluationFolder(dir).counterfactual(), k -> { }));
      }
      EvaluationReport report = Evaluation.run(preds, opt, FINITE_PROBABILITIES,
          new ModelRationaleLabeler(model, spec.batchSize()), withDevice(prov.build(), device), checks);
      double seconds = (System.nanoTime() - start) / 1e9;
      Map<String, Object> timing = new LinkedHashMap<>();
      timing.put("examples", preds.size());
      timing.put("predict_seconds", predictSeconds);
      timing.put("total_seconds", seconds);
      Json.writePretty(new EvaluationFolder(dir).timing(), timing);
      AtomicFiles.writeString(new EvaluationFolder(dir).reportMarkdown(), MarkdownReport.render(report));
      // report.json last: its presence marks the evaluation finished
      Json.writePretty(new EvaluationFolder(dir).report(), ReportJson.toMap(report));
      return seconds;
    }
  }

  /** The evaluation's provenance with the device the model and BERTScore ran on. */
  private static Map<String, Object> withDevice(Map<String, Object> provenance, DeviceSpec device) {
    provenance.put("device", device.toString());
    return provenance;
  }
}
