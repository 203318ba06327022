// One metric across recipes and seeds: mean ± sample standard deviation, the best recipe, paired differences.
package dev.reason2decide.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The table of one {@link Metric}. Each recipe's row has its per-seed values (in the experiment's seed order),
 * their mean and sample standard deviation (n − 1; null with one seed), and the paired difference to the reference
 * recipe (R2D when it is in the experiment): per seed, value(recipe, seed) − value(reference, seed), with the mean
 * and standard deviation of those differences and how many seeds were above, below or equal to the reference.
 * Seeds where either value is missing are left out of the difference and counted in {@code unpaired}.
 */
public record ResultsTable(Metric metric, String reference, List<Row> rows, String best) {

  /** A recipe's summary. Values may contain nulls (not computed for that run). */
  public record Row(String recipe, List<Double> values, Double mean, Double sd, Difference difference) {}

  /** Paired difference to the reference over seeds; {@code higher}/{@code lower}/{@code ties} count seeds. */
  public record Difference(List<Double> perSeed, Double mean, Double sd, int higher, int lower, int ties,
      int unpaired) {}

  /**
   * Builds the table from {@code values}: recipe → per-seed values (all lists as long as the seed list), in
   * table order. {@code reference} must be one of the recipes.
   */
  public static ResultsTable of(Metric metric, String reference, Map<String, List<Double>> values) {
    List<Double> ref = values.get(reference);
    if (ref == null) {
      throw new IllegalArgumentException("reference recipe '" + reference + "' is not in " + values.keySet());
    }
    List<Row> rows = new ArrayList<>();
    String best = null;
    Double bestMean = null;
    for (Map.Entry<String, List<Double>> e : values.entrySet()) {
      List<Double> v = e.getValue();
      if (v.size() != ref.size()) {
        throw new IllegalArgumentException(e.getKey() + ": " + v.size() + " values for " + ref.size() + " seeds");
      }
      List<Double> present = v.stream().filter(x -> x != null).toList();
      Double mean = mean(present);
      Difference diff = null;
      if (!e.getKey().equals(reference)) {
        List<Double> d = new ArrayList<>();
        int hi = 0;
        int lo = 0;
        int eq = 0;
        int unpaired = 0;
        for (int i = 0; i < v.size(); i++) {
          if (v.get(i) == null || ref.get(i) == null) {
            d.add(null);
            unpaired++;
            continue;
          }
          double x = v.get(i) - ref.get(i);
          d.add(x);
          if (x > 0) {
            hi++;
          } else if (x < 0) {
            lo++;
          } else {
            eq++;
          }
        }
        List<Double> paired = d.stream().filter(x -> x != null).toList();
        diff = new Difference(d, mean(paired), sd(paired), hi, lo, eq, unpaired);
      }
      rows.add(new Row(e.getKey(), v, mean, sd(present), diff));
      if (mean != null && (bestMean == null || (metric.higherIsBetter() ? mean > bestMean : mean < bestMean))) {
        bestMean = mean;
        best = e.getKey();
      }
    }
    return new ResultsTable(metric, reference, List.copyOf(rows), best);
  }

  /** True when no run has this metric (e.g. BERTScore without an encoder). */
  public boolean empty() {
    return rows.stream().allMatch(r -> r.mean() == null);
  }

  /** The row of {@code recipe}. */
  public Row row(String recipe) {
    return rows.stream().filter(r -> r.recipe().equals(recipe)).findFirst().orElseThrow();
  }

  static Double mean(List<Double> xs) {
    if (xs.isEmpty()) {
      return null;
    }
    double s = 0;
    for (double x : xs) {
      s += x;
    }
    return s / xs.size();
  }

  /** Sample standard deviation (n − 1); null for fewer than two values. */
  static Double sd(List<Double> xs) {
    if (xs.size() < 2) {
      return null;
    }
    double m = mean(xs);
    double ss = 0;
    for (double x : xs) {
      ss += (x - m) * (x - m);
    }
    return Math.sqrt(ss / (xs.size() - 1));
  }

  /** The table as nested maps for results.json. */
  public Map<String, Object> toMap(List<Long> seeds) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("title", metric.title());
    m.put("report_key", metric.path());
    m.put("higher_is_better", metric.higherIsBetter());
    m.put("best", best);
    m.put("reference", reference);
    m.put("seeds", seeds);
    Map<String, Object> rs = new LinkedHashMap<>();
    for (Row r : rows) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("values", r.values());
      row.put("mean", r.mean());
      row.put("sd", r.sd());
      if (r.difference() != null) {
        Difference d = r.difference();
        Map<String, Object> dm = new LinkedHashMap<>();
        dm.put("per_seed", d.perSeed());
        dm.put("mean", d.mean());
        dm.put("sd", d.sd());
        dm.put("seeds_higher", d.higher());
        dm.put("seeds_lower", d.lower());
        dm.put("seeds_equal", d.ties());
        dm.put("seeds_unpaired", d.unpaired());
        row.put("difference_to_" + reference, dm);
      }
      rs.put(r.recipe(), row);
    }
    m.put("recipes", rs);
    return m;
  }
}
