// The layout of a run's evaluation folder: predictions, the report in two forms, and the timing of the evaluation.
package dev.reason2decide.runs;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code predictions.jsonl} (the format of {@code r2d predict}), {@code report.json} and {@code report.md} (the
 * format of {@code r2d evaluate}) and {@code timing.json}; written report.json last, so its presence means finished.
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

  public Path timing() {
    return dir.resolve("timing.json");
  }

  /** True when the evaluation finished (report.json is there). */
  public boolean finished() {
    return Files.isRegularFile(report());
  }
}
