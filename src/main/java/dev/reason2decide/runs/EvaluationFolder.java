// The layout of an evaluation folder: predictions, the report in two forms and its chart, probes, and the timing.
package dev.reason2decide.runs;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code predictions.jsonl} (the format of {@code r2d predict}), {@code report.json}, {@code report.md} and
 * {@code risk_coverage.png} (the format of {@code r2d evaluate}, {@code r2d spark evaluate}, an experiment's
 * evaluation and the quickstart's: experiment.EvaluationRun writes them), {@code counterfactual.jsonl} and
 * {@code timing.json}; report.json is written last, so its presence means finished.
 */
public record EvaluationFolder(Path dir) {
  public Path predictions() {
    return dir.resolve("predictions.jsonl");
  }

  public Path report() {
    return dir.resolve("report.json");
  }

  public Path reportMarkdown() {
    return dir.resolve("report.md");
  }

  /** The counterfactual probes with the model's answers ({@code --counterfactual}, synthetic triage only). */
  public Path counterfactual() {
    return dir.resolve("counterfactual.jsonl");
  }

  /** The risk-coverage chart of the trust verdicts (when they are available). */
  public Path riskCoverageChart() {
    return dir.resolve("risk_coverage.png");
  }

  public Path timing() {
    return dir.resolve("timing.json");
  }

  /** True when the evaluation finished (report.json is there). */
  public boolean finished() {
    return Files.isRegularFile(report());
  }
}
