// A run's metrics.jsonl on one step axis: training losses, π and validation scores at budget steps.
package dev.reason2decide.experiment;

import dev.reason2decide.runs.MetricsFile;
import dev.reason2decide.train.Phase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The lines of a run's metrics.jsonl with every step placed on the recipe's budget axis: a phase's step k is
 * budget step (steps of the phases before it) + k, so R2D's Stage-2 curves start where its Stage-1 share ends and
 * every recipe is drawn over the same 0..budget range. {@code nonFiniteStep} is the first budget step whose loss or
 * gradient norm was NaN or infinite (null: none), so a diverged run is flagged in the report, not hidden in a mean.
 */
public record RunHistory(List<Point> steps, List<Point> evals, double stepSeconds, Integer nonFiniteStep) {
  /** One line: phase name, budget step, and the numeric fields it has (nulls left out). */
  public record Point(String stage, int step, Map<String, Double> values) {
    public Double get(String key) {
      return values.get(key);
    }
  }

  /** Reads {@code file} (absent: an empty history) for a recipe with {@code phases}. */
  public static RunHistory read(Path file, List<Phase> phases) {
    Map<String, Integer> offset = new LinkedHashMap<>();
    int acc = 0;
    for (Phase p : phases) {
      offset.put(p.name(), acc);
      acc += p.steps();
    }
    List<Point> steps = new ArrayList<>();
    List<Point> evals = new ArrayList<>();
    double seconds = 0;
    Integer nonFinite = null;
    MetricsFile metrics = MetricsFile.read(file);
    if (!metrics.problems().isEmpty()) {
      MetricsFile.Problem first = metrics.problems().get(0);
      throw new IllegalArgumentException(file + ":" + first.line() + ": " + first.reason());
    }
    for (MetricsFile.Line line : metrics.lines()) {
      if (line.isStop()) {
        continue;                                             // where a phase ended early: no point of a curve
      }
      String stage = line.stage();
      Integer off = stage == null ? null : offset.get(stage);
      if (off == null) {
        throw new IllegalArgumentException(file + ":" + line.number() + ": stage '" + stage + "' is not a phase of "
            + "this recipe " + offset.keySet());
      }
      Point p = new Point(stage, off + (int) line.step(), line.values());
      if (line.isEval()) {
        evals.add(p);
      } else {
        steps.add(p);
        seconds += line.values().getOrDefault("seconds", 0.0);
        for (String k : List.of("loss", "grad_norm")) {
          Double v = line.get(k);
          if (nonFinite == null && v != null && !Double.isFinite(v)) {
            nonFinite = p.step();
          }
        }
      }
    }
    return new RunHistory(List.copyOf(steps), List.copyOf(evals), seconds, nonFinite);
  }
}
