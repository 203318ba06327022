// Grammar 2 notes: every form of every slot occurs, every finding can be missing, held-out forms stay out of training.
package dev.reason2decide.data.synth;

import dev.reason2decide.words.NumberWords;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class NoteFormsTest {
  private static final List<SynthTriage.Generated> NOTES = notes();
  private static final Pattern COMPOSED_QUIET = NoFindingSentences.reader();

  private static List<SynthTriage.Generated> notes() {
    List<SynthTriage.Generated> g = new ArrayList<>(SynthTriage.generateWithCases(3000, 31));
    g.addAll(SynthTriage.generateWithCases(3000, 32, SynthTriage.Mix.RULE_BALANCED, 3001, Set.of()));
    return List.copyOf(g);
  }

  @Test
  void everyFormOfEverySlotOccurs() {
    Set<String> seen = new HashSet<>();
    NOTES.forEach(g -> g.forms().forEach((slot, form) -> seen.add(slot + ":" + form)));
    for (String slot : NoteForms.SLOTS) {
      for (NoteForm f : NoteForms.of(slot)) {
        assertTrue(seen.contains(f.key()), "form " + f.key() + " never written");
      }
    }
  }

  @Test
  void everyComplaintWordingAndMentalStatusWordingOccurs() {
    Set<String> complaints = new HashSet<>();
    NOTES.forEach(g -> complaints.add(g.triageCase().complaintText()));
    for (Complaint c : TriageGrammar.complaints()) {
      for (String w : ComplaintWords.all(c)) {
        assertTrue(complaints.contains(w), "complaint wording never written: " + w);
      }
    }
    String all = String.join("\n", NOTES.stream().map(g -> g.example().input().toLowerCase(Locale.ROOT)).toList());
    for (MentalStatus m : MentalStatus.values()) {
      for (String w : NoteVocabulary.mental(m)) {
        assertTrue(all.contains(w.toLowerCase(Locale.ROOT)), "mental status wording never written: " + w);
      }
    }
  }

  @Test
  void everyFindingCanBeMissingAndMissingNeverChangesTheLabel() {
    Set<Observation> missing = EnumSet.noneOf(Observation.class);
    int notes = 0;
    for (SynthTriage.Generated g : NOTES) {
      missing.addAll(g.triageCase().missing());
      notes += g.triageCase().missing().isEmpty() ? 0 : 1;
      assertEquals(TriageRules.assess(g.triageCase()).label(), g.example().label());
    }
    assertEquals(EnumSet.allOf(Observation.class), missing);
    assertTrue(notes > NOTES.size() / 10 && notes < NOTES.size() * 7 / 10, "notes lacking a finding: " + notes);
  }

  @Test
  void casingTyposAndNoFindingSentencesOccurAtTheirRates() {
    int lower = 0;
    int upper = 0;
    int social = 0;
    for (SynthTriage.Generated g : NOTES) {
      String t = g.example().input();
      lower += t.equals(t.toLowerCase(Locale.ROOT)) ? 1 : 0;
      upper += t.equals(t.toUpperCase(Locale.ROOT)) ? 1 : 0;
      String low = t.toLowerCase(Locale.ROOT);
      social += NoteVocabulary.NO_FINDING.stream().anyMatch(s -> low.contains(s.toLowerCase(Locale.ROOT)))
          || COMPOSED_QUIET.matcher(t).find() ? 1 : 0;
    }
    int n = NOTES.size();
    assertTrue(Math.abs(lower - 0.10 * n) < 0.03 * n, "lower-case notes " + lower);
    assertTrue(Math.abs(upper - 0.05 * n) < 0.02 * n, "upper-case notes " + upper);
    assertTrue(social > 0.5 * n && social < 0.7 * n, "notes with a sentence carrying no finding " + social);
  }

  @Test
  void wholeValuesAreWrittenInDigitsWordsOrWithADecimalAtTheirRates() {
    Map<String, Integer> styles = new HashMap<>();
    int styled = 0;
    int written = 0;
    for (SynthTriage.Generated g : NOTES) {
      String style = g.forms().get("numbers");
      styles.merge(style, 1, Integer::sum);
      TriageCase c = g.triageCase();
      if (c.recorded(Observation.SPO2) && !style.equals("digits")) {
        // as written, unless a typo fell on it (the parser reads those back: GoldRationalesTest)
        styled++;
        String spo2 = style.equals("words") ? NumberWords.of(c.spo2()) : c.spo2() + ".0";
        written += g.example().input().toLowerCase(Locale.ROOT).contains(spo2) ? 1 : 0;
      }
    }
    assertTrue(written > 0.9 * styled, written + " of " + styled + " notes write their SpO2 in their style");
    int n = NOTES.size();
    assertEquals(n, styles.values().stream().mapToInt(Integer::intValue).sum(), "every note has a style: " + styles);
    assertTrue(Math.abs(styles.get("words") - VariedNotes.NUMBERS_IN_WORDS * n) < 0.015 * n, "words " + styles);
    assertTrue(Math.abs(styles.get("decimal") - VariedNotes.NUMBERS_WITH_DECIMAL * n) < 0.015 * n, "decimal "
        + styles);
  }

  @Test
  void heldOutFormsStayOutOfTrainingAndMakeTheirOwnTestSplit() {
    Set<String> held = FormPolicy.parse("hr:pulse-bpm, spo2:o2-sat-percent,pain:not-assessed,complaint:says");
    SynthTriage.Plan plan = new SynthTriage.Plan(1500, 100, 200, 4, SynthTriage.Mix.RULE_BALANCED,
        new SynthTriage.Notes(2, new FormPolicy(held, false)));
    Map<String, List<SynthTriage.Generated>> splits = SynthTriage.generatedSplits(plan);
    assertEquals(List.of("train", "validation", "test", SynthTriage.HELD_OUT_FORMS_SPLIT),
        List.copyOf(splits.keySet()));
    Pattern percent = Pattern.compile("O2 sat \\d+ percent", Pattern.CASE_INSENSITIVE);
    for (String split : List.of("train", "validation", "test")) {
      for (SynthTriage.Generated g : splits.get(split)) {
        g.forms().forEach((slot, form) -> assertFalse(held.contains(slot + ":" + form), split + ": " + g));
        assertFalse(percent.matcher(g.example().input()).find(), g.example().input());
      }
    }
    List<SynthTriage.Generated> test = splits.get(SynthTriage.HELD_OUT_FORMS_SPLIT);
    assertEquals(200, test.size());
    Set<String> inputs = new HashSet<>();
    splits.get("train").forEach(g -> inputs.add(g.example().input()));
    for (SynthTriage.Generated g : test) {
      assertEquals("pulse-bpm", g.forms().get("hr"), g.toString());
      assertEquals("o2-sat-percent", g.forms().get("spo2"));
      assertEquals("not-assessed", g.forms().get("pain"));
      assertEquals("says", g.forms().get("complaint"));
      // "O2 sat", the value (digits, "98.0" or words, perhaps with typos), then "percent" (perhaps with a typo)
      String input = g.example().input();
      int at = input.toLowerCase(Locale.ROOT).indexOf("o2 sat ");
      boolean saysPercent = false;
      if (at >= 0) {
        String[] words = input.substring(at + 7).split("[^A-Za-z0-9.]+");
        for (int w = 1; w < Math.min(words.length, 6) && !saysPercent; w++) {
          // "percent." ends a sentence: the full stop is no part of the word
          saysPercent = "percent".equals(Spelling.correction(words[w].replaceAll("\\.+$", "")));
        }
      }
      assertTrue(saysPercent, g.example().input());
      assertFalse(g.triageCase().recorded(Observation.PAIN));
      assertFalse(inputs.contains(g.example().input()));
    }
    assertEquals(splits, SynthTriage.generatedSplits(plan), "deterministic by seed");
  }

  @Test
  void heldOutFormsAreCheckedByName() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FormPolicy.parse("hr:pulse-x"));
    assertTrue(e.getMessage().contains("no form 'pulse-x' in slot hr"), e.getMessage());
    List<String> all = NoteForms.of("rr").stream().filter(f -> !f.statesAbsent()).map(NoteForm::key).toList();
    e = assertThrows(IllegalArgumentException.class, () -> new FormPolicy(Set.copyOf(all), false));
    assertTrue(e.getMessage().contains("slot rr"), e.getMessage());
  }
}
