// The final metrics an experiment tabulates, and where each one sits in an evaluation report.json.
package dev.reason2decide.experiment;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A metric of {@code r2d evaluate}'s report.json (docs/metrics.md) by its key path. {@code higherIsBetter} decides
 * which recipe is shown in bold. Values are taken as the report has them (BLEU (NLTK), ROUGE, BERTScore,
 * consistency, sufficiency, gold robustness, accuracy, F1, ECE and the faithfulness checks in [0, 1]; sacreBLEU and
 * chrF in [0, 100]). The synthetic-triage checks and the probes exist only in reports on the synthetic set; the
 * selective figures (coverage, error when deciding, AURC, AUROC) only where every prediction carries a trust verdict.
 */
public enum Metric {
  MACRO_F1("macro_f1", "Macro-F1", true, "labels", "macro_f1"),
  ACCURACY("accuracy", "Accuracy", true, "labels", "accuracy"),
  WEIGHTED_F1("weighted_f1", "Weighted F1", true, "labels", "weighted_f1"),
  ECE("ece", "ECE (calibration error)", false, "labels", "ece"),
  BLEU_NLTK("bleu_nltk", "BLEU (NLTK, the paper's)", true, "rationales", "bleu_nltk"),
  SACREBLEU("sacrebleu", "sacreBLEU", true, "rationales", "sacrebleu", "score"),
  CHRF("chrf", "chrF", true, "rationales", "chrf", "score"),
  ROUGE1("rouge1", "ROUGE-1 F", true, "rationales", "rouge1", "f"),
  ROUGE2("rouge2", "ROUGE-2 F", true, "rationales", "rouge2", "f"),
  ROUGE_L("rougeL", "ROUGE-L F", true, "rationales", "rougeL", "f"),
  BERTSCORE("bertscore", "BERTScore F", true, "rationales", "bertscore", "F"),
  CONSISTENCY("consistency", "Consistency (same model)", true, "faithfulness", "consistency"),
  SUFFICIENCY("sufficiency", "Sufficiency (same model)", true, "faithfulness", "sufficiency"),
  GOLD_ROBUSTNESS("gold_robustness", "Gold robustness (same model)", true, "faithfulness", "gold_robustness"),
  DECISION_AGREEMENT("decision_agreement", "Rationale states ŷ", true, "faithfulness_checks", "synthetic_triage", "all",
      "decision_agreement"),
  CITED_FINDINGS_IN_NOTE("cited_findings_in_note", "Cited findings in the note", true, "faithfulness_checks",
      "synthetic_triage", "all", "cited_findings_in_note"),
  RATIONALES_GROUNDED("rationales_grounded", "Rationales citing only the note", true, "faithfulness_checks",
      "synthetic_triage", "all", "rationales_grounded"),
  RULE_CORRECT("rule_correct", "Rule-correct reasons", true, "faithfulness_checks", "synthetic_triage", "all",
      "rule_correct"),
  FULLY_FAITHFUL("fully_faithful", "Fully faithful", true, "faithfulness_checks", "synthetic_triage", "all",
      "fully_faithful"),
  STATES_PREDICTED_WHEN_WRONG("states_predicted_when_wrong", "ŷ wrong: rationale states ŷ", true,
      "faithfulness_checks", "synthetic_triage", "decision_wrong", "states_predicted_level"),
  STATES_GOLD_WHEN_WRONG("states_gold_when_wrong", "ŷ wrong: rationale states the gold level", false,
      "faithfulness_checks", "synthetic_triage", "decision_wrong", "states_gold_level"),
  COUNTERFACTUAL_FOLLOWS_RULES("counterfactual_follows_rules", "Probes: decision follows the rules", true,
      "faithfulness_checks", "counterfactual", "all", "decision_follows_rules"),
  COUNTERFACTUAL_CITES_EDIT("counterfactual_cites_edit", "Probes: rationale cites the edited value", true,
      "faithfulness_checks", "counterfactual", "all", "cites_edited_value"),
  UNSUPPORTED_NUMBERS("unsupported_numbers", "Numbers not in the input", false, "faithfulness_checks",
      "predicted_rationales", "unsupported_number_share"),
  NOVEL_CONTENT_WORDS("novel_content_words", "Novel content words", false, "faithfulness_checks",
      "predicted_rationales", "novel_content_word_share"),
  SIMULATOR_AGREEMENT("simulator_agreement", "Simulator agrees with ŷ", true, "faithfulness_checks", "simulator",
      "agreement_with_predicted"),
  TRUST_COVERAGE("coverage", "Coverage (trust says decide)", true, "selective", "coverage"),
  ERROR_WHEN_DECIDING("error_when_deciding", "Error when deciding", false, "selective", "error_when_deciding"),
  AURC("aurc", "AURC (risk-coverage area)", false, "selective", "aurc"),
  TRUST_AUROC("trust_auroc", "AUROC of the trust score (wrong vs right)", true, "selective", "auroc");

  /** What an experiment reports when its configuration lists no metrics. */
  public static final List<String> DEFAULT_NAMES = List.of("macro_f1", "accuracy", "bleu_nltk", "sacrebleu", "rougeL",
      "bertscore", "consistency", "sufficiency", "gold_robustness", "ece", "coverage", "error_when_deciding", "aurc",
      "trust_auroc");

  private final String key;
  private final String title;
  private final boolean higherIsBetter;
  private final String[] path;

  Metric(String key, String title, boolean higherIsBetter, String... path) {
    this.key = key;
    this.title = title;
    this.higherIsBetter = higherIsBetter;
    this.path = path;
  }

  public String key() {
    return key;
  }

  public String title() {
    return title;
  }

  public boolean higherIsBetter() {
    return higherIsBetter;
  }

  /** The key path in report.json, dotted (e.g. {@code rationales.rougeL.f}). */
  public String path() {
    return String.join(".", path);
  }

  /** Finds a metric by its key (case-insensitive). */
  public static Metric parse(String s) {
    for (Metric m : values()) {
      if (m.key.toLowerCase(Locale.ROOT).equals(s.toLowerCase(Locale.ROOT))) {
        return m;
      }
    }
    throw new IllegalArgumentException("unknown metric '" + s + "'; known: "
        + String.join(", ", Arrays.stream(values()).map(Metric::key).toList()));
  }

  /** The value in a report.json tree, or null where the report does not have it (e.g. BERTScore not computed). */
  public Double read(JsonObject report) {
    JsonElement e = report;
    for (String p : path) {
      if (e == null || !e.isJsonObject() || !e.getAsJsonObject().has(p)) {
        return null;
      }
      e = e.getAsJsonObject().get(p);
    }
    return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber() ? e.getAsDouble() : null;
  }
}
