// The exact checks read every generated rationale and note lower-cased and upper-cased as they read the original.
package dev.reason2decide.eval.triage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reason2decide.data.synth.Complaint;
import dev.reason2decide.data.synth.FormPolicy;
import dev.reason2decide.data.synth.RationaleSource;
import dev.reason2decide.data.synth.RationaleWording;
import dev.reason2decide.data.synth.SlotTemplate;
import dev.reason2decide.data.synth.SourceGrammar;
import dev.reason2decide.data.synth.SynthTriage;
import dev.reason2decide.data.synth.SynthTriage.Generated;
import dev.reason2decide.data.synth.SynthTriage.Mix;
import dev.reason2decide.data.synth.TriageGrammar;
import dev.reason2decide.data.synth.TriageRules;
import dev.reason2decide.data.synth.TriageRules.Kind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class CaseFoldedChecksTest {
  private static final int N = 500;
  private static final Map<String, UnaryOperator<String>> FOLDS = Map.of(
      "lower", s -> s.toLowerCase(Locale.ROOT), "upper", s -> s.toUpperCase(Locale.ROOT));
  /** Generator output: both grammars, both mixes, every rationale source (llm-noisy with its planted errors). */
  private static final Map<String, List<Generated>> SETS = sets();

  private static Map<String, List<Generated>> sets() {
    Map<String, List<Generated>> m = new LinkedHashMap<>();
    m.put("natural", SynthTriage.generateWithCases(N, 31));
    m.put("rule-balanced", SynthTriage.generateWithCases(N, 32, Mix.RULE_BALANCED, 1, Set.of()));
    m.put("grammar 1", SynthTriage.generateWithCases(N, 33, Mix.RULE_BALANCED, 1, Set.of(), 1, FormPolicy.ALL));
    for (RationaleSource s : RationaleSource.values()) {
      m.put(s.cliName(), SynthTriage.generateWithCases(N, 34, Mix.RULE_BALANCED, 1, Set.of(), 2, FormPolicy.ALL, s,
          0.3));
    }
    return m;
  }

  private static TriageCheck check(String note, String label, String rationale) {
    return TriageCheck.of(NoteParser.parse(note), label, label, rationale);
  }

  @Test
  void everyGeneratedRationaleAndNoteFoldedReadsAsTheOriginal() {
    for (Map.Entry<String, List<Generated>> set : SETS.entrySet()) {
      for (Generated g : set.getValue()) {
        String note = g.example().input();
        String rationale = g.example().rationale();
        ParsedRationale r = RationaleParser.parse(rationale);
        ParsedNote n = NoteParser.parse(note);
        assertNotNull(r, rationale);
        assertNotNull(n, note);
        TriageCheck c = check(note, g.example().label(), rationale);
        for (Map.Entry<String, UnaryOperator<String>> fold : FOLDS.entrySet()) {
          String where = set.getKey() + ", " + fold.getKey() + ": ";
          String foldedRationale = fold.getValue().apply(rationale);
          String foldedNote = fold.getValue().apply(note);
          assertEquals(r, RationaleParser.parse(foldedRationale), where + rationale);
          ParsedNote fn = NoteParser.parse(foldedNote);
          assertNotNull(fn, where + note);
          assertEquals(n.facts(), fn.facts(), where + note);
          assertEquals(n.grammar(), fn.grammar(), where + note);
          // the label folded too, as a case-folding model writes it
          TriageCheck folded = TriageCheck.of(fn, fold.getValue().apply(g.example().label()), g.example().label(),
              foldedRationale);
          assertEquals(c, folded, where + rationale);
          assertEquals(AbsentFindings.of(note, rationale), AbsentFindings.of(foldedNote, foldedRationale),
              where + rationale);
          assertEquals(g.planted() == null, folded.fullyFaithful(), where + g.planted() + ": " + rationale);
        }
      }
    }
  }

  @Test
  void aFoldedRationaleStatingAWrongValueIsStillFlagged() {
    Pattern number = Pattern.compile("(?<![0-9/.])\\d{2,3}(?![0-9/])");
    int flagged = 0;
    for (List<Generated> set : SETS.values()) {
      for (Generated g : set) {
        String rationale = g.example().rationale();
        ParsedRationale r = RationaleParser.parse(rationale);
        CitedFinding first = r.cited().stream().filter(f -> f.value().matches("\\d+")).findFirst().orElse(null);
        if (g.planted() != null || first == null) {
          continue;
        }
        // the cited value written once in the text (not also a threshold): that one changed by 1
        Matcher m = number.matcher(rationale);
        List<Integer> at = new ArrayList<>();
        while (m.find()) {
          if (m.group().equals(first.value())) {
            at.add(m.start());
          }
        }
        if (at.size() != 1) {
          continue;
        }
        String wrongValue = String.valueOf(Integer.parseInt(first.value()) + 1);
        String wrong = rationale.substring(0, at.get(0)) + wrongValue
            + rationale.substring(at.get(0) + first.value().length());
        TriageCheck cased = check(g.example().input(), g.example().label(), wrong);
        assertFalse(cased.grounded(), wrong);
        for (UnaryOperator<String> fold : FOLDS.values()) {
          TriageCheck folded = check(g.example().input(), g.example().label(), fold.apply(wrong));
          assertTrue(folded.parsed() && !folded.grounded() && !folded.fullyFaithful(), fold.apply(wrong));
          assertEquals(folded.cited().size() - 1, folded.citedInNote(), fold.apply(wrong));
          assertTrue(folded.cited().stream().anyMatch(x -> !x.inNote() && x.finding().value().equals(wrongValue)),
              fold.apply(wrong));
          assertEquals(cased, folded, fold.apply(wrong));
        }
        flagged++;
      }
    }
    assertTrue(flagged > 1000, "wrong values tried: " + flagged);
  }

  @Test
  void handWrittenRationalesInAnyCase() {
    ParsedRationale mixed = RationaleParser.parse("esi-2 (High Risk) for Heart Rate 135 (ABOVE 100).");
    assertEquals(2, mixed.level());
    assertEquals(List.of(new ParsedRationale.Reason(Kind.TACHYCARDIA, 135, null, null)), mixed.reasons());
    assertTrue(RuleCheck.correct(mixed));

    ParsedRationale resources = RationaleParser.parse("NO DANGER SIGNS: HR 80 AND SATS 97%. ANKLE INJURY NEEDS ONE "
        + "RESOURCE (ANKLE X-RAY), SO ESI-4.");
    assertEquals(4, resources.level());
    assertEquals(List.of("ankle X-ray"), resources.resources(), "the grammar's spelling");
    assertEquals("ankle injury", resources.complaint());
    assertTrue(RuleCheck.correct(resources));

    ParsedRationale risk = RationaleParser.parse("chest pressure, a high-risk complaint (A POSSIBLE ACUTE CORONARY "
        + "SYNDROME) makes this a high-risk presentation that should be seen within minutes: esi-2.");
    assertEquals("a possible acute coronary syndrome", risk.reasons().get(0).riskReason());
    assertTrue(RuleCheck.correct(risk));
    ParsedRationale wrongReason = RationaleParser.parse("chest pressure, a high-risk complaint (a possible stroke) "
        + "makes this a high-risk presentation that should be seen within minutes: esi-2.");
    assertFalse(RuleCheck.correct(wrongReason), "a wrong risk reason is wrong in any case");

    assertNull(RationaleParser.parse("esi-2 because the patient looks unwell."), "outside the grammar in any case");
    assertNull(RationaleParser.parse("esi-2: hr 135 is above 100."), "outside the grammar in any case");
    assertEquals(1, RationaleParser.parse("Hr 30 (Brady). Esi-1.").level(), "the nurse's wording, mixed case");
  }

  @Test
  void labelsInAnyCase() {
    assertEquals(3, TriageCheck.level("ESI-3"));
    assertEquals(3, TriageCheck.level("esi-3"));
    assertEquals(3, TriageCheck.level(" Esi-3 "));
    assertEquals(0, TriageCheck.level("esi-6"));
    assertEquals(0, TriageCheck.level("esi 3"));
  }

  @Test
  void aGrammarOneNoteInAnyCaseIsGrammarOne() {
    for (Generated g : SETS.get("grammar 1").subList(0, 50)) {
      for (UnaryOperator<String> fold : FOLDS.values()) {
        assertEquals(1, NoteParser.parse(fold.apply(g.example().input())).grammar(), g.example().input());
      }
      String changed = g.example().input() + " Seen today.";
      assertEquals(2, NoteParser.parse(changed.toLowerCase(Locale.ROOT)).grammar(), "not a template: " + changed);
    }
  }

  /**
   * What the any-case reading relies on: no two wordings the parser tries differ only in letter case, so ignoring
   * case cannot turn one into the other.
   */
  @Test
  void noTwoWordingsDifferOnlyInCase() {
    List<String> findings = new ArrayList<>();
    for (Kind k : Kind.values()) {
      TriageGrammar.FINDINGS.get(k).forEach(t -> findings.add(t.text()));
      SourceGrammar.ALL.forEach(w -> w.findings().get(k).forEach(t -> findings.add(t.text())));
    }
    assertNoCaseTwins("finding wordings", findings);
    assertNoCaseTwins("finding sentences", RationaleReaders.findingSentences().stream()
        .map(c -> c.template().text()).toList());
    assertNoCaseTwins("resource sentences", RationaleReaders.resourceSentences().stream()
        .map(c -> c.template().text()).toList());
    List<String> vitals = new ArrayList<>();
    TriageGrammar.VITAL_CITATIONS.values().forEach(ts -> ts.forEach(t -> vitals.add(t.text())));
    for (RationaleWording w : SourceGrammar.ALL) {
      w.vitalCitations().values().forEach(ts -> ts.stream().map(SlotTemplate::text)
          .filter(t -> !vitals.contains(t)).forEach(vitals::add));
    }
    assertNoCaseTwins("vital citations", vitals);
    assertNoCaseTwins("resources", TriageGrammar.resourceNames());
    assertNoCaseTwins("complaints", TriageGrammar.complaints().stream().map(Complaint::name).toList());
    assertNoCaseTwins("risk reasons", Complaint.HIGH_RISK.stream().map(Complaint::riskReason).toList());
    assertNoCaseTwins("labels", TriageRules.LABELS);
  }

  private static void assertNoCaseTwins(String what, List<String> texts) {
    Map<String, String> seen = new HashMap<>();
    for (String t : texts) {
      String twin = seen.put(t.toLowerCase(Locale.ROOT), t);
      assertNull(twin, what + ": '" + twin + "' and '" + t + "'");
    }
  }

  /**
   * The parse cost of the fallback, printed (no timed assertion): 2,000 gold rationales of every set above (4 of
   * every 7), as written and lower-cased.
   */
  @Test
  void parseCostCasedAgainstLowerCased() {
    List<String> all = new ArrayList<>();
    SETS.values().forEach(s -> s.forEach(g -> all.add(g.example().rationale())));
    List<String> gold = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      if (i % 7 < 4) {
        gold.add(all.get(i));
      }
    }
    List<String> lower = gold.stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
    for (int round = 0; round < 3; round++) { // the last round is printed, after the JIT has warmed up
      long t0 = System.nanoTime();
      long parsed = gold.stream().filter(s -> RationaleParser.parse(s) != null).count();
      long t1 = System.nanoTime();
      long parsedLower = lower.stream().filter(s -> RationaleParser.parse(s) != null).count();
      long t2 = System.nanoTime();
      assertEquals(gold.size(), parsed);
      assertEquals(gold.size(), parsedLower);
      if (round == 2) {
        System.out.printf(Locale.ROOT, "parse cost, %d gold rationales: cased %.1f ms (%.1f us each), lower-cased "
            + "%.1f ms (%.1f us each), %.2fx%n", gold.size(), (t1 - t0) / 1e6, (t1 - t0) / 1e3 / gold.size(),
            (t2 - t1) / 1e6, (t2 - t1) / 1e3 / gold.size(), (t2 - t1) / (double) (t1 - t0));
      }
    }
  }
}
