// Runs every metric on a predictions file: labels, calibration, rationales, BERTScore, faithfulness, worst examples.
package dev.reason2decide.eval.report;

import dev.reason2decide.data.Prediction;
import dev.reason2decide.eval.Faithfulness;
import dev.reason2decide.eval.RationaleLabeler;
import dev.reason2decide.eval.bertscore.BertScoreOptions;
import dev.reason2decide.eval.bertscore.BertScoreResult;
import dev.reason2decide.eval.bertscore.BertScorer;
import dev.reason2decide.eval.faith.CheckInputs;
import dev.reason2decide.eval.faith.CheckTotals;
import dev.reason2decide.eval.faith.FaithfulnessChecks;
import dev.reason2decide.eval.labels.LabelMetrics;
import dev.reason2decide.eval.labels.ProbabilitySource;
import dev.reason2decide.eval.selective.SelectiveResult;
import dev.reason2decide.eval.selective.SelectiveTotals;
import dev.reason2decide.eval.text.ChrF;
import dev.reason2decide.eval.text.NltkBleu;
import dev.reason2decide.eval.text.Rouge;
import dev.reason2decide.eval.text.SacreBleu;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Computes an {@link EvaluationReport}; every example needs a gold label. */
public final class Evaluation {
  /** What the faithfulness section says when no labeler was given. */
  public static final String NO_MODEL = "not computed (no --model)";

  private Evaluation() {}

  /**
   * Evaluates {@code preds}. {@code labeler} may be null (faithfulness is then not computed); {@code provenance} is
   * copied into the report.
   */
  public static EvaluationReport run(List<Prediction> preds, EvaluationOptions opt, ProbabilitySource probabilities,
      RationaleLabeler labeler, Map<String, Object> provenance) {
    return run(preds, opt, probabilities, labeler, provenance, CheckInputs.NONE);
  }

  /** As above, with the simulator and counterfactual probes of {@code checks}. */
  public static EvaluationReport run(List<Prediction> preds, EvaluationOptions opt, ProbabilitySource probabilities,
      RationaleLabeler labeler, Map<String, Object> provenance, CheckInputs checks) {
    if (preds.isEmpty()) {
      throw new IllegalArgumentException("no predictions to evaluate");
    }
    List<String> gold = new ArrayList<>();
    for (int i = 0; i < preds.size(); i++) {
      Prediction p = preds.get(i);
      if (p.goldLabel() == null) {
        throw new IllegalArgumentException("prediction " + (i + 1) + (p.id() != null ? " (id " + p.id() + ")" : "")
            + " has no gold label: give the examples with --gold");
      }
      gold.add(p.goldLabel());
    }
    if (opt.labelSet() != null) {
      LabelMetrics.requireInSet(gold, opt.labelSet());
    }
    // the one-part case of the sums Spark adds over partitions
    List<Map<String, Double>> probs = probabilities.probabilities(preds);
    EvaluationTotals totals = new EvaluationTotals(opt.eceBins());
    CheckTotals.Context ctx = CheckTotals.Context.whole(FaithfulnessChecks.labelSet(preds), checks.simulator());
    EvaluationTotals.Scorers scorers = new EvaluationTotals.Scorers();
    List<EvaluationTotals.Line> lines = new ArrayList<>();
    for (int i = 0; i < preds.size(); i++) {
      Prediction p = preds.get(i);
      lines.add(totals.add(new Prediction(p.id(), p.input(), p.goldLabel(), p.goldRationale(), p.predictedLabel(),
          p.predictedRationale(), probs.get(i), p.trust()), "example " + (i + 1), CheckTotals.WHOLE, ctx, scorers));
    }
    EvaluationReport sums = totals.finish(opt.labelSet(), settings(opt), provenance, totals.checks().report(true,
        checks.simulator(), checks.simulatorNote(), checks.counterfactual()));
    Faithfulness.Result faith = null;
    String faithNote = NO_MODEL;
    if (labeler != null) {
      List<String> rats = preds.stream().map(p -> p.predictedRationale() == null ? "" : p.predictedRationale()).toList();
      List<String> predicted = preds.stream().map(Prediction::predictedLabel).toList();
      List<String> goldRats = preds.stream().map(Prediction::goldRationale).toList();
      faith = Faithfulness.compute(rats, predicted, gold, goldRats, labeler::labels, opt.perturbation());
      faithNote = "computed with " + labeler.describe();
    }
    return sums.withModelParts(bertScore(preds, opt), faith, faithNote, worst(preds, lines, opt.worst()));
  }

  /** The selective-prediction figures of the predictions' trust verdicts (not available when any has none). */
  public static SelectiveResult selective(List<Prediction> preds) {
    SelectiveTotals t = new SelectiveTotals();
    for (Prediction p : preds) {
      t.add(p.trust(), correct(p));
    }
    return t.result();
  }

  /** Whether the prediction's label is the gold one (both normalised as the label metrics do). */
  static boolean correct(Prediction p) {
    return LabelMetrics.normalize(p.goldLabel()).equals(LabelMetrics.normalize(p.predictedLabel()));
  }

  /** BERTScore of the rationales of the predictions with a gold one; null without a BERTScore model. */
  private static BertScoreResult bertScore(List<Prediction> preds, EvaluationOptions opt) {
    List<String> hyps = new ArrayList<>();
    List<String> refs = new ArrayList<>();
    for (Prediction p : preds) {
      if (p.goldRationale() != null) {
        hyps.add(p.predictedRationale() == null ? "" : p.predictedRationale());
        refs.add(p.goldRationale());
      }
    }
    if (hyps.isEmpty() || opt.bertscoreModel() == null) {
      return null;
    }
    try (BertScorer scorer = BertScorer.load(opt.bertscoreModel(), opt.bertscoreLayer(), opt.device())) {
      return scorer.score(hyps, refs, BertScoreOptions.of(opt.bertscoreLayer()).withIdf(opt.bertscoreIdf())
          .withBaseline(opt.bertscoreBaseline()));
    }
  }

  /** The {@code k} worst: misclassified first, then by lowest ROUGE-L F ({@code lines}: each note's scores). */
  private static List<EvaluationReport.WorstExample> worst(List<Prediction> preds, List<EvaluationTotals.Line> lines,
      int k) {
    List<EvaluationReport.WorstExample> all = new ArrayList<>();
    for (int i = 0; i < preds.size(); i++) {
      Prediction p = preds.get(i);
      EvaluationTotals.Line line = lines.get(i);
      all.add(new EvaluationReport.WorstExample(i + 1, p.id(), p.goldLabel(), p.predictedLabel(), correct(p),
          line == null ? null : line.rougeL(), line == null ? null : line.bleu(), p.goldRationale(),
          p.predictedRationale()));
    }
    all.sort(Comparator.comparing(EvaluationReport.WorstExample::correct)
        .thenComparing(w -> w.rougeL() == null ? Double.MAX_VALUE : w.rougeL())
        .thenComparing(EvaluationReport.WorstExample::index));
    return List.copyOf(all.subList(0, Math.min(k, all.size())));
  }

  private static Map<String, Object> settings(EvaluationOptions opt) {
    Map<String, Object> s = new LinkedHashMap<>();
    Map<String, Object> l = new LinkedHashMap<>();
    l.put("normalization", "strip; empty -> \"" + LabelMetrics.UNKNOWN + "\"");
    l.put("label_set", opt.labelSet() == null ? "union of gold and predicted strings" : opt.labelSet());
    l.put("zero_division", 0);
    l.put("reference", "scikit-learn precision_recall_fscore_support / accuracy_score");
    l.put("ece", "top-label, " + opt.eceBins() + " equal-width bins");
    s.put("labels", l);
    s.put("bleu_nltk", NltkBleu.settings());
    s.put("sacrebleu", SacreBleu.signature(false) + " (sentence: " + SacreBleu.signature(true) + ")");
    s.put("chrf", ChrF.signature());
    s.put("rouge", Rouge.settings());
    if (opt.bertscoreModel() != null) {
      Map<String, Object> b = new LinkedHashMap<>();
      b.put("model", opt.bertscoreModel().toAbsolutePath().normalize().toString());
      b.put("layer", opt.bertscoreLayer());
      b.put("idf", opt.bertscoreIdf());
      b.put("baseline", opt.bertscoreBaseline() == null ? null : opt.bertscoreBaseline().source());
      s.put("bertscore", b);
    }
    s.put("faithfulness_perturbation", opt.perturbation() ? "drop every second word of the rationale" : null);
    s.put("worst_examples", opt.worst());
    s.put("selective", "a case is decided when its trust verdict says decide, wrong when its label is not the gold "
        + "one; curve, AURC, accuracy at coverage and AUROC rank cases by trust score (ties: expected over their "
        + "order; AUROC: Mann-Whitney); 0/0 is null");
    return s;
  }
}
