// The faithfulness checks over a predictions file: any-data checks, the simulator, the exact synthetic-triage checks.
package dev.reason2decide.eval.faith;

import dev.reason2decide.data.Prediction;
import dev.reason2decide.eval.triage.CounterfactualRun;
import dev.reason2decide.eval.triage.NoteParser;
import dev.reason2decide.eval.triage.TriageCheck;
import dev.reason2decide.eval.triage.TriageFaithfulness;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Computes {@link Report}. The synthetic-triage checks run when the data is the synthetic set, detected from the
 * data itself: every input is, word for word, a note of the generator's grammar ({@link NoteParser}) and every gold
 * label is an ESI level. The any-data checks are also computed on the gold rationales, as the reference a model is
 * compared with (gold rationales quote rule thresholds such as "below 85%", which are not in the note).
 */
public final class FaithfulnessChecks {
  /** How the report says the synthetic set was detected. */
  public static final String DETECTION = "every input is a note of the synthetic triage grammar and every gold label "
      + "an ESI level";

  private FaithfulnessChecks() {}

  /**
   * Any-data rates over a set of rationales.
   *
   * @param rationales how many
   * @param numbers numbers stated in all
   * @param unsupportedNumbers of them, not in the input
   * @param rationalesWithUnsupported rationales stating at least one unsupported number
   * @param contentWords content words in all
   * @param novelWords of them, in neither input nor labels
   */
  public record TextRates(int rationales, int numbers, int unsupportedNumbers, int rationalesWithUnsupported,
      int contentWords, int novelWords) {
    public Map<String, Object> toMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("rationales", rationales);
      m.put("numbers", numbers);
      m.put("unsupported_numbers", unsupportedNumbers);
      m.put("unsupported_number_share", numbers == 0 ? null : (double) unsupportedNumbers / numbers);
      m.put("rationales_with_unsupported_numbers", rationales == 0 ? null
          : (double) rationalesWithUnsupported / rationales);
      m.put("content_words", contentWords);
      m.put("novel_content_words", novelWords);
      m.put("novel_content_word_share", contentWords == 0 ? null : (double) novelWords / contentWords);
      return m;
    }
  }

  /**
   * Everything the checks found. {@code simulator}, {@code triage} and {@code counterfactual} are null when not
   * computed; {@code goldReference} is null without gold rationales.
   */
  public record Report(TextRates predicted, TextRates goldReference, Simulator.Result simulator, String simulatorNote,
      TriageFaithfulness.Result triage, CounterfactualRun.Result counterfactual) {
    /** The {@code faithfulness_checks} section of report.json. */
    public Map<String, Object> toMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("predicted_rationales", predicted.toMap());
      m.put("gold_rationales", goldReference == null ? null : goldReference.toMap());
      if (simulator != null) {
        m.put("simulator", simulator.toMap());
      } else {
        m.put("simulator", Map.of("note", simulatorNote));
      }
      if (triage != null) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("detected", DETECTION);
        t.putAll(triage.toMap());
        m.put("synthetic_triage", t);
      } else {
        m.put("synthetic_triage", null);
      }
      m.put("counterfactual", counterfactual == null ? null : counterfactual.toMap());
      return m;
    }
  }

  /** Whether {@code preds} are on the synthetic triage set (see {@link #DETECTION}). */
  public static boolean syntheticTriage(List<Prediction> preds) {
    if (preds.isEmpty()) {
      return false;
    }
    for (Prediction p : preds) {
      if (p.goldLabel() == null || TriageCheck.level(p.goldLabel()) == 0 || NoteParser.parse(p.input()) == null) {
        return false;
      }
    }
    return true;
  }

  /**
   * The checks of {@code preds} (every one with a gold label): the one-part case of {@link CheckTotals}, so a file
   * and the sum of its Spark partitions give the same figures. {@code simulator} may be null ({@code simulatorNote}
   * then says why); {@code counterfactual} is carried into the report as given.
   */
  public static Report compute(List<Prediction> preds, Simulator simulator, String simulatorNote,
      CounterfactualRun.Result counterfactual) {
    CheckTotals.Context ctx = CheckTotals.Context.whole(labelSet(preds), simulator);
    CheckTotals totals = new CheckTotals();
    for (Prediction p : preds) {
      totals.add(CheckTotals.WHOLE, p.input(), p.goldLabel(), p.predictedLabel(), p.goldRationale(),
          p.predictedRationale(), ctx);
    }
    return totals.report(true, simulator, simulatorNote, counterfactual);
  }

  /** The labels the checks count as known words and numbers: gold, predicted, and the probabilities' keys. */
  public static List<String> labelSet(List<Prediction> preds) {
    Set<String> s = new LinkedHashSet<>();
    for (Prediction p : preds) {
      if (p.goldLabel() != null) {
        s.add(p.goldLabel());
      }
      if (p.predictedLabel() != null) {
        s.add(p.predictedLabel());
      }
      if (p.probabilities() != null) {
        s.addAll(p.probabilities().keySet());
      }
    }
    return CheckTotals.labelSet(s);
  }
}
