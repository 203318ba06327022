// A line plot: several series over a shared x axis (training steps), with its own small legend.
package dev.reason2decide.experiment.chart;

import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lines over [xMin, xMax]; the y range is the data's (or [yMin, yMax] when given). A series with one point is
 * drawn as a dot. {@code legend} lists the MAIN and DASHED series' names inside the panel when set.
 */
public record LinePanel(String title, String xLabel, String yLabel, double xMin, double xMax, Double yMin,
    Double yMax, List<Series> series, boolean legend) implements Panel {

  @Override
  public void draw(Graphics2D g, Rectangle area) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (Series s : series) {
      for (double[] p : s.points()) {
        lo = Math.min(lo, p[1]);
        hi = Math.max(hi, p[1]);
      }
    }
    if (lo > hi) {
      lo = 0;
      hi = 1;
    }
    Axes ax = new Axes(area, xMin, xMax, yMin != null ? yMin : lo, yMax != null ? yMax : hi);
    ax.draw(g, title, xLabel, yLabel, true);
    Graphics2D c = (Graphics2D) g.create();
    c.clip(ax.plot);
    for (Series.Style pass : new Series.Style[] {Series.Style.FAINT, Series.Style.DASHED, Series.Style.MAIN}) {
      for (Series s : series) {
        if (s.style() != pass) {
          continue;
        }
        c.setColor(s.color());
        c.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, pass == Series.Style.FAINT ? 0.35f : 1f));
        c.setStroke(pass == Series.Style.MAIN ? new BasicStroke(2.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND)
            : pass == Series.Style.DASHED ? new BasicStroke(1.8f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f,
            new float[] {6f, 4f}, 0f) : new BasicStroke(1f));
        List<double[]> pts = s.points();
        if (pts.size() == 1) {
          c.fillOval(ax.px(pts.get(0)[0]) - 3, ax.py(pts.get(0)[1]) - 3, 6, 6);
        }
        for (int i = 1; i < pts.size(); i++) {
          c.drawLine(ax.px(pts.get(i - 1)[0]), ax.py(pts.get(i - 1)[1]), ax.px(pts.get(i)[0]), ax.py(pts.get(i)[1]));
        }
      }
    }
    c.dispose();
    if (legend) {
      Map<String, Series> named = new LinkedHashMap<>();
      for (Series s : series) {
        if (s.style() != Series.Style.FAINT) {
          named.putIfAbsent(s.name(), s);
        }
      }
      ChartImage.legend(g, named.values().stream().map(s -> new ChartImage.Key(s.name(), s.color(),
          s.style() == Series.Style.DASHED)).toList(), ax.plot.x + 8, ax.plot.y + 8, true);
    }
  }
}
