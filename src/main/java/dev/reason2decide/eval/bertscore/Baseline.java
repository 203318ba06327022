// BERTScore baseline values for rescaling: one number, or a row of bert_score's per-layer baseline file.
package dev.reason2decide.eval.bertscore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Baselines b for P, R and F; rescaled x = (x − b) / (1 − b), with F rescaled from the raw F (as bert_score does).
 * {@code source} says where the numbers came from, for the report.
 */
public record Baseline(double p, double r, double f, String source) {

  /** The same baseline for P, R and F. */
  public static Baseline constant(double b) {
    if (!(b < 1)) {
      throw new IllegalArgumentException("baseline must be below 1, got " + b);
    }
    return new Baseline(b, b, b, "constant " + b);
  }

  /**
   * The row for {@code layer} of a bert_score baseline file ({@code rescale_baseline/<lang>/<model>.tsv}: a header
   * {@code LAYER,P,R,F}, then one comma-separated row per layer starting at layer 0).
   */
  public static Baseline fromFile(Path file, int layer) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file);
    } catch (IOException e) {
      throw new IllegalArgumentException(file + ": cannot be read: " + e.getMessage(), e);
    }
    if (lines.size() < layer + 2) {
      throw new IllegalArgumentException(file + ": has no row for layer " + layer + " (" + (lines.size() - 1)
          + " data rows)");
    }
    String line = lines.get(layer + 1);
    String[] f = line.split(",");
    if (f.length != 4) {
      throw new IllegalArgumentException(file + ":" + (layer + 2) + ": expected LAYER,P,R,F, found '" + line + "'");
    }
    try {
      return new Baseline(Double.parseDouble(f[1].trim()), Double.parseDouble(f[2].trim()),
          Double.parseDouble(f[3].trim()), file + " row " + layer);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(file + ":" + (layer + 2) + ": not numbers: '" + line + "'", e);
    }
  }

  static double rescale(double x, double b) {
    return (x - b) / (1 - b);
  }
}
