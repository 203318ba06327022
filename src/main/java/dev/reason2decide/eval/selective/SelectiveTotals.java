// Counts behind the selective-prediction figures, which add across partitions and groups (r2d evaluate and Spark).
package dev.reason2decide.eval.selective;

import dev.reason2decide.data.DecisionTrust;
import dev.reason2decide.eval.selective.SelectiveScores.CoverageAccuracy;
import dev.reason2decide.eval.selective.SelectiveScores.RiskPoint;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Per distinct trust score the right and wrong decisions, the decided cases and their wrong ones, and the cases
 * without a verdict. {@link #add} one case at a time, {@link #merge} partitions; {@link #scores} gives the figures
 * (exactly, since the score counts are kept whole), or "not available" when any case had no trust verdict.
 *
 * <p>Definitions (docs/metrics.md). Cases are ranked by score, highest first; cases with equal scores cannot be told
 * apart, so where k cases cut through a tie the errors among them are the expected errors of a random order of the
 * tie: {@code risk(k) = (E + (k - B) * e / m) / k} with B cases and E errors above the tie, and m cases and e errors in
 * it. AURC = (1/n) Σ_{k=1..n} risk(k) (Geifman et al. 2019). Accuracy at coverage c = 1 − risk(⌈c·n⌉). AUROC =
 * P(score of a right decision > score of a wrong one) + ½ P(equal) (Mann–Whitney U / (R·W)).
 */
public final class SelectiveTotals implements Serializable {
  private static final long serialVersionUID = 1L;
  /** score → {right, wrong}. */
  private final TreeMap<Double, long[]> byScore = new TreeMap<>();
  private long cases;
  private long withoutTrust;
  private long decided;
  private long decidedWrong;

  /** Adds one case: its verdict (null when the row has none) and whether its decision is right. */
  public SelectiveTotals add(DecisionTrust trust, boolean correct) {
    cases++;
    if (trust == null) {
      withoutTrust++;
      return this;
    }
    byScore.computeIfAbsent(trust.score(), s -> new long[2])[correct ? 0 : 1]++;
    if (trust.decide()) {
      decided++;
      decidedWrong += correct ? 0 : 1;
    }
    return this;
  }

  /** This plus {@code o} (returns this). */
  public SelectiveTotals merge(SelectiveTotals o) {
    o.byScore.forEach((s, c) -> {
      long[] mine = byScore.computeIfAbsent(s, k -> new long[2]);
      mine[0] += c[0];
      mine[1] += c[1];
    });
    cases += o.cases;
    withoutTrust += o.withoutTrust;
    decided += o.decided;
    decidedWrong += o.decidedWrong;
    return this;
  }

  public long cases() {
    return cases;
  }

  /** The figures, or why there are none (no case, or a case without a trust verdict). */
  public SelectiveResult result() {
    if (cases == 0) {
      return SelectiveResult.notAvailable("no predictions");
    }
    if (withoutTrust > 0) {
      return SelectiveResult.notAvailable(String.format(Locale.ROOT, "no trust verdict in %d of %d predictions",
          withoutTrust, cases));
    }
    return new SelectiveResult(scores(), null);
  }

  /** The figures; every case must have had a verdict. */
  public SelectiveScores scores() {
    if (cases == 0 || withoutTrust > 0) {
      throw new IllegalStateException("selective figures need a trust verdict on every case: " + withoutTrust
          + " of " + cases + " have none");
    }
    long n = cases;
    List<RiskPoint> curve = new ArrayList<>();
    double riskSum = 0;
    long before = 0;
    long errorsBefore = 0;
    List<long[]> groups = new ArrayList<>(); // highest score first: {cases, errors, casesBefore, errorsBefore}
    for (Map.Entry<Double, long[]> e : byScore.descendingMap().entrySet()) {
      long m = e.getValue()[0] + e.getValue()[1];
      long err = e.getValue()[1];
      groups.add(new long[] {m, err, before, errorsBefore});
      for (long k = before + 1; k <= before + m; k++) {
        riskSum += risk(k, before, errorsBefore, m, err);
      }
      before += m;
      errorsBefore += err;
      curve.add(new RiskPoint(e.getKey(), (double) before / n, (double) errorsBefore / before));
    }
    List<CoverageAccuracy> atCoverage = new ArrayList<>();
    for (double c : SelectiveScores.COVERAGES) {
      long k = Math.max(1, (long) Math.ceil(c * n - 1e-9));
      long[] g = groups.stream().filter(x -> k <= x[2] + x[0]).findFirst().orElseThrow();
      atCoverage.add(new CoverageAccuracy(c, k, 1 - risk(k, g[2], g[3], g[0], g[1])));
    }
    return new SelectiveScores(n, decided, (double) decided / n, decidedWrong,
        decided == 0 ? null : (double) decidedWrong / decided, errorsBefore, riskSum / n, atCoverage, auroc(),
        curve);
  }

  /** Expected share wrong among the top k when they end inside a tie of m cases (e wrong) after B cases (E wrong). */
  private static double risk(long k, long casesBefore, long errorsBefore, long m, long e) {
    return (errorsBefore + (double) (k - casesBefore) * e / m) / k;
  }

  /** Mann–Whitney AUROC of the score, right decisions as positives; null without both kinds. */
  private Double auroc() {
    long right = 0;
    long wrong = 0;
    for (long[] c : byScore.values()) {
      right += c[0];
      wrong += c[1];
    }
    if (right == 0 || wrong == 0) {
      return null;
    }
    double u = 0;
    long wrongBelow = 0;
    for (long[] c : byScore.values()) { // ascending score
      u += c[0] * (wrongBelow + 0.5 * c[1]);
      wrongBelow += c[1];
    }
    return u / ((double) right * wrong);
  }
}
