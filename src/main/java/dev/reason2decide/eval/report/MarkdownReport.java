// report.md: the evaluation as tables a person reads (labels, confusion matrix, calibration, rationales, examples).
package dev.reason2decide.eval.report;

import dev.reason2decide.eval.Faithfulness;
import dev.reason2decide.eval.bertscore.BertScoreResult;
import dev.reason2decide.eval.faith.ChecksMarkdown;
import dev.reason2decide.eval.labels.Calibration;
import dev.reason2decide.eval.labels.ClassScores;
import dev.reason2decide.eval.labels.LabelScores;
import dev.reason2decide.eval.labels.ReliabilityBin;
import dev.reason2decide.eval.selective.SelectiveReport;
import dev.reason2decide.eval.text.Rouge;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Renders an {@link EvaluationReport} as Markdown. */
public final class MarkdownReport {
  private static final int SNIPPET = 300;

  private MarkdownReport() {}

  public static String render(EvaluationReport r) {
    return render(r, null);
  }

  /** As above, with {@code chart} (a file beside report.md, or null) shown under the selective figures. */
  public static String render(EvaluationReport r, String chart) {
    StringBuilder md = new StringBuilder("# Evaluation report\n\n");
    provenance(md, r.provenance());
    labels(md, r.labels(), r.calibration());
    rationales(md, r.rationales());
    faithfulness(md, r.faithfulness(), r.faithfulnessNote());
    if (r.checks() != null) {
      md.append(ChecksMarkdown.render(r.checks()));
    }
    if (r.selective() != null) {
      md.append(SelectiveReport.markdown(r.selective(), chart));
    }
    worst(md, r.worst());
    return md.toString();
  }

  @SuppressWarnings("unchecked")
  private static void provenance(StringBuilder md, Map<String, Object> p) {
    md.append(p.get("tool")).append(", ").append(p.get("date")).append("\n\n");
    for (Map<String, Object> f : (List<Map<String, Object>>) p.getOrDefault("files", List.of())) {
      md.append("- ").append(f.get("role")).append(": `").append(f.get("path")).append(f.get("sha256") == null
          ? "` (not hashed)\n" : "` (sha256 `" + f.get("sha256") + "`)\n");
    }
    md.append('\n');
  }

  private static void labels(StringBuilder md, LabelScores s, Calibration.Result cal) {
    md.append("## Labels\n\n");
    md.append(s.n()).append(" examples; class set: ").append(s.fixedLabelSet()
        ? "fixed (" + s.outsideLabelSet() + " predictions outside it count as wrong)"
        : "union of gold and predicted strings (scikit-learn semantics, zero_division 0)").append(".\n\n");
    md.append("| accuracy | macro-F1 | weighted-F1 |\n|---:|---:|---:|\n");
    md.append("| ").append(f4(s.accuracy())).append(" | ").append(f4(s.macroF1())).append(" | ")
        .append(f4(s.weightedF1())).append(" |\n\n");
    md.append("| class | precision | recall | F1 | support |\n|---|---:|---:|---:|---:|\n");
    for (Map.Entry<String, ClassScores> e : s.perClass().entrySet()) {
      ClassScores c = e.getValue();
      md.append("| ").append(cell(e.getKey())).append(" | ").append(f4(c.precision())).append(" | ")
          .append(f4(c.recall())).append(" | ").append(f4(c.f1())).append(" | ").append(c.support()).append(" |\n");
    }
    md.append("\nConfusion matrix (rows: gold, columns: predicted)\n\n| gold \\ predicted |");
    for (String c : s.confusion().columns()) {
      md.append(' ').append(cell(c)).append(" |");
    }
    md.append("\n|---|").append("---:|".repeat(s.confusion().columns().size())).append('\n');
    for (int i = 0; i < s.confusion().rows().size(); i++) {
      md.append("| ").append(cell(s.confusion().rows().get(i))).append(" |");
      for (long v : s.confusion().matrix()[i]) {
        md.append(' ').append(v).append(" |");
      }
      md.append('\n');
    }
    md.append('\n');
    if (cal == null) {
      md.append("Calibration: no label probabilities in the predictions.\n\n");
      return;
    }
    md.append("Calibration: ECE = ").append(f4(cal.ece())).append(" over ").append(cal.scored())
        .append(" examples (top-label, ").append(cal.bins()).append(" bins")
        .append(cal.withoutProbabilities() > 0 ? "; " + cal.withoutProbabilities() + " without probabilities" : "")
        .append(").\n\n| confidence | count | mean confidence | accuracy |\n|---|---:|---:|---:|\n");
    for (ReliabilityBin b : cal.table()) {
      md.append("| (").append(f2(b.lower())).append(", ").append(f2(b.upper())).append("] | ").append(b.count())
          .append(" | ").append(f4(b.meanConfidence())).append(" | ").append(f4(b.accuracy())).append(" |\n");
    }
    md.append('\n');
  }

  private static void rationales(StringBuilder md, EvaluationReport.Rationales r) {
    md.append("## Rationales\n\n");
    if (r == null) {
      md.append("No example has a gold rationale.\n\n");
      return;
    }
    md.append(r.n()).append(" examples with a gold rationale");
    if (r.withoutReference() > 0) {
      md.append(" (").append(r.withoutReference()).append(" without one are left out)");
    }
    if (r.emptyPredictions() > 0) {
      md.append("; ").append(r.emptyPredictions()).append(" generated rationales are empty and score as empty text");
    }
    md.append(".\n\n| metric | score | settings |\n|---|---:|---|\n");
    md.append("| BLEU (paper, NLTK) | ").append(f4(r.nltkBleu().score()))
        .append(" | sentence_bleu, method4, word_tokenize(lower), mean, 0-1 |\n");
    md.append("| sacreBLEU | ").append(f2(r.sacreBleu().corpus().score())).append(" | `")
        .append(cell(r.sacreBleu().signature())).append("` |\n");
    md.append("| chrF | ").append(f2(r.chrf().score())).append(" | `").append(cell(r.chrf().signature()))
        .append("` |\n");
    rouge(md, "ROUGE-1", r.rouge().mean().rouge1());
    rouge(md, "ROUGE-2", r.rouge().mean().rouge2());
    rouge(md, "ROUGE-L", r.rouge().mean().rougeL());
    BertScoreResult b = r.bertscore();
    if (b != null) {
      md.append("| BERTScore F | ").append(f4(b.f())).append(" | P ").append(f4(b.p())).append(", R ")
          .append(f4(b.r())).append("; `").append(b.hash()).append("` |\n");
      md.append("\n");
      if (b.truncatedHypotheses() + b.truncatedReferences() > 0) {
        md.append("BERTScore: ").append(b.truncatedHypotheses()).append(" generated and ")
            .append(b.truncatedReferences()).append(" gold rationales were longer than ").append(b.maxTokens())
            .append(" tokens and were truncated.\n");
      }
    } else {
      md.append("\nBERTScore: not computed (no --bertscore-model).\n");
    }
    md.append('\n');
  }

  private static void rouge(StringBuilder md, String name, Rouge.Prf p) {
    md.append("| ").append(name).append(" F | ").append(f4(p.f())).append(" | P ").append(f4(p.precision()))
        .append(", R ").append(f4(p.recall())).append("; rouge-score tokens, no stemming, mean |\n");
  }

  private static void faithfulness(StringBuilder md, Faithfulness.Result f, String note) {
    md.append("## Same-model consistency, sufficiency and gold robustness (Reason2Decide-C)\n\n");
    if (f == null) {
      md.append("Faithfulness: ").append(note).append(".\n\n");
      return;
    }
    md.append("Label predicted from the model's own rationale (`predict: {rationale}`), and from the gold rationale, ")
        .append(note).append("; labels compared stripped and lower-cased.\n\n")
        .append("| consistency (= own label) | sufficiency (= gold label) | gold robustness (gold rationale → gold "
            + "label) |");
    md.append(f.perturbationFlip() != null ? " flips when half the words are dropped |\n|---:|---:|---:|---:|\n"
        : "\n|---:|---:|---:|\n");
    md.append("| ").append(f4(f.consistency())).append(" | ").append(f4(f.sufficiency())).append(" | ")
        .append(f.goldRobustness() == null ? "– (no gold rationales)" : f4(f.goldRobustness())).append(" |");
    if (f.perturbationFlip() != null) {
      md.append(' ').append(f4(f.perturbationFlip())).append(" |");
    }
    md.append("\n\n");
  }

  private static void worst(StringBuilder md, List<EvaluationReport.WorstExample> worst) {
    md.append("## Worst examples\n\nMisclassified first, then by lowest ROUGE-L F of the rationale.\n\n");
    md.append("| # | id | gold | predicted | ROUGE-L F | generated rationale | gold rationale |\n");
    md.append("|---:|---|---|---|---:|---|---|\n");
    for (EvaluationReport.WorstExample w : worst) {
      md.append("| ").append(w.index()).append(" | ").append(cell(w.id())).append(" | ").append(cell(w.gold()))
          .append(" | ").append(cell(w.predicted())).append(" | ")
          .append(w.rougeL() == null ? "–" : f4(w.rougeL())).append(" | ").append(cell(snippet(w.predictedRationale())))
          .append(" | ").append(cell(snippet(w.goldRationale()))).append(" |\n");
    }
  }

  private static String snippet(String s) {
    if (s == null) {
      return "";
    }
    return s.length() <= SNIPPET ? s : s.substring(0, SNIPPET) + "…";
  }

  /** Escapes a table cell: pipes, line breaks. */
  private static String cell(String s) {
    if (s == null) {
      return "";
    }
    return s.replace("\\", "\\\\").replace("|", "\\|").replace("\r", " ").replace("\n", " ");
  }

  private static String f4(double v) {
    return String.format(Locale.ROOT, "%.4f", v);
  }

  private static String f2(double v) {
    return String.format(Locale.ROOT, "%.2f", v);
  }
}
