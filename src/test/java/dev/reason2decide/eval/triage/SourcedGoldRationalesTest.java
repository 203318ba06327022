// Each rationale source read back by the exact checks: the gold level always, 1.0 on every check, and llm-noisy's planted rate.
package dev.reason2decide.eval.triage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reason2decide.data.SeededRandom;
import dev.reason2decide.data.synth.FormPolicy;
import dev.reason2decide.data.synth.RationaleSource;
import dev.reason2decide.data.synth.RationaleWording;
import dev.reason2decide.data.synth.SourceGrammar;
import dev.reason2decide.data.synth.SourcedRationales;
import dev.reason2decide.data.synth.SourcedRationales.Planted;
import dev.reason2decide.data.synth.SynthTriage;
import dev.reason2decide.data.synth.SynthTriage.Generated;
import dev.reason2decide.data.synth.SynthTriage.Mix;
import dev.reason2decide.data.synth.TriageRules;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SourcedGoldRationalesTest {
  private static final int N = 20_000;
  /** Notes checked per clean source (the planted rate is measured on all N). */
  private static final int CHECKED = 6_000;
  /** Grammar-1 notes, quick to write and read; the sources' wording does not depend on the notes' grammar. */
  private static final List<Generated> RULES = SynthTriage.generateWithCases(N, 5, Mix.RULE_BALANCED, 1, Set.of(), 1,
      FormPolicy.ALL);
  private static final Map<RationaleSource, List<Generated>> SETS = sets();

  /**
   * The same 20,000 rule-balanced notes (the training mix; grammar 2's notes, with missing findings, are checked in
   * {@link #generatedSetsAreTheseRationales}) with each source's rationales, written as
   * {@link SynthTriage#generateWithCases} writes them (which {@link #generatedSetsAreTheseRationales} checks), so the
   * notes are drawn once.
   */
  private static Map<RationaleSource, List<Generated>> sets() {
    Map<RationaleSource, List<Generated>> m = new EnumMap<>(RationaleSource.class);
    m.put(RationaleSource.RULES, RULES);
    for (RationaleSource s : List.of(RationaleSource.NURSE, RationaleSource.LLM, RationaleSource.LLM_NOISY)) {
      SeededRandom wording = new SeededRandom(11);
      SeededRandom noise = new SeededRandom(12);
      List<Generated> out = new ArrayList<>();
      for (Generated g : RULES) {
        SourcedRationales.Written w = SourcedRationales.write(g.triageCase(), g.assessment(), s,
            RationaleSource.DEFAULT_NOISE_RATE, wording, noise);
        out.add(new Generated(g.example().withRationale(w.rationale(), s.exampleSource()), g.triageCase(),
            g.assessment(), g.forms(), w.planted()));
      }
      m.put(s, out);
    }
    return m;
  }

  @Test
  void generatedSetsAreTheseRationales() {
    for (RationaleSource s : RationaleSource.values()) {
      List<Generated> g = SynthTriage.generateWithCases(600, 6, Mix.RULE_BALANCED, 1, Set.of(), 2, FormPolicy.ALL, s,
          0.5);
      List<Generated> rules = SynthTriage.generateWithCases(600, 6, Mix.RULE_BALANCED, 1, Set.of());
      for (int i = 0; i < g.size(); i++) {
        assertEquals(rules.get(i).example().input(), g.get(i).example().input(), "the same notes");
        assertEquals(rules.get(i).example().label(), g.get(i).example().label(), "the same labels");
        assertEquals(s.exampleSource(), g.get(i).example().rationaleSource());
        ParsedRationale r = RationaleParser.parse(g.get(i).example().rationale());
        assertEquals(g.get(i).assessment().level(), r.level(), g.get(i).example().rationale());
        if (g.get(i).planted() == null) {
          assertTrue(check(g.get(i)).fullyFaithful(), g.get(i).example().rationale());
        }
      }
      if (s == RationaleSource.RULES) {
        assertEquals(rules.stream().map(Generated::example).toList(), g.stream().map(Generated::example).toList(),
            "rules: today's rationales");
      }
    }
  }

  private static TriageCheck check(Generated g) {
    return TriageCheck.of(NoteParser.parse(g.example().input()), g.example().label(), g.example().label(),
        g.example().rationale());
  }

  @Test
  void everySourceStatesTheGoldLevelAndParses() {
    for (RationaleSource s : RationaleSource.values()) {
      for (Generated g : SETS.get(s).subList(0, CHECKED)) {
        ParsedRationale r = RationaleParser.parse(g.example().rationale());
        assertNotNull(r, s + ": " + g.example().rationale());
        assertEquals(g.assessment().level(), r.level(), s + ": " + g.example().rationale());
        String expected = s == RationaleSource.LLM_NOISY ? "llm" : s.cliName();
        assertEquals(expected, r.source(), g.example().rationale());
      }
    }
  }

  @Test
  void goldRationalesOfRulesNurseAndLlmScoreOneOnEveryCheck() {
    for (RationaleSource s : List.of(RationaleSource.RULES, RationaleSource.NURSE, RationaleSource.LLM)) {
      List<TriageCheck> checks = new ArrayList<>();
      for (Generated g : SETS.get(s).subList(0, CHECKED)) {
        TriageCheck c = check(g);
        assertTrue(c.fullyFaithful(), s + ": " + c + "\n" + g.example());
        assertEquals(List.of(), AbsentFindings.of(g.example().input(), g.example().rationale()), g.toString());
        checks.add(c);
        assertNull(g.planted());
      }
      TriageFaithfulness.Rates r = TriageFaithfulness.rates(checks);
      assertEquals(0, r.unparsed(), s.cliName());
      for (Double rate : List.of(r.decisionAgreement(), r.citedFindingsInNote(), r.rationalesGrounded(),
          r.ruleCorrect(), r.fullyFaithful())) {
        assertEquals(1.0, rate, s.cliName());
      }
      assertEquals(0.0, r.citesAbsentFinding(), s.cliName());
    }
  }

  @Test
  void llmNoisyPlantsItsRateAndItsShortfallIsExactlyThePlantedOnes() {
    List<Generated> noisy = SETS.get(RationaleSource.LLM_NOISY);
    List<Generated> clean = SETS.get(RationaleSource.LLM);
    int planted = 0;
    int faithful = 0;
    Map<Planted, Integer> byKind = new EnumMap<>(Planted.class);
    for (int i = 0; i < N; i++) {
      Generated g = noisy.get(i);
      TriageCheck c = check(g);
      assertTrue(c.parsed() && c.agreesWithDecision() && !c.citesAbsentFinding(), g.example().rationale());
      if (g.planted() == null) {
        assertEquals(clean.get(i).example().rationale(), g.example().rationale(), "unplanted: the llm text");
        assertTrue(c.fullyFaithful(), g.example().rationale());
        faithful++;
        continue;
      }
      planted++;
      byKind.merge(g.planted(), 1, Integer::sum);
      assertFalse(c.fullyFaithful(), g.planted() + ": " + g.example().rationale());
      if (g.planted() == Planted.VALUE_WRONG) { // one copied value wrong, still on the rule's side
        assertTrue(!c.grounded() && c.ruleCorrect(), g.example().rationale());
        assertEquals(c.cited().size() - 1, c.citedInNote(), g.example().rationale());
      } else { // a recorded value given as a reason it is not
        assertTrue(c.grounded() && !c.ruleCorrect(), g.example().rationale());
      }
    }
    double rate = planted / (double) N;
    assertTrue(Math.abs(rate - RationaleSource.DEFAULT_NOISE_RATE) <= 0.01, "planted rate " + rate);
    assertEquals(1.0 - rate, faithful / (double) N, 1e-12, "shortfall = planted rate");
    assertTrue(byKind.getOrDefault(Planted.VALUE_WRONG, 0) > N / 40, "value errors: " + byKind);
    assertTrue(byKind.getOrDefault(Planted.NON_DECIDING_FINDING, 0) > N / 40, "finding errors: " + byKind);
  }

  @Test
  void theNoiseRateIsTheOneSet() {
    for (double rate : List.of(0.0, 0.3, 1.0)) {
      SeededRandom wording = new SeededRandom(1);
      SeededRandom noise = new SeededRandom(2);
      long planted = RULES.stream().filter(g -> SourcedRationales.write(g.triageCase(), g.assessment(),
          RationaleSource.LLM_NOISY, rate, wording, noise).planted() != null).count();
      assertEquals(rate, planted / (double) N, rate == 1.0 ? 0.002 : 0.01, "rate " + rate);
    }
  }

  @Test
  void nurseIsTerseNamesTheFirstDecidingFindingAndNeverCountsResources() {
    boolean dropped = false;
    double nurseWords = 0;
    double llmWords = 0;
    for (int i = 0; i < CHECKED; i++) {
      Generated g = SETS.get(RationaleSource.NURSE).get(i);
      ParsedRationale r = RationaleParser.parse(g.example().rationale());
      TriageRules.Assessment a = g.assessment();
      if (a.level() <= 2) {
        assertEquals(a.findings().get(0).kind(), r.reasons().get(0).kind(), g.example().rationale());
        assertTrue(a.findings().stream().map(TriageRules.Finding::kind).toList()
            .containsAll(r.reasons().stream().map(ParsedRationale.Reason::kind).toList()));
        dropped |= r.reasons().size() < a.findings().size();
      } else {
        assertNull(r.resourceCount(), g.example().rationale());
        assertEquals(a.resources(), r.resources());
      }
      nurseWords += g.example().rationale().split(" ").length;
      llmWords += SETS.get(RationaleSource.LLM).get(i).example().rationale().split(" ").length;
    }
    assertTrue(dropped, "a nurse sometimes leaves out a deciding finding");
    assertTrue(nurseWords * 2 < llmWords, "nurse " + nurseWords / CHECKED + " words, llm " + llmWords / CHECKED);
  }

  @Test
  void everyTemplateOfEachSourceOccurs() {
    for (RationaleWording w : SourceGrammar.ALL) {
      RationaleSource s = RationaleSource.of(w.source());
      Set<String> seen = new HashSet<>();
      SETS.get(s).subList(0, CHECKED).forEach(g -> seen.add(RationaleParser.parse(g.example().rationale())
          .template()));
      Set<String> sentences = new HashSet<>();
      seen.forEach(t -> sentences.addAll(List.of(t.substring(t.indexOf(':') + 1).split("\\+"))));
      int carriers = (int) w.stable().stream().filter(t -> t.slots().contains("findings")).count();
      int resources = w.resources().stream().mapToInt(List::size).sum();
      assertEquals(w.level1().size() + w.level2().size() + w.stable().size() - carriers + resources,
          sentences.size(), w.source() + ": " + sentences);
    }
  }

  @Test
  void heldOutSplitsKeepTheRulesRationales() {
    SynthTriage.Plan plan = new SynthTriage.Plan(300, 50, 50, 3, Mix.RULE_BALANCED,
        new SynthTriage.Notes(2, FormPolicy.ALL, RationaleSource.NURSE, 0.1));
    Map<String, List<Generated>> splits = SynthTriage.generatedSplits(plan);
    Map<String, List<Generated>> rules = SynthTriage.generatedSplits(new SynthTriage.Plan(300, 50, 50, 3,
        Mix.RULE_BALANCED));
    assertTrue(splits.get("train").stream().allMatch(g -> RationaleParser.parse(g.example().rationale()).source()
        .equals("nurse")));
    for (String split : List.of("validation", "test")) {
      for (int i = 0; i < 50; i++) {
        assertEquals(rules.get(split).get(i).example(), splits.get(split).get(i).example(), split);
      }
    }
  }
}
