// A panel's frame: data ranges mapped to pixels, round tick values, grid lines, tick labels and titles.
package dev.reason2decide.experiment.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Linear axes inside {@code area} (the whole panel; margins for labels are taken from it). */
final class Axes {
  static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 13);
  static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
  static final Color GRID = new Color(0xE4E4E4);
  static final Color INK = new Color(0x333333);

  final Rectangle plot;
  final double x0;
  final double x1;
  final double y0;
  final double y1;
  final List<Double> yTicks;

  /** Axes for x in [x0, x1] and y in [yMin, yMax] (widened to round ticks). */
  Axes(Rectangle area, double x0, double x1, double yMin, double yMax) {
    this.plot = new Rectangle(area.x + 58, area.y + 30, area.width - 58 - 14, area.height - 30 - 42);
    this.x0 = x0;
    this.x1 = x1 > x0 ? x1 : x0 + 1;
    if (!(yMax > yMin)) {
      yMin -= 0.5;
      yMax += 0.5;
    }
    this.yTicks = ticks(yMin, yMax, 5);
    this.y0 = Math.min(yMin, yTicks.get(0));
    this.y1 = Math.max(yMax, yTicks.get(yTicks.size() - 1));
  }

  int px(double x) {
    return plot.x + (int) Math.round((x - x0) / (x1 - x0) * plot.width);
  }

  int py(double y) {
    return plot.y + plot.height - (int) Math.round((y - y0) / (y1 - y0) * plot.height);
  }

  /** Round tick values (1, 2 or 5 × 10^k apart) covering [lo, hi] with about {@code n} intervals. */
  static List<Double> ticks(double lo, double hi, int n) {
    double raw = (hi - lo) / n;
    double mag = Math.pow(10, Math.floor(Math.log10(raw)));
    double step = mag;
    for (double f : new double[] {1, 2, 5, 10}) {
      if (f * mag >= raw) {
        step = f * mag;
        break;
      }
    }
    List<Double> out = new ArrayList<>();
    double start = Math.floor(lo / step + 1e-9) * step;
    for (double v = start; v <= hi + step * 0.999; v += step) {
      out.add(Math.abs(v) < step * 1e-9 ? 0.0 : v);
    }
    return out;
  }

  /** A tick label with as many decimals as the tick spacing {@code step} needs. */
  static String format(double v, double step) {
    if (v == Math.rint(v) && Math.abs(v) < 1e6 && step >= 1) {
      return String.format(Locale.ROOT, "%d", (long) v);
    }
    int decimals = (int) Math.max(0, Math.ceil(-Math.log10(step) - 1e-9));
    return String.format(Locale.ROOT, "%." + Math.min(decimals, 8) + "f", v);
  }

  private static double spacing(List<Double> ticks) {
    return ticks.size() > 1 ? ticks.get(1) - ticks.get(0) : 1;
  }

  /** Grid, frame, y ticks, optional x ticks, the title above and the axis labels. */
  void draw(Graphics2D g, String title, String xLabel, String yLabel, boolean xTicks) {
    g.setStroke(new BasicStroke(1f));
    g.setFont(LABEL);
    FontMetrics fm = g.getFontMetrics();
    double yStep = spacing(yTicks);
    for (double t : yTicks) {
      int y = py(t);
      g.setColor(GRID);
      g.drawLine(plot.x, y, plot.x + plot.width, y);
      g.setColor(INK);
      String s = format(t, yStep);
      g.drawString(s, plot.x - 6 - fm.stringWidth(s), y + fm.getAscent() / 2 - 1);
    }
    if (xTicks) {
      List<Double> xt = ticks(x0, x1, 5);
      for (double t : xt) {
        if (t < x0 - 1e-9 || t > x1 + 1e-9) {
          continue;
        }
        int x = px(t);
        g.setColor(GRID);
        g.drawLine(x, plot.y, x, plot.y + plot.height);
        g.setColor(INK);
        String s = format(t, spacing(xt));
        g.drawString(s, x - fm.stringWidth(s) / 2, plot.y + plot.height + fm.getAscent() + 4);
      }
    }
    g.setColor(INK);
    g.drawRect(plot.x, plot.y, plot.width, plot.height);
    if (xLabel != null) {
      g.drawString(xLabel, plot.x + (plot.width - fm.stringWidth(xLabel)) / 2, plot.y + plot.height + 34);
    }
    if (yLabel != null) {
      Graphics2D r = (Graphics2D) g.create();
      r.rotate(-Math.PI / 2);
      r.drawString(yLabel, -(plot.y + (plot.height + fm.stringWidth(yLabel)) / 2), plot.x - 44);
      r.dispose();
    }
    g.setFont(TITLE);
    g.drawString(title, plot.x, plot.y - 10);
  }
}
