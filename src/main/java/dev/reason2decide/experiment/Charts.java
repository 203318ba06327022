// The experiment's charts: validation curves, training losses, final metrics, π, its realisation and R2D-C's c and τ.
package dev.reason2decide.experiment;

import dev.reason2decide.experiment.chart.BarPanel;
import dev.reason2decide.experiment.chart.ChartImage;
import dev.reason2decide.experiment.chart.LinePanel;
import dev.reason2decide.experiment.chart.Panel;
import dev.reason2decide.experiment.chart.Series;
import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Writes {@code charts/*.png}. Every x axis is the recipe's step budget (a phase's steps follow the phases before
 * it), so R2D's Stage-2 starts where its Stage-1 share ends. Curves are the mean over seeds (each seed drawn faintly
 * behind in validation charts); training curves are averaged in 60 buckets over the budget to be readable.
 */
final class Charts {
  static final String VALIDATION = "validation.png";
  static final String LOSSES = "training_losses.png";
  static final String FINAL = "final_metrics.png";
  static final String SAMPLING = "scheduled_sampling.png";
  private static final Color PRED = new Color(0x4E79A7);
  private static final Color RAT = new Color(0xF28E2B);
  private static final Color GREY = new Color(0x555555);
  private static final Color CONFIDENCE = new Color(0x59A14F);
  private static final Color TAU = new Color(0xB07AA1);
  private static final Color CYCLE = new Color(0x76B7B2);

  private Charts() {}

  /** Writes the charts into {@code dir}; returns the file names written, in order. */
  static List<String> write(Path dir, ExperimentConfig cfg, List<RunOutcome> runs, List<ResultsTable> tables) {
    Map<String, List<RunOutcome>> byRecipe = new LinkedHashMap<>();
    for (String r : cfg.recipeNames()) {
      byRecipe.put(r, runs.stream().filter(o -> o.recipe().equals(r)).toList());
    }
    List<ChartImage.Key> recipeKeys = new ArrayList<>();
    for (int i = 0; i < cfg.recipes().size(); i++) {
      recipeKeys.add(new ChartImage.Key(cfg.recipeNames().get(i), ChartImage.color(i), false));
    }
    String seeds = cfg.seeds().size() + (cfg.seeds().size() == 1 ? " seed" : " seeds");
    double budget = cfg.steps();
    List<String> written = new ArrayList<>();

    List<Panel> validation = new ArrayList<>();
    for (String[] m : new String[][] {{"val_macro_f1", "Validation macro-F1 (selection of label-trained phases)"},
        {"val_loss", "Validation loss (Stage-1 selection, rationale task)"}}) {
      List<Series> series = new ArrayList<>();
      int i = 0;
      for (Map.Entry<String, List<RunOutcome>> e : byRecipe.entrySet()) {
        Color c = ChartImage.color(i++);
        for (RunOutcome o : e.getValue()) {
          List<double[]> pts = points(o.history().evals(), m[0]);
          if (!pts.isEmpty()) {
            series.add(new Series(e.getKey(), c, pts, Series.Style.FAINT));
          }
        }
        List<double[]> mean = meanBySteps(e.getValue(), o -> o.history().evals(), m[0], 0);
        if (!mean.isEmpty()) {
          series.add(new Series(e.getKey(), c, mean, Series.Style.MAIN));
        }
      }
      if (!series.isEmpty()) {
        validation.add(new LinePanel(m[1], "step of the " + cfg.steps() + "-step budget", null, 0, budget,
            m[0].equals("val_macro_f1") ? 0.0 : null, m[0].equals("val_macro_f1") ? 1.0 : null, series, false));
      }
    }
    if (!validation.isEmpty()) {
      new ChartImage("Validation during training (mean of " + seeds + "; faint: each seed)", recipeKeys, validation,
          2, 560, 340).write(dir.resolve(VALIDATION));
      written.add(VALIDATION);
    }

    int bucket = Math.max(1, cfg.steps() / 60);
    List<Panel> losses = new ArrayList<>();
    boolean cycle = false;
    for (Map.Entry<String, List<RunOutcome>> e : byRecipe.entrySet()) {
      List<Series> series = new ArrayList<>();
      addIfAny(series, "L_pred (label)", PRED, meanBySteps(e.getValue(), o -> o.history().steps(), "l_pred", bucket),
          Series.Style.MAIN);
      addIfAny(series, "L_rat (rationale)", RAT, meanBySteps(e.getValue(), o -> o.history().steps(), "l_rat", bucket),
          Series.Style.MAIN);
      List<double[]> lCycle = meanBySteps(e.getValue(), o -> o.history().steps(), "l_cycle", bucket);
      addIfAny(series, "L_cycle (r2dc)", CYCLE, lCycle, Series.Style.MAIN);
      cycle |= !lCycle.isEmpty();
      addIfAny(series, "loss (weighted)", GREY, meanBySteps(e.getValue(), o -> o.history().steps(), "loss", bucket),
          Series.Style.DASHED);
      if (!series.isEmpty()) {
        losses.add(new LinePanel(e.getKey(), "step", "training loss", 0, budget, 0.0, null, series, false));
      }
    }
    if (!losses.isEmpty()) {
      new ChartImage("Training losses per recipe (mean of " + seeds + (bucket > 1 ? ", averaged over " + bucket
          + "-step buckets)" : ")"),
          lossKeys(cycle), losses, 4, 360, 270).write(dir.resolve(LOSSES));
      written.add(LOSSES);
    }

    List<Panel> bars = new ArrayList<>();
    for (ResultsTable t : tables) {
      if (t.empty()) {
        continue;
      }
      List<BarPanel.Bar> bs = new ArrayList<>();
      int i = 0;
      for (ResultsTable.Row r : t.rows()) {
        bs.add(new BarPanel.Bar(r.recipe(), ChartImage.color(i++), r.mean(), r.sd(), r.values()));
      }
      bars.add(new BarPanel(t.metric().title() + (t.metric().higherIsBetter() ? "" : " (lower is better)"), null,
          bs));
    }
    if (!bars.isEmpty()) {
      new ChartImage("Test metrics: mean ± sd over " + seeds + " (dots: seeds)", recipeKeys, bars, 3, 400, 280)
          .write(dir.resolve(FINAL));
      written.add(FINAL);
    }

    List<Panel> sampling = new ArrayList<>();
    boolean adaptive = false;
    int i = 0;
    for (Map.Entry<String, List<RunOutcome>> e : byRecipe.entrySet()) {
      Color c = ChartImage.color(i++);
      List<double[]> pi = meanBySteps(e.getValue(), o -> o.history().steps(), "pi", bucket);
      if (pi.isEmpty()) {
        continue;
      }
      List<Series> series = new ArrayList<>();
      series.add(new Series("π (schedule)", GREY, pi, Series.Style.DASHED));
      addIfAny(series, "predicted-label fraction (realised)", c, meanBySteps(e.getValue(),
          o -> o.history().steps(), "predicted_fraction", bucket), Series.Style.MAIN);
      List<double[]> confidence = meanBySteps(e.getValue(), o -> o.history().steps(), "confidence", bucket);
      addIfAny(series, "confidence c of ŷ (r2dc)", CONFIDENCE, confidence, Series.Style.MAIN);
      adaptive |= !confidence.isEmpty();
      addIfAny(series, "threshold τ (r2dc)", TAU, meanBySteps(e.getValue(), o -> o.history().steps(), "tau", bucket),
          Series.Style.DASHED);
      sampling.add(new LinePanel(e.getKey(), "step", "share of Stage-2 examples", 0, budget, 0.0, 1.0, series,
          true));
    }
    if (!sampling.isEmpty()) {
      new ChartImage("Scheduled sampling: π and the realised share of predicted labels" + (adaptive
          ? "; r2dc: confidence c and threshold τ" : "") + " (mean of " + seeds + ")",
          List.of(), sampling, 3, 400, 280).write(dir.resolve(SAMPLING));
      written.add(SAMPLING);
    }
    return written;
  }

  private static List<ChartImage.Key> lossKeys(boolean cycle) {
    List<ChartImage.Key> keys = new ArrayList<>(List.of(new ChartImage.Key("L_pred (label)", PRED, false),
        new ChartImage.Key("L_rat (rationale)", RAT, false)));
    if (cycle) {
      keys.add(new ChartImage.Key("L_cycle (r2dc)", CYCLE, false));
    }
    keys.add(new ChartImage.Key("loss (weighted)", GREY, true));
    return keys;
  }

  private static void addIfAny(List<Series> out, String name, Color c, List<double[]> pts, Series.Style style) {
    if (!pts.isEmpty()) {
      out.add(new Series(name, c, pts, style));
    }
  }

  private static List<double[]> points(List<RunHistory.Point> ps, String key) {
    List<double[]> out = new ArrayList<>();
    for (RunHistory.Point p : ps) {
      if (p.get(key) != null) {
        out.add(new double[] {p.step(), p.get(key)});
      }
    }
    return out;
  }

  /**
   * Mean of {@code key} over all runs' points falling in the same bucket of {@code bucket} steps (0: the same
   * step), at the mean step of the bucket.
   */
  static List<double[]> meanBySteps(List<RunOutcome> runs, Function<RunOutcome, List<RunHistory.Point>> points,
      String key, int bucket) {
    TreeMap<Integer, double[]> acc = new TreeMap<>();
    for (RunOutcome o : runs) {
      for (RunHistory.Point p : points.apply(o)) {
        Double v = p.get(key);
        if (v == null || v.isNaN()) {
          continue;
        }
        int b = bucket <= 0 ? p.step() : (p.step() - 1) / bucket;
        double[] s = acc.computeIfAbsent(b, k -> new double[3]);
        s[0] += p.step();
        s[1] += v;
        s[2]++;
      }
    }
    List<double[]> out = new ArrayList<>();
    for (double[] s : acc.values()) {
      out.add(new double[] {s[0] / s[2], s[1] / s[2]});
    }
    return out;
  }
}
