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
 * consistency, sufficiency, accuracy, F1 and ECE in [0, 1]; sacreBLEU and chrF in [0, 100]).
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
  CONSISTENCY("consistency", "Consistency", true, "faithfulness", "consistency"),
  SUFFICIENCY("sufficiency", "Sufficiency", true, "faithfulness", "sufficiency");

  /** What an experiment reports when its configuration lists no metrics. */
  public static final List<String> DEFAULT_NAMES = List.of("macro_f1", "accuracy", "bleu_nltk", "sacrebleu", "rougeL",
      "bertscore", "consistency", "sufficiency", "ece");

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
