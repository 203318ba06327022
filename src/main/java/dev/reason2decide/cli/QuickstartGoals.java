// The quickstart's goals and their verdicts: what each measures, its bar, met or missed.
package dev.reason2decide.cli;

import dev.reason2decide.eval.faith.FaithfulnessChecks;
import dev.reason2decide.eval.triage.CounterfactualRun;
import dev.reason2decide.eval.triage.TriageFaithfulness;
import dev.reason2decide.train.GoalStop;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The bars `r2d quickstart` holds its model to (the goal stop checks the first four on validation notes). */
final class QuickstartGoals {
  private QuickstartGoals() {}

  /** The goals the quickstart is held to (issue: a small model that gets it right). */
  static final double GOAL_ACCURACY = GoalStop.Goals.QUICKSTART.accuracy();
  static final double GOAL_AGREEMENT = GoalStop.Goals.QUICKSTART.decisionAgreement();
  static final double GOAL_CITED = GoalStop.Goals.QUICKSTART.citedInNote();
  static final double GOAL_FULLY_FAITHFUL = GoalStop.Goals.QUICKSTART.fullyFaithful();
  static final double GOAL_COUNTERFACTUAL = 0.90;

  /** One goal: what is measured, its value, and the bar. */
  record Verdict(String what, Double value, double goal) {
    boolean met() {
      return value != null && value >= goal;
    }

    String line() {
      return String.format(Locale.ROOT, "%-4s %-46s %s (goal >= %.2f)", met() ? "MET" : "MISS", what,
          value == null ? "not measured" : String.format(Locale.ROOT, "%.3f", value), goal);
    }

    Map<String, Object> toMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("check", what);
      m.put("value", value);
      m.put("goal", goal);
      m.put("met", met());
      return m;
    }
  }

  /** The quickstart's verdicts on held-out accuracy, the faithfulness checks and the probes. */
  static List<Verdict> verdicts(double accuracy, FaithfulnessChecks.Report checks) {
    TriageFaithfulness.Rates t = checks.triage() == null ? null : checks.triage().all();
    CounterfactualRun.Result cf = checks.counterfactual();
    return List.of(
        new Verdict("accuracy on held-out notes", accuracy, GOAL_ACCURACY),
        new Verdict("rationale states the decision made", t == null ? null : t.decisionAgreement(), GOAL_AGREEMENT),
        new Verdict("cited findings agree with the note", t == null ? null : t.citedFindingsInNote(), GOAL_CITED),
        new Verdict("rationales fully faithful", t == null ? null : t.fullyFaithful(), GOAL_FULLY_FAITHFUL),
        new Verdict("counterfactual decisions follow the rules", cf == null ? null : cf.all().decisionFollowsRules(),
            GOAL_COUNTERFACTUAL));
  }
}
