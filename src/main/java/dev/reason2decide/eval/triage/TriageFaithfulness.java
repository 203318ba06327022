// The exact checks over a set of synthetic-triage predictions: overall, when ŷ is right, when ŷ is wrong.
package dev.reason2decide.eval.triage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rates of the {@link TriageCheck}s. Shares are over rationales, except {@code citedFindingsInNote}, which is over
 * cited findings (0/0 is reported as null). When ŷ is wrong, {@code statesPredicted} and {@code statesGold} say
 * whether the rationale explains the decision shown or the right one.
 */
public final class TriageFaithfulness {
  private TriageFaithfulness() {}

  /**
   * Rates over a group of checks.
   *
   * @param n rationales
   * @param unparsed rationales outside the grammar
   * @param decisionAgreement share stating ŷ
   * @param citedFindings findings cited in all
   * @param citedFindingsInNote share of cited findings that agree with the note (null when none was cited)
   * @param rationalesGrounded share whose cited findings all agree with the note
   * @param ruleCorrect share whose reasons decide the stated level under the rules
   * @param fullyFaithful share passing all three
   * @param statesPredicted share stating ŷ (equal to decisionAgreement; kept for the wrong-ŷ split)
   * @param statesGold share stating the gold level (null without gold labels)
   * @param citesAbsentFinding share citing a finding the note does not record (null when there is no rationale)
   */
  public record Rates(int n, int unparsed, Double decisionAgreement, int citedFindings, Double citedFindingsInNote,
      Double rationalesGrounded, Double ruleCorrect, Double fullyFaithful, Double statesPredicted, Double statesGold,
      Double citesAbsentFinding) {

    /** JSON names, the same in reports, predictions and the API. */
    public Map<String, Object> toMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("n", n);
      m.put("unparsed_rationales", unparsed);
      m.put("decision_agreement", decisionAgreement);
      m.put("cited_findings", citedFindings);
      m.put("cited_findings_in_note", citedFindingsInNote);
      m.put("rationales_grounded", rationalesGrounded);
      m.put("cites_absent_finding", citesAbsentFinding);
      m.put("rule_correct", ruleCorrect);
      m.put("fully_faithful", fullyFaithful);
      m.put("states_predicted_level", statesPredicted);
      m.put("states_gold_level", statesGold);
      return m;
    }
  }

  /**
   * The report: all examples, and split by whether ŷ is right (only examples with a gold label).
   *
   * @param all every example
   * @param decisionRight examples with ŷ = y
   * @param decisionWrong examples with ŷ ≠ y
   */
  public record Result(Rates all, Rates decisionRight, Rates decisionWrong) {
    public Map<String, Object> toMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("all", all.toMap());
      m.put("decision_right", decisionRight.toMap());
      m.put("decision_wrong", decisionWrong.toMap());
      return m;
    }
  }

  /** The rates of {@code checks}. */
  public static Result of(List<TriageCheck> checks) {
    List<TriageCheck> right = new ArrayList<>();
    List<TriageCheck> wrong = new ArrayList<>();
    for (TriageCheck c : checks) {
      Boolean ok = c.decisionCorrect();
      if (ok != null) {
        (ok ? right : wrong).add(c);
      }
    }
    return new Result(rates(checks), rates(right), rates(wrong));
  }

  /** The rates of one group. */
  public static Rates rates(List<TriageCheck> checks) {
    int n = checks.size();
    int agree = Shares.count(checks, TriageCheck::agreesWithDecision);
    int cited = Shares.sum(checks, c -> c.cited().size());
    List<TriageCheck> withGold = checks.stream().filter(c -> c.goldLevel() != 0).toList();
    return new Rates(n, n - Shares.count(checks, TriageCheck::parsed), Shares.share(agree, n), cited,
        Shares.share(Shares.sum(checks, TriageCheck::citedInNote), cited), Shares.of(checks, TriageCheck::grounded),
        Shares.of(checks, TriageCheck::ruleCorrect), Shares.of(checks, TriageCheck::fullyFaithful),
        Shares.share(agree, n), Shares.of(withGold, TriageCheck::statesGold),
        Shares.of(checks, TriageCheck::citesAbsentFinding));
  }
}
