// Everything `r2d evaluate` found, typed; ReportJson and MarkdownReport render it.
package dev.reason2decide.eval.report;

import dev.reason2decide.eval.Faithfulness;
import dev.reason2decide.eval.bertscore.BertScoreResult;
import dev.reason2decide.eval.faith.FaithfulnessChecks;
import dev.reason2decide.eval.labels.Calibration;
import dev.reason2decide.eval.labels.LabelScores;
import dev.reason2decide.eval.selective.SelectiveResult;
import dev.reason2decide.eval.text.ChrF;
import dev.reason2decide.eval.text.NltkBleu;
import dev.reason2decide.eval.text.Rouge;
import dev.reason2decide.eval.text.SacreBleu;
import java.util.List;
import java.util.Map;

/**
 * The evaluation of one predictions file. {@code calibration} is null without probabilities; {@code rationales} is
 * null when no example has a gold rationale; {@code faithfulness} is null when it was not computed, and
 * {@code faithfulnessNote} then says why. {@code faithfulness} holds the same-model metrics (consistency,
 * sufficiency); {@code checks} the faithfulness checks of {@code eval.faith} (see docs/metrics.md); {@code selective}
 * the selective-prediction figures of the trust verdicts, or why they are not available.
 */
public record EvaluationReport(LabelScores labels, Calibration.Result calibration, Rationales rationales,
    Faithfulness.Result faithfulness, String faithfulnessNote, List<WorstExample> worst,
    Map<String, Object> settings, Map<String, Object> provenance, FaithfulnessChecks.Report checks,
    SelectiveResult selective) {

  /**
   * This report with the parts that need every row or a model: BERTScore (null: none), the same-model
   * faithfulness (null, with {@code faithfulnessNote} saying why) and the worst examples.
   */
  public EvaluationReport withModelParts(BertScoreResult bertscore, Faithfulness.Result faithfulness,
      String faithfulnessNote, List<WorstExample> worst) {
    Rationales r = rationales == null || bertscore == null ? rationales : new Rationales(rationales.n,
        rationales.withoutReference, rationales.emptyPredictions, rationales.nltkBleu, rationales.sacreBleu,
        rationales.chrf, rationales.rouge, bertscore);
    return new EvaluationReport(labels, calibration, r, faithfulness, faithfulnessNote, List.copyOf(worst), settings,
        provenance, checks, selective);
  }

  /**
   * Rationale metrics over the {@code n} examples that have a gold rationale ({@code withoutReference} others had
   * none; {@code emptyPredictions} generated rationales were empty or absent and scored as empty text).
   * {@code bertscore} is null unless a BERTScore model was given.
   */
  public record Rationales(int n, int withoutReference, int emptyPredictions, NltkBleu.Result nltkBleu,
      SacreBleu.Result sacreBleu, ChrF.Result chrf, Rouge.Result rouge, BertScoreResult bertscore) {}

  /** An example the report shows among the worst: misclassified first, then by lowest ROUGE-L F. */
  public record WorstExample(int index, String id, String gold, String predicted, boolean correct, Double rougeL,
      Double bleu, String goldRationale, String predictedRationale) {}
}
