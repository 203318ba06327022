// The faithfulness checks over a predictions file: any-data checks, the simulator, the exact synthetic-triage checks.
package dev.reason2decide.eval.faith;

import dev.reason2decide.data.Prediction;
import dev.reason2decide.data.synth.TriageRules;
import dev.reason2decide.eval.triage.CounterfactualRun;
import dev.reason2decide.eval.triage.NoteParser;
import dev.reason2decide.eval.triage.ParsedNote;
import dev.reason2decide.eval.triage.TriageCheck;
import dev.reason2decide.eval.triage.TriageFaithfulness;
import java.util.ArrayList;
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
   * The checks of {@code preds} (every one with a gold label). {@code simulator} may be null ({@code simulatorNote}
   * then says why); {@code counterfactual} is carried into the report as given.
   */
  public static Report compute(List<Prediction> preds, Simulator simulator, String simulatorNote,
      CounterfactualRun.Result counterfactual) {
    List<String> labels = labelSet(preds);
    TextRates predicted = rates(preds, labels, false);
    boolean anyGold = preds.stream().anyMatch(p -> p.goldRationale() != null && !p.goldRationale().isBlank());
    TextRates gold = anyGold ? rates(preds, labels, true) : null;
    Simulator.Result sim = null;
    if (simulator != null) {
      sim = simulator.score(preds.stream().map(p -> text(p.predictedRationale())).toList(),
          preds.stream().map(Prediction::predictedLabel).toList(), preds.stream().map(Prediction::goldLabel).toList(),
          preds.stream().map(Prediction::goldRationale).toList());
    }
    TriageFaithfulness.Result triage = null;
    if (syntheticTriage(preds)) {
      List<TriageCheck> checks = new ArrayList<>();
      for (Prediction p : preds) {
        ParsedNote note = NoteParser.parse(p.input());
        checks.add(TriageCheck.of(note, p.predictedLabel(), p.goldLabel(), p.predictedRationale()));
      }
      triage = TriageFaithfulness.of(checks);
    }
    return new Report(predicted, gold, sim, simulator == null ? simulatorNote : null, triage, counterfactual);
  }

  /** The labels the checks count as known words and numbers: gold, predicted, and the probabilities' keys. */
  static List<String> labelSet(List<Prediction> preds) {
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
    if (syntheticLabels(s)) {
      s.addAll(TriageRules.LABELS);
    }
    return List.copyOf(s);
  }

  private static boolean syntheticLabels(Set<String> labels) {
    return !labels.isEmpty() && labels.stream().allMatch(l -> TriageCheck.level(l) != 0);
  }

  private static TextRates rates(List<Prediction> preds, List<String> labels, boolean gold) {
    int n = 0;
    int numbers = 0;
    int unsupported = 0;
    int withUnsupported = 0;
    int content = 0;
    int novel = 0;
    for (Prediction p : preds) {
      String r = gold ? p.goldRationale() : text(p.predictedRationale());
      if (r == null || (gold && r.isBlank())) {
        continue;
      }
      n++;
      UnsupportedNumbers.Result u = UnsupportedNumbers.check(r, p.input(), labels);
      numbers += u.numbers();
      unsupported += u.unsupported().size();
      withUnsupported += u.unsupported().isEmpty() ? 0 : 1;
      NovelWords.Result w = NovelWords.check(r, p.input(), labels);
      content += w.contentWords();
      novel += w.novel().size();
    }
    return new TextRates(n, numbers, unsupported, withUnsupported, content, novel);
  }

  private static String text(String s) {
    return s == null ? "" : s;
  }
}
