// A bar plot: one bar per recipe (the mean over seeds) with a ±1 standard deviation error bar and the seeds as dots.
package dev.reason2decide.experiment.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.util.List;

/**
 * Bars for {@code bars}; the y axis starts at 0 unless a value is negative. Names are written under the bars when
 * they all fit, else the image's colour legend identifies them.
 */
public record BarPanel(String title, String yLabel, List<Bar> bars) implements Panel {
  /** One bar: its mean, standard deviation (null = none) and the per-seed values (nulls skipped). */
  public record Bar(String name, Color color, Double mean, Double sd, List<Double> values) {}

  @Override
  public void draw(Graphics2D g, Rectangle area) {
    double lo = 0;
    double hi = 0;
    for (Bar b : bars) {
      if (b.mean() != null) {
        double sd = b.sd() == null ? 0 : b.sd();
        lo = Math.min(lo, b.mean() - sd);
        hi = Math.max(hi, b.mean() + sd);
      }
      for (Double v : b.values()) {
        if (v != null) {
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
      }
    }
    Axes ax = new Axes(area, 0, bars.size(), lo, hi == lo ? lo + 1 : hi);
    ax.draw(g, title, null, yLabel, false);
    FontMetrics fm = g.getFontMetrics(Axes.LABEL);
    double slot = (double) ax.plot.width / bars.size();
    int w = (int) Math.max(4, slot * 0.6);
    boolean names = bars.stream().allMatch(b -> fm.stringWidth(b.name()) <= slot - 2);
    for (int i = 0; i < bars.size(); i++) {
      Bar b = bars.get(i);
      int cx = ax.plot.x + (int) Math.round(slot * (i + 0.5));
      g.setFont(Axes.LABEL);
      g.setColor(Axes.INK);
      if (names) {
        g.drawString(b.name(), cx - fm.stringWidth(b.name()) / 2, ax.plot.y + ax.plot.height + fm.getAscent() + 4);
      }
      if (b.mean() == null) {
        g.drawString("n/a", cx - fm.stringWidth("n/a") / 2, ax.py(0) - 4);
        continue;
      }
      int top = ax.py(Math.max(0, b.mean()));
      int bottom = ax.py(Math.min(0, b.mean()));
      g.setColor(b.color());
      g.fillRect(cx - w / 2, top, w, Math.max(1, bottom - top));
      g.setColor(Axes.INK);
      g.setStroke(new BasicStroke(1.4f));
      if (b.sd() != null) {
        int y1 = ax.py(b.mean() + b.sd());
        int y2 = ax.py(b.mean() - b.sd());
        g.drawLine(cx, y1, cx, y2);
        g.drawLine(cx - w / 5, y1, cx + w / 5, y1);
        g.drawLine(cx - w / 5, y2, cx + w / 5, y2);
      }
      g.setColor(Color.WHITE);
      for (Double v : b.values()) {
        if (v != null) {
          g.fillOval(cx + w / 4 - 3, ax.py(v) - 3, 6, 6);
          g.setColor(Axes.INK);
          g.drawOval(cx + w / 4 - 3, ax.py(v) - 3, 6, 6);
          g.setColor(Color.WHITE);
        }
      }
    }
  }
}
