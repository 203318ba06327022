// A named line of a line panel: points, colour, and whether it is drawn thin, dashed or bold.
package dev.reason2decide.experiment.chart;

import java.awt.Color;
import java.util.List;

/**
 * Points of one line, sorted by x. {@code style}: {@link Style#MAIN} for a mean, {@link Style#FAINT} for one seed
 * behind it, {@link Style#DASHED} for a schedule.
 */
public record Series(String name, Color color, List<double[]> points, Style style) {
  /** How a line is drawn. */
  public enum Style { MAIN, FAINT, DASHED }
}
