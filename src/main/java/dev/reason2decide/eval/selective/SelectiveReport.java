// The selective-prediction figures as report.json's "selective" object and report.md's section.
package dev.reason2decide.eval.selective;

import dev.reason2decide.eval.selective.SelectiveScores.CoverageAccuracy;
import dev.reason2decide.eval.selective.SelectiveScores.RiskPoint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * JSON keys: {@code available}, then either {@code note} or {@code n, decided, coverage, decided_wrong,
 * error_when_deciding, wrong, aurc, accuracy_at_coverage} ({@code "0.90"} → accuracy), {@code auroc} and
 * {@code curve} ([threshold, coverage, risk] per distinct score, highest first). A 0/0 figure is null in JSON and
 * "n/a" in Markdown.
 */
public final class SelectiveReport {
  /** How a figure that is 0/0 reads. */
  public static final String NOT_APPLICABLE = "n/a";

  private SelectiveReport() {}

  /** The JSON object (nested maps). */
  public static Map<String, Object> toMap(SelectiveResult r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("available", r.available());
    if (!r.available()) {
      m.put("note", r.note());
      return m;
    }
    SelectiveScores s = r.scores();
    m.put("n", s.n());
    m.put("decided", s.decided());
    m.put("coverage", s.coverage());
    m.put("decided_wrong", s.decidedWrong());
    m.put("error_when_deciding", s.errorWhenDeciding());
    m.put("wrong", s.wrong());
    m.put("aurc", s.aurc());
    Map<String, Object> acc = new LinkedHashMap<>();
    for (CoverageAccuracy a : s.accuracyAtCoverage()) {
      acc.put(String.format(Locale.ROOT, "%.2f", a.coverage()), a.accuracy());
    }
    m.put("accuracy_at_coverage", acc);
    m.put("auroc", s.auroc());
    List<Object> curve = new ArrayList<>();
    for (RiskPoint p : s.curve()) {
      curve.add(List.of(p.threshold(), p.coverage(), p.risk()));
    }
    m.put("curve", curve);
    return m;
  }

  /** The "Selective prediction" section of report.md; {@code chart} is the curve's file name, or null. */
  public static String markdown(SelectiveResult r, String chart) {
    StringBuilder md = new StringBuilder("## Selective prediction (trust verdicts)\n\n");
    if (!r.available()) {
      return md.append(r.note()).append(".\n\n").toString();
    }
    md.append("Decided: the verdict says decide; wrong: the label is not the gold one. Curve, AURC, accuracy at "
        + "coverage and AUROC rank the cases by trust score.\n\n");
    md.append(header()).append(row("all", r.scores())).append('\n');
    if (chart != null) {
      md.append("![risk-coverage curve](").append(chart).append(")\n\n");
    }
    return md.toString();
  }

  /** The table header of {@link #row}. */
  public static String header() {
    return "| | n | coverage | error when deciding | AURC | acc@90% | acc@95% | acc@98% | AUROC |\n"
        + "|---|---:|---:|---:|---:|---:|---:|---:|---:|\n";
  }

  /** One table row. */
  public static String row(String name, SelectiveScores s) {
    StringBuilder b = new StringBuilder("| ").append(name).append(" | ").append(s.n()).append(" | ")
        .append(f(s.coverage())).append(" (").append(s.decided()).append(") | ")
        .append(f(s.errorWhenDeciding())).append(s.errorWhenDeciding() == null ? "" : " (" + s.decidedWrong() + ")")
        .append(" | ").append(f(s.aurc()));
    for (CoverageAccuracy a : s.accuracyAtCoverage()) {
      b.append(" | ").append(f(a.accuracy()));
    }
    return b.append(" | ").append(f(s.auroc())).append(" |\n").toString();
  }

  /** Four decimals, or "n/a" for null. */
  public static String f(Double x) {
    return x == null ? NOT_APPLICABLE : String.format(Locale.ROOT, "%.4f", x);
  }
}
