// The one evaluation path: predictions in, report.json, report.md and the risk-coverage chart out, in an evaluation folder.
package dev.reason2decide.experiment;

import dev.reason2decide.data.Prediction;
import dev.reason2decide.eval.RationaleLabeler;
import dev.reason2decide.eval.faith.CheckInputs;
import dev.reason2decide.eval.faith.CheckSetup;
import dev.reason2decide.eval.labels.ProbabilitySource;
import dev.reason2decide.eval.report.Evaluation;
import dev.reason2decide.eval.report.EvaluationOptions;
import dev.reason2decide.eval.report.EvaluationReport;
import dev.reason2decide.eval.report.MarkdownReport;
import dev.reason2decide.eval.report.ReportJson;
import dev.reason2decide.eval.selective.SelectiveScores;
import dev.reason2decide.inference.DecisionModel;
import dev.reason2decide.io.AtomicFiles;
import dev.reason2decide.io.Json;
import dev.reason2decide.runs.EvaluationFolder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code r2d evaluate}, an experiment's evaluation ({@link RunEvaluation}) and {@code r2d quickstart} run, and
 * how {@code r2d spark evaluate} writes its report: the predictions are those {@code r2d predict} writes
 * ({@code PredictionRow}, read back by {@code PredictionFile}); the counterfactual probes go to the folder's
 * counterfactual.jsonl; the report is written into the {@link EvaluationFolder}, report.json last.
 */
public final class EvaluationRun {
  /**
   * The predictions' probabilities, except where a diverged model gave NaN or infinite ones: those examples count
   * as without probabilities in the calibration (the report says how many) instead of failing the evaluation.
   */
  public static final ProbabilitySource FINITE_PROBABILITIES = ps -> ps.stream()
      .map(p -> p.probabilities() != null && p.probabilities().values().stream().allMatch(Double::isFinite)
          ? p.probabilities() : null)
      .toList();

  private EvaluationRun() {}

  /**
   * {@code checks} with the counterfactual probes of {@code preds}' notes ({@code perEdit} of each edit at most),
   * decided by {@code model} and written to the folder's counterfactual.jsonl.
   */
  public static CheckInputs withCounterfactual(CheckInputs checks, List<Prediction> preds, DecisionModel model,
      int perEdit, long seed, int batch, EvaluationFolder folder) {
    return checks.withCounterfactual(CheckSetup.counterfactual(preds, model, perEdit, seed, batch,
        folder.counterfactual(), k -> { }));
  }

  /**
   * Evaluates {@code preds} ({@link Evaluation#run}) and writes the report into {@code folder}; {@code what} names
   * the predictions in the chart's title.
   */
  public static EvaluationReport run(List<Prediction> preds, EvaluationOptions opt, ProbabilitySource probabilities,
      RationaleLabeler labeler, Map<String, Object> provenance, CheckInputs checks, EvaluationFolder folder,
      String what) {
    EvaluationReport report = Evaluation.run(preds, opt, probabilities, labeler, provenance, checks);
    write(folder, report, what);
    return report;
  }

  /** Writes {@code report} into {@code folder} with the risk-coverage chart of all its cases (when available). */
  public static void write(EvaluationFolder folder, EvaluationReport report, String what) {
    Map<String, SelectiveScores> curves = new LinkedHashMap<>();
    if (report.selective() != null && report.selective().available()) {
      curves.put("all", report.selective().scores());
    }
    write(folder, report, what, curves);
  }

  /**
   * Writes {@code report} into {@code folder}: the risk-coverage chart of {@code curves} (none when empty), report.md
   * and report.json, last, so its presence means finished.
   */
  public static void write(EvaluationFolder folder, EvaluationReport report, String what,
      Map<String, SelectiveScores> curves) {
    String chart = null;
    if (!curves.isEmpty()) {
      chart = folder.riskCoverageChart().getFileName().toString();
      RiskCoverageChart.write(folder.riskCoverageChart(), "Risk-coverage: " + what, curves);
    }
    AtomicFiles.writeString(folder.reportMarkdown(), MarkdownReport.render(report, chart));
    AtomicFiles.writeString(folder.report(), Json.pretty(ReportJson.toMap(report)));
  }
}
