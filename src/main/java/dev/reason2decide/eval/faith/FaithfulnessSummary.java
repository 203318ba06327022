// The faithfulness checks in a few lines for the terminal (r2d evaluate, r2d quickstart).
package dev.reason2decide.eval.faith;

import dev.reason2decide.eval.triage.CounterfactualRun;
import dev.reason2decide.eval.triage.TriageFaithfulness;
import java.util.Locale;
import java.util.Map;

/** A short text summary of a {@link FaithfulnessChecks.Report}, each line starting with a newline. */
public final class FaithfulnessSummary {
  private FaithfulnessSummary() {}

  /** The summary lines (empty for a null report). */
  public static String lines(FaithfulnessChecks.Report r) {
    if (r == null) {
      return "";
    }
    StringBuilder s = new StringBuilder();
    TriageFaithfulness.Rates t = r.triage() == null ? null : r.triage().all();
    if (t != null) {
      s.append(String.format(Locale.ROOT, "%nrationale states the decision %s  cited findings in the note %s  "
          + "rationales grounded %s  rule-correct %s  fully faithful %s", f(t.decisionAgreement()),
          f(t.citedFindingsInNote()), f(t.rationalesGrounded()), f(t.ruleCorrect()), f(t.fullyFaithful())));
      TriageFaithfulness.Rates w = r.triage().decisionWrong();
      if (w.n() > 0) {
        s.append(String.format(Locale.ROOT, "%nwhen the decision is wrong (%d): rationale states it %s, states the "
            + "gold level %s", w.n(), f(w.statesPredicted()), f(w.statesGold())));
      }
    }
    Map<String, Object> p = r.predicted().toMap();
    s.append(String.format(Locale.ROOT, "%nnumbers not in the input %s  novel content words %s",
        f((Double) p.get("unsupported_number_share")), f((Double) p.get("novel_content_word_share"))));
    if (r.simulator() != null) {
      s.append(String.format(Locale.ROOT, "%nsimulator reading the rationale agrees with the decision %s, with gold %s "
          + "(ceiling on gold rationales %s)", f(r.simulator().agreesWithPredicted()), f(r.simulator().agreesWithGold()),
          f(r.simulator().accuracyOnGold())));
    }
    CounterfactualRun.Result cf = r.counterfactual();
    if (cf != null) {
      s.append(String.format(Locale.ROOT, "%ncounterfactual probes (%d): decision follows the rules %s  cites the "
          + "edited value %s  states the new level %s", cf.all().n(), f(cf.all().decisionFollowsRules()),
          f(cf.all().citesEditedValue()), f(cf.all().statesNewLevel())));
    }
    return s.toString();
  }

  private static String f(Double v) {
    return v == null ? "–" : String.format(Locale.ROOT, "%.3f", v);
  }
}
