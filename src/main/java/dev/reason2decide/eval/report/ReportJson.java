// The report.json layout of `r2d evaluate` (other tools read these key names: keep them).
package dev.reason2decide.eval.report;

import dev.reason2decide.eval.Faithfulness;
import dev.reason2decide.eval.bertscore.BertScoreResult;
import dev.reason2decide.eval.labels.Calibration;
import dev.reason2decide.eval.labels.ClassScores;
import dev.reason2decide.eval.labels.LabelScores;
import dev.reason2decide.eval.labels.ReliabilityBin;
import dev.reason2decide.eval.selective.SelectiveReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Top-level keys: {@code labels} (accuracy, macro_f1, weighted_f1, per_class, confusion, ece, reliability),
 * {@code rationales} (bleu_nltk, sacrebleu, chrf, rouge1, rouge2, rougeL, bertscore), {@code faithfulness},
 * {@code faithfulness_checks}, {@code selective} (trust verdicts: {@link SelectiveReport}), {@code examples} (the
 * worst ones), {@code settings}, {@code provenance}.
 */
public final class ReportJson {
  private ReportJson() {}

  /** The report as nested maps and lists, ready for Gson. */
  public static Map<String, Object> toMap(EvaluationReport r) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("labels", labels(r.labels(), r.calibration()));
    out.put("rationales", rationales(r.rationales()));
    out.put("faithfulness", faithfulness(r.faithfulness(), r.faithfulnessNote()));
    out.put("faithfulness_checks", r.checks() == null ? null : r.checks().toMap());
    out.put("selective", r.selective() == null ? null : SelectiveReport.toMap(r.selective()));
    Map<String, Object> ex = new LinkedHashMap<>();
    List<Object> worst = new ArrayList<>();
    for (EvaluationReport.WorstExample w : r.worst()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("index", w.index());
      m.put("id", w.id());
      m.put("label", w.gold());
      m.put("predicted_label", w.predicted());
      m.put("correct", w.correct());
      m.put("rougeL_f", w.rougeL());
      m.put("bleu_nltk", w.bleu());
      m.put("rationale", w.goldRationale());
      m.put("predicted_rationale", w.predictedRationale());
      worst.add(m);
    }
    ex.put("worst", worst);
    out.put("examples", ex);
    out.put("settings", r.settings());
    out.put("provenance", r.provenance());
    return out;
  }

  private static Map<String, Object> labels(LabelScores s, Calibration.Result cal) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("n", s.n());
    m.put("accuracy", s.accuracy());
    m.put("macro_f1", s.macroF1());
    m.put("weighted_f1", s.weightedF1());
    m.put("label_set", s.fixedLabelSet() ? "fixed" : "union");
    m.put("outside_label_set", s.outsideLabelSet());
    Map<String, Object> per = new LinkedHashMap<>();
    for (Map.Entry<String, ClassScores> e : s.perClass().entrySet()) {
      Map<String, Object> c = new LinkedHashMap<>();
      c.put("precision", e.getValue().precision());
      c.put("recall", e.getValue().recall());
      c.put("f1", e.getValue().f1());
      c.put("support", e.getValue().support());
      per.put(e.getKey(), c);
    }
    m.put("per_class", per);
    Map<String, Object> conf = new LinkedHashMap<>();
    conf.put("labels", s.confusion().rows());
    if (!s.confusion().columns().equals(s.confusion().rows())) {
      conf.put("columns", s.confusion().columns());
    }
    conf.put("matrix", s.confusion().matrix());
    m.put("confusion", conf);
    if (cal != null) {
      m.put("ece", cal.ece());
      m.put("ece_examples", cal.scored());
      m.put("without_probabilities", cal.withoutProbabilities());
      List<Object> rel = new ArrayList<>();
      for (ReliabilityBin b : cal.table()) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("lower", b.lower());
        row.put("upper", b.upper());
        row.put("count", b.count());
        row.put("confidence", b.meanConfidence());
        row.put("accuracy", b.accuracy());
        rel.add(row);
      }
      m.put("reliability", rel);
    }
    return m;
  }

  private static Map<String, Object> rationales(EvaluationReport.Rationales r) {
    Map<String, Object> m = new LinkedHashMap<>();
    if (r == null) {
      m.put("n", 0);
      m.put("note", "no example has a gold rationale");
      return m;
    }
    m.put("n", r.n());
    m.put("without_reference", r.withoutReference());
    m.put("empty_predictions", r.emptyPredictions());
    m.put("bleu_nltk", r.nltkBleu().score());
    Map<String, Object> sb = new LinkedHashMap<>();
    sb.put("score", r.sacreBleu().corpus().score());
    sb.put("signature", r.sacreBleu().signature());
    sb.put("sentence_mean", mean(r.sacreBleu().perLine()));
    sb.put("sentence_signature", r.sacreBleu().sentenceSignature());
    m.put("sacrebleu", sb);
    Map<String, Object> chrf = new LinkedHashMap<>();
    chrf.put("score", r.chrf().score());
    chrf.put("signature", r.chrf().signature());
    m.put("chrf", chrf);
    m.put("rouge1", r.rouge().mean().rouge1().toMap());
    m.put("rouge2", r.rouge().mean().rouge2().toMap());
    m.put("rougeL", r.rouge().mean().rougeL().toMap());
    if (r.bertscore() != null) {
      m.put("bertscore", bertscore(r.bertscore()));
    }
    return m;
  }

  /** BERTScore as report.json and {@code r2d metrics bertscore} print it. */
  public static Map<String, Object> bertscore(BertScoreResult b) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("P", b.p());
    m.put("R", b.r());
    m.put("F", b.f());
    m.put("hash", b.hash());
    m.put("max_tokens", b.maxTokens());
    m.put("truncated_hypotheses", b.truncatedHypotheses());
    m.put("truncated_references", b.truncatedReferences());
    return m;
  }

  private static Map<String, Object> faithfulness(Faithfulness.Result f, String note) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("computed", f != null);
    m.put("kind", "same-model (Reason2Decide-C): the task model labels its own rationale");
    m.put("note", note);
    if (f != null) {
      m.put("n", f.n());
      m.put("consistency", f.consistency());
      m.put("sufficiency", f.sufficiency());
      m.put("with_gold", f.withGold());
      m.put("gold_robustness", f.goldRobustness());
      m.put("with_gold_rationale", f.withGoldRationale());
      m.put("label_normalization", "strip, then lower-case (as Reason2Decide-C's infer.py)");
      if (f.perturbationFlip() != null) {
        m.put("perturbation_flip_rate", f.perturbationFlip());
      }
    }
    return m;
  }

  private static double mean(List<Double> xs) {
    return xs.stream().mapToDouble(Double::doubleValue).average().orElse(0);
  }
}
