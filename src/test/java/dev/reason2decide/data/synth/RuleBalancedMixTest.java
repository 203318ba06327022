// The rule-balanced training mix: every deciding finding with every complaint, at both sides of every threshold;
// separately generated splits whose held-out notes are natural, from other seeds, and never a training note.
package dev.reason2decide.data.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reason2decide.data.Example;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class RuleBalancedMixTest {
  private static final List<SynthTriage.Generated> BALANCED =
      SynthTriage.generateWithCases(20000, 5, SynthTriage.Mix.RULE_BALANCED, 1, Set.of());
  private static final List<SynthTriage.Generated> NATURAL = SynthTriage.generateWithCases(20000, 5);

  /** The conditions the rules test, written out here from the rules' text (not from TriageRules' code). */
  private static final Map<String, Predicate<TriageCase>> CONDITIONS = Map.ofEntries(
      Map.entry("HR < 40", c -> c.heartRate() < 40),
      Map.entry("HR > 100", c -> c.heartRate() > 100),
      Map.entry("SBP < 80", c -> c.systolic() < 80),
      Map.entry("80 <= SBP < 90", c -> c.systolic() >= 80 && c.systolic() < 90),
      Map.entry("SpO2 < 85", c -> c.spo2() < 85),
      Map.entry("85 <= SpO2 < 92", c -> c.spo2() >= 85 && c.spo2() < 92),
      Map.entry("RR > 20", c -> c.respiratoryRate() > 20),
      Map.entry("pain >= 8", c -> c.pain() >= 8),
      Map.entry("confused", c -> c.mental() == MentalStatus.CONFUSED),
      Map.entry("unresponsive", c -> c.mental() == MentalStatus.UNRESPONSIVE));

  private static long count(List<SynthTriage.Generated> g, Predicate<TriageCase> p) {
    return g.stream().map(SynthTriage.Generated::triageCase).filter(p).count();
  }

  @Test
  void everyDecidingFindingOccursWithEveryComplaint() {
    for (Complaint complaint : TriageGrammar.complaints()) {
      for (Map.Entry<String, Predicate<TriageCase>> e : CONDITIONS.entrySet()) {
        long n = count(BALANCED, c -> c.complaint() == complaint && e.getValue().test(c));
        assertTrue(n >= 10, complaint.name() + " with " + e.getKey() + ": " + n);
      }
      // and with nothing else: the complaint alone decides (ESI-2 for a high-risk one, the resources otherwise)
      long alone = count(BALANCED, c -> c.complaint() == complaint && TriageRules.assess(c).findings().size()
          == (complaint.highRisk() ? 1 : 0));
      assertTrue(alone >= 50, complaint.name() + " with no other deciding finding: " + alone);
    }
  }

  @Test
  void theAnticoagulantDecidesEveryInjuryItCanChangeOften() {
    List<Complaint> sensitive = TriageGrammar.complaints().stream()
        .filter(c -> !c.anticoagulatedResources().isEmpty()).toList();
    assertFalse(sensitive.isEmpty());
    for (Complaint complaint : sensitive) {
      // only the complaint and the anticoagulant decide: no level-1 or level-2 finding
      for (boolean anticoagulated : new boolean[] {true, false}) {
        long n = count(BALANCED, c -> c.complaint() == complaint && c.anticoagulated() == anticoagulated
            && TriageRules.assess(c).level() >= 3);
        assertTrue(n >= 250, complaint.name() + (anticoagulated ? " on" : " off") + " an anticoagulant, deciding: "
            + n);
      }
    }
    long interaction = count(BALANCED, c -> sensitive.contains(c.complaint()) && c.anticoagulated());
    assertTrue(interaction > 0.05 * BALANCED.size(), "injury on an anticoagulant: " + interaction);
  }

  @Test
  void aCriticalFindingMeetsEveryHighRiskComplaint() {
    // ESI-1 beats the complaint's ESI-2: the model must see a critical value with each high-risk complaint
    for (Complaint complaint : Complaint.HIGH_RISK) {
      long n = count(BALANCED, c -> c.complaint() == complaint && (c.heartRate() < 40 || c.systolic() < 80
          || c.spo2() < 85));
      assertTrue(n >= 60, complaint.name() + " with a critical vital sign: " + n);
    }
  }

  @Test
  void theComplaintAloneNoLongerPredictsTheLevel() {
    // the best guess of the level from the complaint and the anticoagulant alone (the shortcut)
    double natural = complaintOnlyAccuracy(NATURAL);
    double balanced = complaintOnlyAccuracy(BALANCED);
    assertTrue(natural > 0.75 && balanced < 0.6, "natural " + natural + ", balanced " + balanced);
  }

  private static double complaintOnlyAccuracy(List<SynthTriage.Generated> g) {
    Map<String, Map<String, Integer>> byKey = new java.util.HashMap<>();
    for (SynthTriage.Generated x : g) {
      String key = x.triageCase().complaint().name() + "|" + x.triageCase().anticoagulated();
      byKey.computeIfAbsent(key, k -> new java.util.HashMap<>()).merge(x.example().label(), 1, Integer::sum);
    }
    long right = byKey.values().stream().mapToLong(m -> m.values().stream().mapToInt(Integer::intValue).max()
        .orElse(0)).sum();
    return (double) right / g.size();
  }

  @Test
  void valuesSitOnBothSidesOfEveryThreshold() {
    int[][] heart = {{39, 40}, {100, 101}};
    for (int[] t : heart) {
      assertTrue(count(BALANCED, c -> c.heartRate() == t[0]) >= 20 && count(BALANCED, c -> c.heartRate() == t[1]) >= 20,
          "HR " + t[0] + "/" + t[1]);
    }
    for (int[] t : new int[][] {{79, 80}, {89, 90}}) {
      assertTrue(count(BALANCED, c -> c.systolic() == t[0]) >= 20 && count(BALANCED, c -> c.systolic() == t[1]) >= 20,
          "SBP " + t[0] + "/" + t[1]);
    }
    for (int[] t : new int[][] {{84, 85}, {91, 92}}) {
      assertTrue(count(BALANCED, c -> c.spo2() == t[0]) >= 20 && count(BALANCED, c -> c.spo2() == t[1]) >= 20,
          "SpO2 " + t[0] + "/" + t[1]);
    }
    assertTrue(count(BALANCED, c -> c.respiratoryRate() == 20) >= 20
        && count(BALANCED, c -> c.respiratoryRate() == 21) >= 20, "RR 20/21");
    assertTrue(count(BALANCED, c -> c.pain() == 7) >= 20 && count(BALANCED, c -> c.pain() == 8) >= 20, "pain 7/8");
    // and beyond the natural mix's ranges
    assertTrue(count(BALANCED, c -> c.heartRate() > 160) > 0 && count(BALANCED, c -> c.systolic() > 170) > 0
        && count(BALANCED, c -> c.spo2() < 70) > 0 && count(BALANCED, c -> c.respiratoryRate() > 35) > 0);
  }

  @Test
  void everyLevelIsWellRepresentedAndLabelledByTheRules() {
    long lowAcuity = BALANCED.stream().filter(g -> g.assessment().level() >= 3).count();
    assertTrue(lowAcuity > 0.3 * BALANCED.size() && lowAcuity < 0.5 * BALANCED.size(), "ESI-3..5: " + lowAcuity);
    for (int level = 1; level <= 5; level++) {
      int l = level;
      assertTrue(BALANCED.stream().filter(g -> g.assessment().level() == l).count() > 0.05 * BALANCED.size());
    }
    for (SynthTriage.Generated g : BALANCED.subList(0, 2000)) {
      assertEquals(TriageRules.assess(g.triageCase()).label(), g.example().label());
    }
  }

  @Test
  void planSplitsAreSeparateAndHeldOutNotesAreNatural() {
    Map<String, List<Example>> s = SynthTriage.splits(new SynthTriage.Plan(3000, 100, 300, 9,
        SynthTriage.Mix.RULE_BALANCED));
    assertEquals(List.of(3000, 100, 300), s.values().stream().map(List::size).toList());
    Set<String> ids = new HashSet<>();
    s.values().forEach(l -> l.forEach(e -> assertTrue(ids.add(e.id()), "id twice: " + e.id())));
    Set<String> trainNotes = new HashSet<>();
    s.get("train").forEach(e -> trainNotes.add(e.input()));
    for (String split : List.of("validation", "test")) {
      s.get(split).forEach(e -> assertFalse(trainNotes.contains(e.input()), "a " + split + " note is a training one"));
    }
    // held-out notes are the natural mix of seeds 10 and 11 (the same notes, other ids)
    assertEquals(SynthTriage.generate(300, 11).stream().map(Example::input).toList(),
        s.get("test").stream().map(Example::input).toList());
    assertEquals(SynthTriage.generate(100, 10).stream().map(Example::input).toList(),
        s.get("validation").stream().map(Example::input).toList());
    assertEquals(SynthTriage.generateWithCases(3000, 9, SynthTriage.Mix.RULE_BALANCED, 1, Set.of()).stream()
        .map(g -> g.example().input()).toList(), s.get("train").stream().map(Example::input).toList());
    assertEquals(s, SynthTriage.splits(new SynthTriage.Plan(3000, 100, 300, 9, SynthTriage.Mix.RULE_BALANCED)));
  }

  @Test
  void aHeldOutNoteEqualToATrainingNoteIsDrawnAgain() {
    List<SynthTriage.Generated> natural = SynthTriage.generateWithCases(50, 3);
    String first = natural.get(0).example().input();
    List<SynthTriage.Generated> skipped = SynthTriage.generateWithCases(50, 3, SynthTriage.Mix.NATURAL, 1,
        Set.of(first));
    assertEquals(50, skipped.size());
    assertFalse(skipped.stream().anyMatch(g -> g.example().input().equals(first)));
    assertEquals(natural.get(1).example().input(), skipped.get(0).example().input());
  }

  @Test
  void planNeedsEverySplitAndAMix() {
    assertThrows(IllegalArgumentException.class, () -> new SynthTriage.Plan(10, 0, 10, 1,
        SynthTriage.Mix.NATURAL));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SynthTriage.Mix.of("balanced"));
    assertTrue(e.getMessage().contains("natural, rule-balanced"), e.getMessage());
  }
}
