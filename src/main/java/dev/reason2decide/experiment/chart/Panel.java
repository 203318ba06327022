// One plot in a chart image: draws itself into the rectangle it is given.
package dev.reason2decide.experiment.chart;

import java.awt.Graphics2D;
import java.awt.Rectangle;

/** A line or bar plot laid out by {@link ChartImage}. */
public interface Panel {
  void draw(Graphics2D g, Rectangle area);
}
