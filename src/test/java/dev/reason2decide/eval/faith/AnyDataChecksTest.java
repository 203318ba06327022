// Unsupported numbers and novel content words on hand-made cases with answers worked out by hand.
package dev.reason2decide.eval.faith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.reason2decide.data.Prediction;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnyDataChecksTest {
  static final List<String> ESI = List.of("ESI-1", "ESI-2", "ESI-3", "ESI-4", "ESI-5");

  @Test
  void numbersAreComparedAfterNormalising() {
    assertEquals("37", UnsupportedNumbers.normalise("37.0"));
    assertEquals("37.5", UnsupportedNumbers.normalise("37.50"));
    assertEquals("7", UnsupportedNumbers.normalise("007"));
    assertEquals("0", UnsupportedNumbers.normalise("0"));
    assertEquals("0.5", UnsupportedNumbers.normalise("00.5"));
    String input = "T 37.0 C, SpO2 94 %, BP 120/80, A&O x3.";
    UnsupportedNumbers.Result r = UnsupportedNumbers.check("Temperature 37, SpO2 94%, BP 120/85, so ESI-3.", input,
        ESI);
    // numbers: 37, 94, 120, 85, 3 (SpO2's 2 is part of a word); 85 is unsupported, 3 comes from the label ESI-3
    assertEquals(5, r.numbers());
    assertEquals(List.of(new UnsupportedNumbers.Span("85", 33, 35)), r.unsupported());
    assertEquals(1 / 5.0, r.share());
    assertEquals("85", "Temperature 37, SpO2 94%, BP 120/85, so ESI-3.".substring(33, 35));
    assertNull(UnsupportedNumbers.check("No numbers here.", input, ESI).share(), "0/0 is not a share");
    assertEquals(List.of(), UnsupportedNumbers.check("x3 and 3rd and SpO2", "", List.of()).unsupported());
  }

  @Test
  void numbersTheInputSpellsOutSupportTheirDigits() {
    String input = "Pulse ninety-four, sats Ninety Seven percent, one hundred and twelve over seventy, pain seven.";
    assertEquals(List.of(), UnsupportedNumbers.check("HR 94, SpO2 97%, BP 112/70, pain 7/10.", input, List.of())
        .unsupported().stream().map(UnsupportedNumbers.Span::text).filter(t -> !t.equals("10")).toList());
    // words only count where they stand alone, and only in the input
    assertEquals(List.of("1", "4"), UnsupportedNumbers.check("1 and 4.", "someone, fourteenth", List.of())
        .unsupported().stream().map(UnsupportedNumbers.Span::text).toList());
  }

  @Test
  void novelContentWordsLeaveOutStopWordsAndKnownWords() {
    NovelWords.Result r = NovelWords.check("The heart rate is very high, so ESI-2: a dangerous tachycardia.",
        "patient with heart rate 130", ESI);
    // words: the heart rate is very high so esi-2 a dangerous tachycardia; stop-words: the is very so a
    // content: heart rate high esi-2 dangerous tachycardia (6); known: heart rate (input), esi-2 (label)
    assertEquals(6, r.contentWords());
    assertEquals(List.of("high", "dangerous", "tachycardia"), r.novel());
    assertEquals(0.5, r.share());
    assertNull(NovelWords.check("it is so", "", List.of()).share());
  }

  @Test
  void ratesOverPredictionsAndGoldReference() {
    List<Prediction> preds = List.of(
        new Prediction("a", "HR 118, pain 9/10", "ESI-2", "HR 118 (above 100), so ESI-2.", "ESI-2", "HR 93, so ESI-2.",
            Map.of()),
        new Prediction("b", "HR 80, pain 2/10", "ESI-5", "Pain 2/10, so ESI-5.", "ESI-5", "Pain 2/10, so ESI-5.",
            Map.of()));
    FaithfulnessChecks.Report rep = FaithfulnessChecks.compute(preds, null, "no training rationales", null);
    // predicted: a: 93 (unsupported), 2 (label) → 2 numbers, 1 unsupported; b: 2, 10, 5 → 3 numbers, 0 unsupported
    Map<String, Object> m = rep.predicted().toMap();
    assertEquals(5, m.get("numbers"));
    assertEquals(1, m.get("unsupported_numbers"));
    assertEquals(1 / 5.0, m.get("unsupported_number_share"));
    assertEquals(0.5, m.get("rationales_with_unsupported_numbers"));
    // gold: a: 118, 100 (unsupported), 2 → 3 numbers, 1 unsupported; b as predicted
    assertEquals(6, rep.goldReference().numbers());
    assertEquals(1, rep.goldReference().unsupportedNumbers());
    assertNull(rep.triage(), "not the synthetic set");
    assertEquals("no training rationales", ((Map<?, ?>) rep.toMap().get("simulator")).get("note"));
  }
}
