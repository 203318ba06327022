// The goal stop's decider by hand: met validations in a row, the bars of the goals, and the selection score.
package dev.reason2decide.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GoalStopTest {
  /** The validation (1-based) at which a rule stops on a sequence of verdicts, or 0 when it never does. */
  private static int stopsAt(GoalStop rule, List<Boolean> verdicts) {
    for (int i = 0; i < verdicts.size(); i++) {
      if (rule.observe(verdicts.get(i))) {
        return i + 1;
      }
    }
    return 0;
  }

  @Test
  void stopsAtTheSecondMetValidationInARowNotAtTwoApart() {
    // met, missed, met, met: the streak goes 1, 0, 1, 2, so the stop is at the fourth validation
    assertEquals(4, stopsAt(new GoalStop(2, 0), List.of(true, false, true, true, true)));
    assertEquals(0, stopsAt(new GoalStop(2, 0), List.of(true, false, true, false, true)));
    assertEquals(1, stopsAt(new GoalStop(1, 0), List.of(true)));
    assertEquals(3, stopsAt(new GoalStop(3, 0), List.of(true, true, true)));
  }

  @Test
  void offNeverStopsAndAMissResetsTheStreak() {
    GoalStop off = new GoalStop(0, 0);
    assertEquals(0, stopsAt(off, List.of(true, true, true, true)));
    assertEquals(4, off.streak()); // still counted, for metrics.jsonl
    GoalStop rule = new GoalStop(2, 0);
    rule.observe(true);
    assertEquals(1, rule.streak());
    rule.observe(false);
    assertEquals(0, rule.streak());
  }

  @Test
  void aResumedRuleCountsOnFromItsSavedStreak() {
    assertTrue(new GoalStop(2, 1).observe(true));
    assertFalse(new GoalStop(2, 1).observe(false));
    assertThrows(IllegalArgumentException.class, () -> new GoalStop(-1, 0));
  }

  private static Map<String, Object> metrics(Double acc, Double agree, Double cited, Double faithful) {
    Map<String, Object> m = new HashMap<>();
    m.put("val_macro_f1", 0.5); // not a goal
    m.put("val_accuracy", acc);
    m.put("val_decision_agreement", agree);
    m.put("val_cited_findings_in_note", cited);
    m.put("val_fully_faithful", faithful);
    return m;
  }

  @Test
  void everyGoalMustBeMetAtItsBarAndAnUncheckedOneIsNotMet() {
    GoalStop.Goals g = GoalStop.Goals.QUICKSTART;
    assertEquals(new GoalStop.Goals(0.95, 0.97, 0.95, 0.90), g); // the quickstart's printed goals
    assertTrue(g.metBy(metrics(0.95, 0.97, 0.95, 0.90)));          // at the bar is met
    assertTrue(g.metBy(metrics(1.0, 1.0, 1.0, 1.0)));
    assertFalse(g.metBy(metrics(0.94, 1.0, 1.0, 1.0)));
    assertFalse(g.metBy(metrics(1.0, 0.96, 1.0, 1.0)));
    assertFalse(g.metBy(metrics(1.0, 1.0, 0.94, 1.0)));
    assertFalse(g.metBy(metrics(1.0, 1.0, 1.0, 0.89)));
    assertFalse(g.metBy(metrics(1.0, 1.0, null, 1.0)));            // nothing cited: 0/0 is not "agree"
    assertFalse(g.metBy(Map.of("val_accuracy", 1.0)));             // rationales not checked (accuracy alone)
  }

  @Test
  void aValidationThatMeetsTheGoalsIsSelectedOverOneWithABetterMacroF1() {
    assertTrue(GoalStop.selectionScore(0.90, true) > GoalStop.selectionScore(1.0, false));
    assertTrue(GoalStop.selectionScore(0.95, true) > GoalStop.selectionScore(0.90, true));
    assertEquals(0.8, GoalStop.selectionScore(0.8, false));
  }
}
