// groups.jsonl and groups.csv of r2d spark evaluate --group-by: every figure of the report, per group.
package dev.reason2decide.spark;

import dev.reason2decide.eval.faith.CheckInputs;
import dev.reason2decide.eval.labels.LabelMetrics;
import dev.reason2decide.eval.report.EvaluationReport;
import dev.reason2decide.eval.report.EvaluationTotals;
import dev.reason2decide.eval.report.ReportJson;
import dev.reason2decide.eval.selective.SelectiveScores;
import dev.reason2decide.io.AtomicFiles;
import dev.reason2decide.io.Json;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One JSON line and one CSV row per group, with the group's values first (see docs/spark.md). */
final class GroupFiles {
  private GroupFiles() {}

  /**
   * Writes groups.jsonl and groups.csv into {@code out} (groups in code-point order) and returns each group's
   * selective figures (name "col=value, ..."; only groups where they are available) for the chart.
   */
  static Map<String, SelectiveScores> write(Path out, Map<List<String>, EvaluationTotals> totals, List<String> groups,
      List<String> labelSet, CheckInputs simulator) {
    Map<String, SelectiveScores> curves = new LinkedHashMap<>();
    List<List<String>> keys = new ArrayList<>(totals.keySet());
    keys.sort((a, b) -> {
      for (int i = 0; i < a.size(); i++) {
        int c = LabelMetrics.CODE_POINT_ORDER.compare(a.get(i), b.get(i));
        if (c != 0) {
          return c;
        }
      }
      return 0;
    });
    StringBuilder jsonl = new StringBuilder();
    StringBuilder csv = new StringBuilder(String.join(",", groups.stream().map(GroupFiles::csv).toList())
        + ",n,accuracy,macro_f1,weighted_f1,ece,bleu_nltk,sacrebleu,chrf,rougeL_f,unsupported_number_share,"
        + "novel_content_word_share,simulator_agreement_with_predicted,fully_faithful,coverage,error_when_deciding,aurc,"
        + "auroc\n");
    for (List<String> k : keys) {
      EvaluationTotals t = totals.get(k);
      EvaluationReport r = SparkEvaluateCommand.withoutModel(t.finish(labelSet, Map.of(), Map.of(),
          t.checks().report(false, simulator.simulator(), simulator.simulatorNote(), null)));
      Map<String, Object> line = new LinkedHashMap<>();
      Map<String, String> group = new LinkedHashMap<>();
      for (int i = 0; i < groups.size(); i++) {
        group.put(groups.get(i), k.get(i));
      }
      line.put("group", group);
      Map<String, Object> m = ReportJson.toMap(r);
      line.put("labels", m.get("labels"));
      line.put("rationales", m.get("rationales"));
      line.put("faithfulness_checks", m.get("faithfulness_checks"));
      line.put("selective", m.get("selective"));
      jsonl.append(Json.COMPACT.toJson(line)).append('\n');
      List<String> cells = new ArrayList<>(k.stream().map(GroupFiles::csv).toList());
      cells.add(Integer.toString(r.labels().n()));
      cells.add(num(r.labels().accuracy()));
      cells.add(num(r.labels().macroF1()));
      cells.add(num(r.labels().weightedF1()));
      cells.add(r.calibration() == null ? "" : num(r.calibration().ece()));
      EvaluationReport.Rationales rat = r.rationales();
      cells.add(rat == null ? "" : num(rat.nltkBleu().score()));
      cells.add(rat == null ? "" : num(rat.sacreBleu().corpus().score()));
      cells.add(rat == null ? "" : num(rat.chrf().score()));
      cells.add(rat == null ? "" : num(rat.rouge().mean().rougeL().f()));
      Map<String, Object> text = r.checks().predicted().toMap();
      cells.add(num((Double) text.get("unsupported_number_share")));
      cells.add(num((Double) text.get("novel_content_word_share")));
      cells.add(r.checks().simulator() == null ? "" : num(r.checks().simulator().agreesWithPredicted()));
      cells.add(r.checks().triage() == null ? "" : num(r.checks().triage().all().fullyFaithful()));
      SelectiveScores sel = r.selective().available() ? r.selective().scores() : null;
      cells.add(sel == null ? "" : num(sel.coverage()));
      cells.add(sel == null ? "" : num(sel.errorWhenDeciding()));
      cells.add(sel == null ? "" : num(sel.aurc()));
      cells.add(sel == null ? "" : num(sel.auroc()));
      if (sel != null) {
        curves.put(String.join(", ", group.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList()),
            sel);
      }
      csv.append(String.join(",", cells)).append('\n');
    }
    AtomicFiles.writeString(out.resolve("groups.jsonl"), jsonl.toString());
    AtomicFiles.writeString(out.resolve("groups.csv"), csv.toString());
    return curves;
  }

  private static String num(Double v) {
    return v == null ? "" : Double.toString(v);
  }

  private static String csv(String s) {
    return s.contains(",") || s.contains("\"") || s.contains("\n") ? '"' + s.replace("\"", "\"\"") + '"' : s;
  }

}
