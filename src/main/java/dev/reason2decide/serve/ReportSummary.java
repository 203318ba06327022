// The headline numbers of an evaluation report (r2d evaluate), one column each, for comparing runs side by side.
package dev.reason2decide.serve;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Picks fixed metrics out of {@code evaluation/report.json}; a missing or non-numeric value is {@code null}. */
final class ReportSummary {
  /** A column of the comparison table: its heading and the path of the value in the report. */
  record Column(String heading, List<String> path) {}

  static final List<Column> COLUMNS = List.of(
      new Column("accuracy", List.of("labels", "accuracy")),
      new Column("macro F1", List.of("labels", "macro_f1")),
      new Column("weighted F1", List.of("labels", "weighted_f1")),
      new Column("BLEU (nltk)", List.of("rationales", "bleu_nltk")),
      new Column("SacreBLEU", List.of("rationales", "sacrebleu", "score")),
      new Column("chrF", List.of("rationales", "chrf", "score")),
      new Column("ROUGE-L F", List.of("rationales", "rougeL", "f")),
      new Column("BERTScore F", List.of("rationales", "bertscore", "F")),
      new Column("consistency", List.of("faithfulness", "consistency")),
      new Column("sufficiency", List.of("faithfulness", "sufficiency")),
      new Column("gold robustness", List.of("faithfulness", "gold_robustness")));

  private ReportSummary() {}

  /** Heading → value (or {@code null}) for every column, in column order. */
  static Map<String, Double> of(JsonObject report) {
    Map<String, Double> out = new LinkedHashMap<>();
    for (Column c : COLUMNS) {
      out.put(c.heading(), number(report, c.path()));
    }
    return out;
  }

  private static Double number(JsonObject report, List<String> path) {
    JsonElement at = report;
    for (String key : path) {
      if (at == null || !at.isJsonObject()) {
        return null;
      }
      at = at.getAsJsonObject().get(key);
    }
    if (at == null || !at.isJsonPrimitive() || !at.getAsJsonPrimitive().isNumber()) {
      return null;
    }
    double d = at.getAsDouble();
    return Double.isFinite(d) ? d : null;
  }
}
