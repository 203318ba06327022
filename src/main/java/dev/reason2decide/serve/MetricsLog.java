// Reads a run's metrics.jsonl (training steps and evaluations) for the charts, skipping and counting bad lines.
package dev.reason2decide.serve;

import dev.reason2decide.runs.MetricsFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The series of one run: {@code step} records (losses, α, π, learning rate, ...) and {@code eval} records
 * (validation metrics). A line that is not a JSON object with a known {@code kind} and a numeric {@code step} is
 * skipped, counted, and its first few reasons kept, so one bad line never hides the rest of the run.
 *
 * @param steps step records: {@code stage}, {@code step} and every numeric field
 * @param evals eval records, same shape
 * @param skipped lines skipped
 * @param skippedReasons the first {@value #KEPT_REASONS} reasons, "line N: why"
 * @param stride every stride-th step record is kept (1 unless the log is longer than {@value #MAX_POINTS})
 */
record MetricsLog(List<Map<String, Object>> steps, List<Map<String, Object>> evals, int skipped,
    List<String> skippedReasons, int stride) {
  static final int MAX_POINTS = 4000;
  static final int KEPT_REASONS = 5;

  /** A log without records. */
  static MetricsLog empty() {
    return new MetricsLog(new ArrayList<>(), new ArrayList<>(), 0, new ArrayList<>(), 1);
  }

  /** Reads {@code file} ({@link MetricsFile}); a missing file is an empty log. */
  static MetricsLog read(Path file) {
    List<Map<String, Object>> steps = new ArrayList<>();
    List<Map<String, Object>> evals = new ArrayList<>();
    MetricsFile metrics = MetricsFile.read(file);
    for (MetricsFile.Line line : metrics.lines()) {
      if (line.isStop()) {
        continue;                                             // where a phase ended early: no point of a chart
      }
      Map<String, Object> rec = new LinkedHashMap<>();
      rec.put("stage", line.stage() != null ? line.stage() : "run");
      rec.put("step", line.step());
      // a diverged loss (NaN) has no place on a chart
      line.values().forEach((k, v) -> {
        if (Double.isFinite(v)) {
          rec.put(k, v);
        }
      });
      (line.isEval() ? evals : steps).add(rec);
    }
    List<String> reasons = metrics.problems().stream().limit(KEPT_REASONS).map(MetricsFile.Problem::toString).toList();
    int stride = Math.max(1, (steps.size() + MAX_POINTS - 1) / MAX_POINTS);
    return new MetricsLog(thin(steps, stride), evals, metrics.problems().size(), reasons, stride);
  }

  private static List<Map<String, Object>> thin(List<Map<String, Object>> all, int stride) {
    if (stride == 1) {
      return all;
    }
    List<Map<String, Object>> kept = new ArrayList<>();
    for (int i = 0; i < all.size(); i += stride) {
      kept.add(all.get(i));
    }
    if ((all.size() - 1) % stride != 0) {
      kept.add(all.get(all.size() - 1)); // always show where the run ended
    }
    return kept;
  }
}
