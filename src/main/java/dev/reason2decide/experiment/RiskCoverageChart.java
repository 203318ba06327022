// The risk–coverage chart of trust verdicts: for each set of decisions, the error among the cases it would decide.
package dev.reason2decide.experiment;

import dev.reason2decide.eval.selective.SelectiveScores;
import dev.reason2decide.experiment.chart.ChartImage;
import dev.reason2decide.experiment.chart.LinePanel;
import dev.reason2decide.experiment.chart.Series;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One panel: x the coverage (share of cases decided when deciding those scored at or above a threshold), y the
 * risk (share of those wrong), one line per set (all cases, a group, a shifted set), named with its AURC. Written
 * by {@code r2d evaluate} beside report.md, by {@code r2d spark evaluate} and by experiment reports.
 */
public final class RiskCoverageChart {
  /** The file name evaluate writes beside report.md. */
  public static final String FILE = "risk_coverage.png";

  private RiskCoverageChart() {}

  /** Writes the chart of {@code curves} (name → figures, in legend order) to {@code file}. */
  public static void write(Path file, String title, Map<String, SelectiveScores> curves) {
    if (curves.isEmpty()) {
      throw new IllegalArgumentException(file + ": no risk-coverage curve to draw");
    }
    List<Series> series = new ArrayList<>();
    List<ChartImage.Key> keys = new ArrayList<>();
    int i = 0;
    for (Map.Entry<String, SelectiveScores> e : curves.entrySet()) {
      List<double[]> points = new ArrayList<>();
      for (SelectiveScores.RiskPoint p : e.getValue().curve()) {
        points.add(new double[] {p.coverage(), p.risk()});
      }
      String name = String.format(Locale.ROOT, "%s (AURC %.4f)", e.getKey(), e.getValue().aurc());
      series.add(new Series(name, ChartImage.color(i), points, Series.Style.MAIN));
      keys.add(new ChartImage.Key(name, ChartImage.color(i), false));
      i++;
    }
    LinePanel panel = new LinePanel("risk-coverage (cases ranked by trust score)", "coverage", "error among decided",
        0, 1, 0.0, null, series, false);
    new ChartImage(title, keys, List.of(panel), 1, 640, 400).write(file);
  }
}
