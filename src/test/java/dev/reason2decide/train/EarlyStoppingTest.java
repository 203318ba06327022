// Scripted validation curves through EarlyStopping: the step each rule stops at and the step whose checkpoint is kept.
package dev.reason2decide.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reason2decide.runs.PhaseFolder;
import dev.reason2decide.runs.PhaseKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The curves and their outcomes are those of /work/notes/reference-rules.md (issue 13), worked out by hand from the
 * reference's {@code DelayedEarlyStoppingCallback} (train_stage2.py 93–131) with T = 100, E = 5, P = 5, W = 5,
 * M = 60, A = 65.
 */
class EarlyStoppingTest {
  static final int T = 100;
  static final int A = 65;

  /** Where a phase ended and which checkpoint it kept. */
  record Outcome(int lastStep, boolean stopped, int keptStep) {}

  /**
   * The evaluation loop: after step s with s % every == 0 (and, when {@code lastStepToo}, at T as this project
   * does), the stopping decision is taken; a stop ends the phase after that evaluation.
   */
  static Outcome drive(IntToDoubleFunction curve, int every, int patience, int armedFrom, boolean lastStepToo) {
    EarlyStopping rule = new EarlyStopping(patience, armedFrom, EarlyStopping.Counters.START);
    for (int s = 1; s <= T; s++) {
      if (s % every == 0 || lastStepToo && s == T) {
        if (rule.observe(s, curve.applyAsDouble(s)).stop()) {
          return new Outcome(s, true, rule.bestStep());
        }
      }
    }
    return new Outcome(T, false, rule.bestStep());
  }

  /** Curve 1: a peak before arming, later a higher one. */
  static double peakThenHigher(int s) {
    return s <= 25 ? 0.5 : s == 30 ? 0.9 : s <= 65 ? 0.6 : s == 70 ? 0.61 : s <= 90 ? 0.6 : s == 95 ? 0.95 : 0.7;
  }

  /** Curve 2: a plateau right after arming. */
  static double plateauAfterArming(int s) {
    return s <= 35 ? 0.5 : s == 40 ? 0.7 : s <= 60 ? 0.5 : 0.6;
  }

  /** Curve 4: a rise after the baseline, then equal values. */
  static double riseThenEqual(int s) {
    return s <= 60 ? 0.5 : s == 65 ? 0.6 : 0.7;
  }

  @Test
  void aPeakBeforeArmingDoesNotCountAgainstLaterValidations() {
    // baseline 0.6 at 65; 70 beats it; 75..90 fail 1..4; 95 beats it; 100 fails once: no stop, 95 kept
    assertEquals(new Outcome(100, false, 95), drive(EarlyStoppingTest::peakThenHigher, 5, 5, A, false));
  }

  @Test
  void aPlateauRightAfterArmingStopsAfterFiveEqualValidations() {
    // baseline 0.6 at 65; 70..90 equal it: failures 1..5, stop at 90; the best is 0.7 at 40, before arming
    assertEquals(new Outcome(90, true, 40), drive(EarlyStoppingTest::plateauAfterArming, 5, 5, A, false));
  }

  @Test
  void aPhaseThatNeverArmsDoesNotStop() {
    IntToDoubleFunction curve = s -> 0.4;
    // the reference validates only at 60 < A
    assertEquals(new Outcome(100, false, 60), drive(curve, 60, 5, A, false));
    // this project also validates at T = 100 >= A: a baseline, no failure; on a tie the earlier step is kept
    assertEquals(new Outcome(100, false, 60), drive(curve, 60, 5, A, true));
    assertEquals(new Outcome(100, false, 100), drive(s -> s == 100 ? 0.5 : 0.4, 60, 5, A, true));
  }

  @Test
  void equalityAfterARiseIsAFailure() {
    // baseline 0.6 at 65; 0.7 at 70 beats it; 75..95 equal 0.7: failures 1..5, stop at 95; first 0.7 (70) kept
    assertEquals(new Outcome(95, true, 70), drive(EarlyStoppingTest::riseThenEqual, 5, 5, A, false));
  }

  @Test
  void withoutADelayItIsThePlainRule() {
    // Stage-1/SFT/DSS: compared with the best so far; curve 1's 0.9 at 30 is followed by 0.6 at 35..55: stop at 55
    assertEquals(new Outcome(55, true, 30), drive(EarlyStoppingTest::peakThenHigher, 5, 5, 0, false));
    // patience 3 (Stage-1): 0.5 at 5..25 — the first resets, 10, 15, 20 fail: stop at 20, the first kept
    assertEquals(new Outcome(20, true, 5), drive(EarlyStoppingTest::peakThenHigher, 5, 3, 0, false));
  }

  @Test
  void patienceZeroNeverStops() {
    assertEquals(new Outcome(100, false, 40), drive(EarlyStoppingTest::plateauAfterArming, 5, 0, 0, false));
  }

  @Test
  void countersBeforeArmingHoldOnlyTheSelection() {
    EarlyStopping rule = new EarlyStopping(5, A, EarlyStopping.Counters.START);
    assertTrue(rule.observe(30, 0.9).improved());
    assertFalse(rule.observe(60, 0.5).improved());
    assertEquals(new EarlyStopping.Counters(0.9, 30, null, 0), rule.counters());
    rule.observe(65, 0.6);
    rule.observe(70, 0.6);
    assertEquals(new EarlyStopping.Counters(0.9, 30, 0.6, 1), rule.counters());
  }

  @Test
  void aResumedRuleDecidesAsTheUninterruptedOne() {
    // curve 2 interrupted after step 80 (baseline 0.6, 3 failures), continued from its counters
    EarlyStopping first = new EarlyStopping(5, A, EarlyStopping.Counters.START);
    for (int s = 5; s <= 80; s += 5) {
      first.observe(s, plateauAfterArming(s));
    }
    assertEquals(new EarlyStopping.Counters(0.7, 40, 0.6, 3), first.counters());
    EarlyStopping resumed = new EarlyStopping(5, A, first.counters());
    assertFalse(resumed.observe(85, 0.6).stop());
    assertTrue(resumed.observe(90, 0.6).stop());
    assertEquals(40, resumed.bestStep());
  }

  @Test
  void trainerStateFilesOfBothFormsAreRead(@TempDir Path tmp) throws Exception {
    PhaseFolder folder = new PhaseFolder(tmp);
    Files.createDirectories(folder.state());
    Path f = PhaseFolder.trainerState(folder.state());
    Files.writeString(f, "{\"phase\":\"stage2\",\"step\":80,\"best\":0.7,\"best_step\":40,\"stop_baseline\":0.6,"
        + "\"stop_failures\":3,\"seed\":7}");
    assertEquals(new PhaseCheckpoints.State(80, new EarlyStopping.Counters(0.7, 40, 0.6, 3), false, 0),
        PhaseCheckpoints.readState(folder));
    Files.writeString(f, "{\"phase\":\"stage2\",\"step\":60,\"best_step\":0,\"stop_failures\":0,\"seed\":7}");
    assertEquals(new PhaseCheckpoints.State(60, EarlyStopping.Counters.START, false, 0),
        PhaseCheckpoints.readState(folder));
    // before issue 13: bad_evals, no stop_* fields
    Files.writeString(f, "{\"phase\":\"stage2\",\"step\":60,\"best\":0.7,\"best_step\":40,\"bad_evals\":0,\"seed\":7}");
    assertEquals(new PhaseCheckpoints.State(60, new EarlyStopping.Counters(0.7, 40, 0.7, 0), true, 0),
        PhaseCheckpoints.readState(folder));
  }

  @Test
  void oldStateFilesResumeExactlyOrAreRefused() {
    Phase stage2 = new Phase(PhaseKind.STAGE2, T, AlphaSchedule.constant(1f), Phase.RationaleTask.NONE, null,
        Phase.Selection.MACRO_F1, 5, 5, A);
    Phase sft = new Phase(PhaseKind.SFT, T, AlphaSchedule.constant(1f), Phase.RationaleTask.NONE, null,
        Phase.Selection.MACRO_F1, 5, 5, 0);
    Path file = Path.of("state/trainer_state.json");
    // an old file read as the plain rule's: baseline = best, failures = bad_evals
    PhaseCheckpoints.State old = new PhaseCheckpoints.State(50, new EarlyStopping.Counters(0.9, 30, 0.9, 4), true, 0);
    assertEquals(new EarlyStopping.Counters(0.9, 30, 0.9, 4), old.countersFor(sft, file));
    // Stage-2 before arming: nothing counted yet
    assertNull(old.countersFor(stage2, file).baseline());
    assertEquals(0, old.countersFor(stage2, file).failures());
    PhaseCheckpoints.State armed = new PhaseCheckpoints.State(70, new EarlyStopping.Counters(0.9, 30, 0.9, 2), true, 0);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> armed.countersFor(stage2, file));
    assertTrue(e.getMessage().startsWith(file + ": written before stage2's early stopping"), e.getMessage());
  }
}
