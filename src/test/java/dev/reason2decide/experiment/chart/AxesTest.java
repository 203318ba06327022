// Round tick values and their labels, checked by hand.
package dev.reason2decide.experiment.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class AxesTest {
  @Test
  void ticksAreOneTwoOrFiveTimesAPowerOfTenAndCoverTheRange() {
    assertEquals(List.of(0.0, 0.2, 0.4, 0.6, 0.8, 1.0), round(Axes.ticks(0, 1, 5)));
    assertEquals(List.of(0.0, 20.0, 40.0, 60.0), Axes.ticks(0, 60, 5));
    assertEquals(List.of(14.2, 14.3, 14.4, 14.5, 14.6, 14.7, 14.8), round(Axes.ticks(14.29, 14.78, 5)));
  }

  @Test
  void labelsHaveTheDecimalsTheSpacingNeeds() {
    assertEquals("40", Axes.format(40, 20));
    assertEquals("0.6", Axes.format(0.6000000000000001, 0.2));
    assertEquals("0.05", Axes.format(0.05, 0.05));
    assertEquals("0.00012", Axes.format(0.00012, 0.00002));
  }

  private static List<Double> round(List<Double> xs) {
    return xs.stream().map(x -> Math.round(x * 1e9) / 1e9).toList();
  }
}
