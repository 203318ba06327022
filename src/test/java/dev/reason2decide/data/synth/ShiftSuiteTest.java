// The shift suite: every kind changes the text, labels and rationales stay right, and seeds reproduce it.
package dev.reason2decide.data.synth;

import dev.reason2decide.words.NumberWords;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reason2decide.data.Example;
import dev.reason2decide.data.SeededRandom;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ShiftSuiteTest {
  private static final Complaint SORE_THROAT = Complaint.ROUTINE.stream()
      .filter(c -> c.name().equals("sore throat")).findFirst().orElseThrow();

  @Test
  void everyKindChangesEveryNoteAndKeepsTheLabelWhereTheFindingsStay() {
    List<SynthTriage.Generated> notes = ShiftSuite.notes(60, 3);
    Map<ShiftKind, List<Example>> suite = ShiftSuite.generate(notes, 3);
    assertEquals(List.of(ShiftKind.values()), List.copyOf(suite.keySet()));
    for (var e : suite.entrySet()) {
      assertEquals(60, e.getValue().size(), e.getKey().toString());
      for (int i = 0; i < 60; i++) {
        Example original = notes.get(i).example();
        Example shifted = e.getValue().get(i);
        assertNotEquals(original.input(), shifted.input(), e.getKey() + " " + original.input());
        assertTrue(shifted.id().startsWith(original.id() + "-" + e.getKey().file()), shifted.id());
        if (e.getKey() != ShiftKind.MISSING) {
          assertEquals(original.label(), shifted.label(), shifted.id());
          assertEquals(original.rationale(), shifted.rationale(), shifted.id());
        }
      }
    }
  }

  @Test
  void sameSeedSameSuiteOtherSeedOtherSuite() {
    assertEquals(ShiftSuite.generate(25, 11), ShiftSuite.generate(25, 11));
    assertNotEquals(ShiftSuite.generate(25, 11).get(ShiftKind.TYPOS), ShiftSuite.generate(25, 12).get(ShiftKind.TYPOS));
    // a note's rewrite does not depend on how many notes are drawn
    assertEquals(ShiftSuite.generate(25, 11).get(ShiftKind.ORDER).subList(0, 10),
        ShiftSuite.generate(10, 11).get(ShiftKind.ORDER));
  }

  /** SpO2 80 % on a sore throat: ESI-1 while the SpO2 is recorded; without it nothing fires and no resource: ESI-5. */
  @Test
  void missingFindingLabelIsTheRulesOnWhatIsRecorded() {
    TriageCase c = new TriageCase(40, true, SORE_THROAT, SORE_THROAT.phrasings().get(0), "today", 80, 120, 80, 16, 80,
        37.0, MentalStatus.ALERT, 2, List.of(), false, false);
    SynthTriage.Generated g = new SynthTriage.Generated(new Example("n1", "note", "ESI-1", "r", "synthetic"), c,
        TriageRules.assess(c), Map.of());
    Map<String, Example> byFinding = new HashMap<>();
    for (int seed = 0; seed < 400 && byFinding.size() < MissingFinding.values().length; seed++) {
      Example e = ShiftSuite.rewrite(g, ShiftKind.MISSING, new SeededRandom(seed));
      byFinding.putIfAbsent(e.id().substring("n1-missing-".length()), e);
    }
    assertEquals(MissingFinding.values().length, byFinding.size(), byFinding.keySet().toString());
    Example noSpo2 = byFinding.get("spo2");
    assertEquals("ESI-5", noSpo2.label());
    assertFalse(noSpo2.input().contains("80%"), noSpo2.input());
    assertFalse(noSpo2.input().toLowerCase(Locale.ROOT).matches(".*(spo2|sats).*"), noSpo2.input());
    for (String other : List.of("heart-rate", "blood-pressure", "respiratory-rate", "pain", "mental-status",
        "history", "temperature")) {
      assertEquals("ESI-1", byFinding.get(other).label(), other);
      assertTrue(byFinding.get(other).input().contains("80%") || byFinding.get(other).input().contains("80 "),
          byFinding.get(other).input());
    }
    // the ESI-1 rationale names the SpO2 only, which is still recorded
    assertTrue(byFinding.get("pain").rationale().contains("80%"), byFinding.get("pain").rationale());
  }

  /** A confused anticoagulated head bump: ESI-2 by confusion; without the mental status ESI-3 (CT + coagulation). */
  @Test
  void missingMentalStatusOrHistoryLowersTheLevelByHand() {
    Complaint headBump = Complaint.ROUTINE.stream().filter(x -> x.name().equals("minor head bump")).findFirst()
        .orElseThrow();
    TriageCase c = new TriageCase(70, false, headBump, headBump.phrasings().get(0), "today", 80, 130, 80, 16, 97,
        37.0, MentalStatus.CONFUSED, 1, List.of("atrial fibrillation on warfarin"), true, false);
    assertEquals(2, TriageRules.assess(c).level());
    assertEquals(3, TriageRules.assess(MissingFinding.MENTAL_STATUS.recorded(c, 0)).level());
    assertEquals(2, TriageRules.assess(MissingFinding.HISTORY.recorded(c, 0)).level());
    TriageCase alertAnticoagulated = MissingFinding.MENTAL_STATUS.recorded(c, 0);
    assertEquals(5, TriageRules.assess(MissingFinding.HISTORY.recorded(alertAnticoagulated, 0)).level());
  }

  @Test
  void missingFindingRemovesItsClauseFromTheGeneratorTemplates() {
    SlotTemplate full = new SlotTemplate("{age}-year-old {sex} with {complaint}, started {onset}. HR {hr}, BP "
        + "{sbp}/{dbp}, RR {rr}, SpO2 {spo2}% on room air, T {temp} C. {mental}. Pain {pain}/10. History: "
        + "{history}.");
    assertEquals("{age}-year-old {sex} with {complaint}, started {onset}. BP {sbp}/{dbp}, RR {rr}, SpO2 {spo2}% on "
        + "room air, T {temp} C. {mental}. Pain {pain}/10. History: {history}.",
        MissingFinding.HEART_RATE.without(full).text());
    assertEquals("{age}-year-old {sex} with {complaint}, started {onset}. HR {hr}, BP {sbp}/{dbp}, RR {rr}, SpO2 "
        + "{spo2}% on room air. {mental}. Pain {pain}/10. History: {history}.",
        MissingFinding.TEMPERATURE.without(full).text());
    assertEquals("{age}-year-old {sex} with {complaint}, started {onset}. HR {hr}, BP {sbp}/{dbp}, RR {rr}, SpO2 "
        + "{spo2}% on room air, T {temp} C. Pain {pain}/10. History: {history}.",
        MissingFinding.MENTAL_STATUS.without(full).text());
    assertEquals("{age}-year-old {sex} with {complaint}, started {onset}. HR {hr}, BP {sbp}/{dbp}, RR {rr}, SpO2 "
        + "{spo2}% on room air, T {temp} C. {mental}. Pain {pain}/10.", MissingFinding.HISTORY.without(full).text());
    SlotTemplate obs = new SlotTemplate("Obs: HR {hr}, BP {sbp}/{dbp}. {mental}, pain {pain}/10. Hx: {history}.");
    assertEquals("Obs: HR {hr}, BP {sbp}/{dbp}. Pain {pain}/10. Hx: {history}.",
        MissingFinding.MENTAL_STATUS.without(obs).text());
    assertEquals("Obs: HR {hr}, BP {sbp}/{dbp}. {mental}. Hx: {history}.", MissingFinding.PAIN.without(obs).text());
    assertEquals("Obs: HR {hr}. {mental}, pain {pain}/10. Hx: {history}.",
        MissingFinding.BLOOD_PRESSURE.without(obs).text());
  }

  /** Each "name {slot} unit" phrase of the unseen templates is absent from every generator template. */
  @Test
  void unseenNamesAreOutsideTheGeneratorGrammar() {
    Pattern phrase = Pattern.compile("[^,.;:|(]*\\{(hr|sbp|rr|spo2|pain)}[^,.;|)]*");
    String grammar = String.join("\n", TriageGrammar.NOTES.stream().map(SlotTemplate::text).toList())
        .toLowerCase(Locale.ROOT);
    int checked = 0;
    for (SlotTemplate t : UnseenPhrasing.NOTES) {
      Matcher m = phrase.matcher(t.text());
      while (m.find()) {
        String p = m.group().strip().toLowerCase(Locale.ROOT);
        assertFalse(grammar.contains(p), "the generator writes '" + p + "'");
        checked++;
      }
    }
    assertEquals(15, checked);
  }

  @Test
  void textRewritesByHand() {
    String note = "Pt 40F c/o sore throat. HR 80, BP 120/80. Alert and oriented. Pain 2/10.";
    assertEquals("pt 40f c/o sore throat. hr 80, bp 120/80. alert and oriented. pain 2/10.", TextRewrites.lower(note));
    String shuffled = TextRewrites.shuffleSentences(note, new SeededRandom(1));
    assertNotEquals(note, shuffled);
    assertEquals(List.of("Alert and oriented.", "HR 80, BP 120/80.", "Pain 2/10.", "Pt 40F c/o sore throat."),
        TextRewrites.sentences(shuffled).stream().sorted().toList());
    String added = TextRewrites.addSentence(note, new SeededRandom(2));
    assertEquals(5, TextRewrites.sentences(added).size());
    assertTrue(TextRewrites.NEUTRAL.stream().anyMatch(added::contains), added);
    String typos = TextRewrites.typos(note, 3, new SeededRandom(3));
    String[] a = note.split(" ");
    String[] b = typos.split(" ");
    assertEquals(a.length, b.length);
    int changed = 0;
    for (int i = 0; i < a.length; i++) {
      if (!a[i].equals(b[i])) {
        changed++;
        assertFalse(a[i].matches(".*\\d.*"), "a word with digits got a typo: " + a[i]);
        assertEquals(a[i].charAt(0), b[i].charAt(0));
      }
    }
    assertEquals(3, changed, typos);
  }

  @Test
  void numberWordsByHand() {
    assertEquals("zero", NumberWords.of(0));
    assertEquals("thirteen", NumberWords.of(13));
    assertEquals("forty", NumberWords.of(40));
    assertEquals("ninety-eight", NumberWords.of(98));
    assertEquals("one hundred", NumberWords.of(100));
    assertEquals("one hundred and five", NumberWords.of(105));
    assertEquals("one hundred and twenty-one", NumberWords.of(121));
  }
}
