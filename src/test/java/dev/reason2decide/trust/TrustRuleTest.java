// The score rule: tail probabilities by hand, the threshold for a target coverage, vetoes and labels outside the set.
package dev.reason2decide.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrustRuleTest {
  private static ModelSignals withInput(double rmd) {
    return new ModelSignals("ESI-3", true, 0.99, 0.98, null, rmd, null, null, 0.1);
  }

  @Test
  void tailProbabilityByHand() {
    // 19 values 1..19: k = floor(0.1·19) = 1 value in the tail, u = ref[17] = 18, β = 19 − 18 = 1, q = 2/20
    double[] ref = new double[19];
    for (int i = 0; i < 19; i++) {
      ref[i] = i + 1;
    }
    assertEquals(20 / 20.0, TrustRule.tail(ref, 0.5), 1e-12);      // below all: (19 + 1)/20
    assertEquals(11 / 20.0, TrustRule.tail(ref, 10), 1e-12);       // 10..19 are ≥ 10: (10 + 1)/20
    assertEquals(3 / 20.0, TrustRule.tail(ref, 18), 1e-12);        // 18, 19: (2 + 1)/20
    assertEquals(2 / 20.0 * Math.exp(-1), TrustRule.tail(ref, 19), 1e-12);
    assertEquals(2 / 20.0 * Math.exp(-12), TrustRule.tail(ref, 30), 1e-12);
  }

  @Test
  void theThresholdDecidesTheTargetShareOfValidation() {
    List<ModelSignals> val = new ArrayList<>();
    List<List<String>> vetoes = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      val.add(withInput(i));
      vetoes.add(List.of());
    }
    TrustRule rule = TrustRule.fit(val, vetoes, List.of(TrustFeature.INPUT_RMD), 0.98);
    long decided = val.stream().filter(s -> rule.verdict(s, List.of()).decide()).count();
    assertEquals(98, decided);
    assertFalse(rule.verdict(withInput(98), List.of()).decide());
    assertTrue(rule.verdict(withInput(97), List.of()).decide());
    TrustVerdict far = rule.verdict(withInput(1e6), List.of());
    assertFalse(far.decide());
    assertEquals(0, far.score(), 1e-300);
    assertTrue(far.reasons().get(0).startsWith("The note is unlike the notes the model learned from [input_rmd"),
        far.reasons().toString());
  }

  @Test
  void theThresholdIsChosenAmongTheNotesNoVetoRefuses() {
    // 100 validation notes, input 0..99; every tenth (0, 10, .., 90) carries a veto, more than the 2 % the target
    // leaves out. Chosen over all 100, the threshold would fall to the vetoed notes' scores (×0.1) and decide every
    // open note; chosen among the 90 open notes it decides ceil(0.98·90) = 89 of them and refuses the most unusual.
    List<ModelSignals> val = new ArrayList<>();
    List<List<String>> vetoes = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      val.add(withInput(i));
      vetoes.add(i % 10 == 0 ? List.of("the rationale states ESI-2, not the decision ESI-3") : List.of());
    }
    TrustRule rule = TrustRule.fit(val, vetoes, List.of(TrustFeature.INPUT_RMD), 0.98);
    int decided = 0;
    for (int i = 0; i < 100; i++) {
      decided += rule.verdict(val.get(i), vetoes.get(i)).decide() ? 1 : 0;
    }
    assertEquals(89, decided);
    assertFalse(rule.verdict(withInput(99), List.of()).decide());
    assertTrue(rule.verdict(withInput(98), List.of()).decide());
    // 98's tail: the top tenth (90..99) is the fitted tail, u = 89, β = 5.5, q = 11/101
    assertEquals(11 / 101.0 * Math.exp(-9 / 5.5), rule.threshold(), 1e-12);

    List<List<String>> allVetoed = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      allVetoed.add(List.of("the rationale cites SpO2 99%, which the note does not have"));
    }
    assertEquals(1.0, TrustRule.fit(val, allVetoed, List.of(TrustFeature.INPUT_RMD), 0.98).threshold());
  }

  @Test
  void aDistanceIsComparedWithTheTrainingNotesOfTheDecidedLabel() {
    // pooled validation values 1..19 (tail as in tailProbabilityByHand); ESI-1's training notes lie farther out
    double[] pooled = new double[19];
    for (int i = 0; i < 19; i++) {
      pooled[i] = i + 1;
    }
    double[] esi1 = {20, 22, 24, 26, 28, 30, 32, 34, 36, 38};           // k = 1, u = 36, β = 2, q = 2/11
    TrustRule rule = new TrustRule(Map.of(TrustFeature.INPUT_MD, pooled),
        Map.of(TrustFeature.INPUT_MD, Map.of("ESI-1", esi1)), 0.01, 0.98);
    ModelSignals esi1Note = new ModelSignals("ESI-1", true, 0.99, 0.98, 30.0, null, null, null, 0.1, null, "ESI-1");
    ModelSignals esi3Note = new ModelSignals("ESI-3", true, 0.99, 0.98, 30.0, null, null, null, 0.1, null, "ESI-3");
    TrustVerdict one = rule.verdict(esi1Note, List.of());
    TrustVerdict three = rule.verdict(esi3Note, List.of());
    assertEquals(6 / 11.0, one.score(), 1e-12);                       // 30..38 are ≥ 30: (5 + 1)/11
    assertTrue(one.decide());
    assertEquals(2 / 20.0 * Math.exp(-12), three.score(), 1e-15);    // no ESI-3 values: the pooled tail, as before
    assertFalse(three.decide());
    assertTrue(three.reasons().get(0).endsWith("among validation notes]"), three.reasons().toString());
    TrustVerdict far = rule.verdict(new ModelSignals("ESI-1", true, 0.99, 0.98, 44.0, null, null, null, 0.1, null,
        "ESI-1"), List.of());
    assertEquals(2 / 11.0 * Math.exp(-4), far.score(), 1e-12);
    assertTrue(far.reasons().get(0).endsWith("among training notes of ESI-1]"), far.reasons().toString());
  }

  @Test
  void aRiskBoundOnValidationRaisesTheThresholdForAModelOftenWrong() {
    // 100 validation notes, input 0..99; the model is wrong on every fourth of the 50 most unusual (50, 54, .., 98:
    // 13 wrong). 98 % coverage alone decides 98 notes with 12 wrong (0.122); at most 5 % wrong: the lowest threshold
    // whose decided notes are at most 5 % wrong decides inputs 0..61 (62 notes, 3 wrong: 50, 54, 58; with 62 it
    // would be 4 of 63, and no larger set gets back under 5 %).
    Validation v = Validation.of(100, i -> i >= 50 && (i - 50) % 4 == 0);
    List<ModelSignals> val = v.notes();
    List<List<String>> vetoes = v.vetoes();
    List<Boolean> correct = v.correct();
    TrustRule coverageOnly = TrustRule.fit(val, vetoes, correct, List.of(TrustFeature.INPUT_RMD), Map.of(), 0.98,
        RiskBound.NONE);
    TrustRule bounded = TrustRule.fit(val, vetoes, correct, List.of(TrustFeature.INPUT_RMD), Map.of(), 0.98,
        new RiskBound(0.05, 0));
    assertEquals(TrustRule.fit(val, vetoes, List.of(TrustFeature.INPUT_RMD), 0.98).threshold(),
        coverageOnly.threshold());
    int decided = 0;
    int wrong = 0;
    for (int i = 0; i < 100; i++) {
      if (bounded.verdict(val.get(i), List.of()).decide()) {
        decided++;
        wrong += correct.get(i) ? 0 : 1;
      }
    }
    assertEquals(62, decided);
    assertEquals(3, wrong);
    assertTrue(bounded.verdict(withInput(61), List.of()).decide());
    assertFalse(bounded.verdict(withInput(62), List.of()).decide());
    // a model wrong on its most typical note too: nothing at or under 5 % but the empty set, so nothing is decided
    List<Boolean> allWrong = new ArrayList<>(java.util.Collections.nCopies(100, false));
    TrustRule none = TrustRule.fit(val, vetoes, allWrong, List.of(TrustFeature.INPUT_RMD), Map.of(), 0.98,
        new RiskBound(0.05, 0));
    assertFalse(none.verdict(withInput(0), List.of()).decide());
  }

  @Test
  void aConfidentRiskBoundDecidesOnlyWhatValidationShows() {
    // 200 validation notes, input 0..199 (lower: more typical, decided first); wrong: 30, 100, 140 and every tenth
    // after it. The smallest number of decided notes whose 95 % Clopper-Pearson bound is at most 5 % (scipy's
    // binom.cdf): 59 with none wrong, 93 with one, 124 with two, 153 with three, 181 with four. So: 93..100 decided
    // pass (1 wrong), 124..140 pass (2 wrong), then the tenth-note errors never let the bound pass again: the
    // lowest threshold decides inputs 0..139. The share on validation alone stays at or under 5 % to the end (8 of
    // 200), so that bound leaves the 98 % coverage target in charge: 196 decided.
    Validation v = Validation.of(200, i -> i == 30 || i == 100 || (i >= 140 && i % 10 == 0));
    List<ModelSignals> val = v.notes();
    List<List<String>> vetoes = v.vetoes();
    List<Boolean> correct = v.correct();
    List<TrustFeature> f = List.of(TrustFeature.INPUT_RMD);
    TrustRule confident = TrustRule.fit(val, vetoes, correct, f, Map.of(), 0.98, new RiskBound(0.05, 0.95));
    TrustRule onValidation = TrustRule.fit(val, vetoes, correct, f, Map.of(), 0.98, new RiskBound(0.05, 0));
    assertEquals(140, decided(confident, val));
    assertTrue(confident.verdict(withInput(139), List.of()).decide());
    assertFalse(confident.verdict(withInput(140), List.of()).decide());
    assertEquals(196, decided(onValidation, val));
    // 40 notes all right are too few to show 5 % with 95 % confidence (59 needed): nothing is decided, not even a
    // note more typical than any of them
    TrustRule few = TrustRule.fit(val.subList(0, 40), vetoes.subList(0, 40), correct.subList(0, 40), f, Map.of(),
        0.98, new RiskBound(0.05, 0.95));
    assertEquals(TrustRule.NOTHING, few.threshold());
    assertFalse(few.verdict(withInput(0), List.of()).decide());
  }

  /** Validation notes with input 0..n−1 (lower: more typical), no veto, wrong where {@code wrong} says. */
  private record Validation(List<ModelSignals> notes, List<List<String>> vetoes, List<Boolean> correct) {
    static Validation of(int n, java.util.function.IntPredicate wrong) {
      Validation v = new Validation(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
      for (int i = 0; i < n; i++) {
        v.notes().add(withInput(i));
        v.vetoes().add(List.of());
        v.correct().add(!wrong.test(i));
      }
      return v;
    }
  }

  private static int decided(TrustRule rule, List<ModelSignals> notes) {
    return (int) notes.stream().filter(n -> rule.verdict(n, List.of()).decide()).count();
  }

  @Test
  void oneOddTokenRefusesANoteWhosePooledDistanceIsTypical() {
    // token_md references 1..19 as in tailProbabilityByHand; input_rmd references 0, 1, 2
    double[] ref = new double[19];
    for (int i = 0; i < 19; i++) {
      ref[i] = i + 1;
    }
    TrustRule rule = new TrustRule(Map.of(TrustFeature.TOKEN_MD, ref,
        TrustFeature.INPUT_RMD, new double[] {0, 1, 2}), 0.05, 0.98);
    ModelSignals typical = new ModelSignals("ESI-3", true, 0.99, 0.98, null, 1.0, null, null, 0.1, 10.0);
    ModelSignals oddToken = new ModelSignals("ESI-3", true, 0.99, 0.98, null, 1.0, null, null, 0.1, 30.0);
    // typical: min(tail 11/20, input_rmd (2 + 1)/4 = 0.75) = 0.55
    assertEquals(0.55, rule.verdict(typical, List.of()).score(), 1e-12);
    assertTrue(rule.verdict(typical, List.of()).decide());
    TrustVerdict v = rule.verdict(oddToken, List.of());
    assertEquals(0.1 * Math.exp(-12), v.score(), 1e-15);
    assertFalse(v.decide());
    assertTrue(v.reasons().get(0).startsWith(
        "Part of the note is worded unlike the notes the model learned from [token_md 30"),
        v.reasons().toString());
    assertEquals(30.0, oddToken.toMap().get("token_md"));
    assertEquals(null, withInput(0).toMap().get("token_md"));
  }

  @Test
  void aLabelOutsideTheLabelSetIsNeverDecided() {
    ModelSignals sig = new ModelSignals("Immediate intervention is needed for unrespons", false, 1, 1, null, 0.0, null,
        null, 0);
    TrustRule lenient = new TrustRule(Map.of(TrustFeature.INPUT_RMD, new double[] {0, 1, 2}), 0, 0.98);
    TrustVerdict v = lenient.verdict(sig, List.of());
    assertFalse(v.decide());
    assertTrue(v.reasons().get(0).contains("not one of the model's labels"), v.reasons().toString());
    assertFalse(TrustRule.FALLBACK.verdict(sig, List.of()).decide());
  }

  @Test
  void aVetoRefusesAndLowersTheScore() {
    TrustRule rule = new TrustRule(Map.of(TrustFeature.INPUT_RMD, new double[] {0, 1, 2}), 0.1, 0.98);
    TrustVerdict clean = rule.verdict(withInput(0), List.of());
    TrustVerdict vetoed = rule.verdict(withInput(0), List.of("the rationale states ESI-2, not the decision ESI-3"));
    assertTrue(clean.decide());
    assertEquals(1.0, clean.score(), 1e-12);                           // all 3 values are ≥ 0: (3 + 1)/4
    assertFalse(vetoed.decide());
    assertEquals(TrustRule.VETO_FACTOR, vetoed.score(), 1e-12);
    assertEquals(List.of("the rationale states ESI-2, not the decision ESI-3"), vetoed.reasons());
  }

  @Test
  void withoutStatisticsTheLabelProbabilityDecides() {
    assertTrue(TrustRule.FALLBACK.verdict(new ModelSignals("a", true, 0.95, 0.9, null, null, null, null, 0), List.of())
        .decide());
    TrustVerdict low = TrustRule.FALLBACK.verdict(new ModelSignals("a", true, 0.6, 0.2, null, null, null, null, 0),
        List.of());
    assertFalse(low.decide());
    assertEquals(0.6, low.score(), 1e-12);
    assertTrue(low.reasons().get(0).contains("no trust statistics"), low.reasons().toString());
  }
}
