// The finding-support veto at decision time: which stretches of a rationale a note does not support.
package dev.reason2decide.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PhraseSupportTest {
  static final PhraseSupport SUPPORT = new PhraseSupport(List.of(
      new PhraseSupport.Rule("no response to", List.of("unresponsive", "gcs 5"), 30),
      new PhraseSupport.Rule("response to voice", List.of("unresponsive", "gcs 5"), 30),
      new PhraseSupport.Rule("to voice or", List.of("unresponsive", "gcs 5"), 30),
      new PhraseSupport.Rule("high fever with", List.of("fever"), 25)));

  @Test
  void noteWordsAreLowerCaseWordsAndAdjacentPairs() {
    assertEquals(Set.of("gcs", "5", "gcs 5", "a&o", "x3", "a&o x3", "5 a&o"), PhraseSupport.noteWords("GCS 5. A&O x3"));
    assertEquals(List.of("no", "response", "to", "voice", "gcs", "so", "esi", "self-harm"),
        PhraseSupport.phraseWords("No response to voice (GCS 5), so ESI-1; self-harm."));
  }

  @Test
  void consecutivePhrasesWithTheSameMissingCoverAreOneGap() {
    String rationale = "No response to voice or pain, so ESI-1.";
    assertEquals(List.of(new PhraseSupport.Gap("No response to voice or", List.of("unresponsive", "gcs 5"))),
        SUPPORT.gaps("68M found on the floor. GCS 15, alert.", rationale));
    // one of the cover's words is enough; "GCS 15" has "gcs" but not the pair "gcs 5"
    assertEquals(List.of(), SUPPORT.gaps("68M found on the floor. GCS 5.", rationale));
    assertEquals(List.of(), SUPPORT.gaps("68M, UNRESPONSIVE on arrival.", rationale));
    // two gaps, one per cover, in the rationale's order
    assertEquals(List.of(new PhraseSupport.Gap("No response to voice or", List.of("unresponsive", "gcs 5")),
        new PhraseSupport.Gap("high fever with", List.of("fever"))),
        SUPPORT.gaps("Alert.", "No response to voice or pain; high fever with rigors."));
  }

  @Test
  void aGapIsTheRationaleAsWrittenWithItsNumbersAndPunctuation() {
    PhraseSupport s = new PhraseSupport(List.of(new PhraseSupport.Rule("spo hr painful", List.of("urine"), 20),
        new PhraseSupport.Rule("hr painful urination", List.of("urine"), 20),
        new PhraseSupport.Rule("so esi", List.of("x"), 20)));
    assertEquals(List.of(new PhraseSupport.Gap("SpO2 97%, HR 88). Painful urination", List.of("urine"))),
        s.gaps("Alert.", "Vital signs safe (SpO2 97%, HR 88). Painful urination needs a urinalysis."));
    // a word's attached rest comes with it
    assertEquals(List.of(new PhraseSupport.Gap("resource, so ESI-4", List.of("x"))), new PhraseSupport(List.of(
        new PhraseSupport.Rule("resource so esi", List.of("x"), 20))).gaps("Alert.", "One resource, so ESI-4."));
  }

  @Test
  void noRulesNeverVetoAndRulesAreOnePerPhrase() {
    assertEquals(List.of(), PhraseSupport.NONE.gaps("Alert.", "No response to voice or pain."));
    assertThrows(IllegalArgumentException.class, () -> new PhraseSupport(List.of(
        new PhraseSupport.Rule("a b c", List.of("x"), 20), new PhraseSupport.Rule("a b c", List.of("y"), 20))));
  }
}
