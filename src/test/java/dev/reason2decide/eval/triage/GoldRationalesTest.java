// The parsers read back every template the generator has: gold notes give their cases, gold rationales score 1.0.
package dev.reason2decide.eval.triage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reason2decide.data.synth.SlotTemplate;
import dev.reason2decide.words.NumberWords;
import dev.reason2decide.data.synth.SynthTriage;
import dev.reason2decide.data.synth.TriageCase;
import dev.reason2decide.data.synth.TriageGrammar;
import dev.reason2decide.data.synth.TriageRules;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GoldRationalesTest {
  /** Both mixes: the natural one and the rule-balanced one (many findings at once, collapse while alert, ...). */
  private static final List<SynthTriage.Generated> GOLD = gold();

  private static List<SynthTriage.Generated> gold() {
    List<SynthTriage.Generated> g = new java.util.ArrayList<>(SynthTriage.generateWithCases(6000, 21));
    g.addAll(SynthTriage.generateWithCases(6000, 22, SynthTriage.Mix.RULE_BALANCED, 6001, Set.of()));
    return List.copyOf(g);
  }

  @Test
  void everyGoldNoteParsesBackIntoItsCase() {
    Map<Integer, Integer> grammars = new java.util.TreeMap<>();
    for (SynthTriage.Generated g : GOLD) {
      ParsedNote note = NoteParser.parse(g.example().input());
      assertNotNull(note, g.example().input());
      TriageCase c = g.triageCase();
      TriageCase expected = new TriageCase(c.age(), c.female(), c.complaint(), c.complaintText(), c.onset(),
          c.heartRate(), c.systolic(), c.diastolic(), c.respiratoryRate(), c.spo2(), c.temperature(), c.mental(),
          c.pain(), c.history(), c.anticoagulated(), false, c.missing());
      assertEquals(expected, note.facts(), g.example().input());
      for (Map.Entry<String, ParsedNote.Span> e : note.spans().entrySet()) {
        String written = note.text().substring(e.getValue().start(), e.getValue().end());
        if (e.getKey().equals("hr")) {
          // digits, "88.0" or words (a typo in them corrected), as the note's number style writes them
          assertEquals(c.heartRate(), Character.isDigit(written.charAt(0))
              ? Integer.parseInt(written.replaceFirst("\\.0$", ""))
              : NumberWords.value(CorrectedText.of(written).text), g.example().input());
        }
      }
      grammars.merge(note.grammar(), 1, Integer::sum);
    }
    assertEquals(Set.of(2), grammars.keySet(), "new data is grammar 2: " + grammars);
  }

  @Test
  void grammarOneFilesStillParseAsGrammarOneAndScoreOne() {
    List<SynthTriage.Generated> old = SynthTriage.generateWithCases(2000, 23, SynthTriage.Mix.NATURAL, 1, Set.of(),
        1, dev.reason2decide.data.synth.FormPolicy.ALL);
    for (SynthTriage.Generated g : old) {
      ParsedNote note = NoteParser.parse(g.example().input());
      assertNotNull(note, g.example().input());
      assertEquals(1, note.grammar(), g.example().input());
      TriageCase c = g.triageCase();
      assertEquals(new TriageCase(c.age(), c.female(), c.complaint(), c.complaintText(), c.onset(), c.heartRate(),
          c.systolic(), c.diastolic(), c.respiratoryRate(), c.spo2(), c.temperature(), c.mental(), c.pain(),
          c.history(), c.anticoagulated(), false), note.facts(), g.example().input());
      ParsedRationale r = RationaleParser.parse(g.example().rationale());
      assertNotNull(r, g.example().rationale());
      assertEquals(1, r.grammar(), g.example().rationale());
      assertTrue(TriageCheck.of(note, g.example().label(), g.example().label(), g.example().rationale())
          .fullyFaithful(), g.example().toString());
    }
  }

  @Test
  void everyGoldRationaleScoresOneOnEveryCheck() {
    Set<String> templates = new HashSet<>();
    List<TriageCheck> checks = new java.util.ArrayList<>();
    for (SynthTriage.Generated g : GOLD) {
      ParsedRationale r = RationaleParser.parse(g.example().rationale());
      assertNotNull(r, g.example().rationale());
      templates.add(r.template());
      TriageCheck c = TriageCheck.of(NoteParser.parse(g.example().input()), g.example().label(), g.example().label(),
          g.example().rationale());
      assertTrue(c.fullyFaithful() && c.grounded() && c.ruleCorrect() && c.agreesWithDecision(),
          c + "\n" + g.example());
      assertTrue(c.cited().size() >= 1 || r.template().startsWith("stable.6"), g.example().rationale());
      assertEquals(List.of(), AbsentFindings.of(g.example().input(), g.example().rationale()), g.toString());
      checks.add(c);
      TriageRules.Assessment a = g.assessment();
      if (a.level() <= 2) {
        assertEquals(a.findings().stream().map(TriageRules.Finding::kind).toList(),
            r.reasons().stream().map(ParsedRationale.Reason::kind).toList(), g.example().rationale());
        assertEquals(a.findings().stream().map(TriageRules.Finding::value).toList(),
            r.reasons().stream().map(ParsedRationale.Reason::value).toList(), g.example().rationale());
      } else {
        assertEquals(a.resources(), r.resources(), g.example().rationale());
      }
    }
    TriageFaithfulness.Rates rates = TriageFaithfulness.rates(checks);
    assertEquals(1.0, rates.decisionAgreement());
    assertEquals(1.0, rates.citedFindingsInNote());
    assertEquals(1.0, rates.rationalesGrounded());
    assertEquals(1.0, rates.ruleCorrect());
    assertEquals(1.0, rates.fullyFaithful());
    assertEquals(0.0, rates.citesAbsentFinding());
    int expected = TriageGrammar.LEVEL1.size() + TriageGrammar.LEVEL2.size()
        + TriageGrammar.STABLE.size() * TriageGrammar.RESOURCES.stream().mapToInt(List::size).sum();
    assertEquals(expected, templates.size(), "every rationale template seen: " + templates);
  }

  @Test
  void everyFindingWordingOccursInSomeGoldRationale() {
    for (Map.Entry<TriageRules.Kind, List<SlotTemplate>> e : TriageGrammar.FINDINGS.entrySet()) {
      for (SlotTemplate t : e.getValue()) {
        String literal = t.text().contains("{") ? t.text().substring(0, t.text().indexOf('{')) : t.text();
        if (literal.isEmpty()) { // "{complaint} ({reason})": checked through the parsed reasons
          assertTrue(GOLD.stream().anyMatch(g -> g.assessment().findings().stream()
              .anyMatch(f -> f.kind() == TriageRules.Kind.HIGH_RISK_COMPLAINT)), "high-risk complaints occur");
          continue;
        }
        String lit = literal;
        assertTrue(GOLD.stream().anyMatch(g -> g.example().rationale().toLowerCase().contains(lit.toLowerCase())),
            "wording " + t.text() + " of " + e.getKey() + " occurs");
      }
    }
  }
}
