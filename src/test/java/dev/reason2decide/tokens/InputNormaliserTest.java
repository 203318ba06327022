// The input normaliser: typos corrected towards the training words, spelled-out numbers in digits, kept in a file.
package dev.reason2decide.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputNormaliserTest {
  private static final List<String> TRAINING = List.of(
      "Pt 54M c/o central chest pressure, onset this morning. Pulse 88, pressure 120/80, sats 97%.",
      "Pt 61F c/o chest pressure. Tachycardia noted. Pulse 120, sats 95%, breathing normally.",
      "Tachycardia on arrival. Chest pain with sweating. Pulse 130, pressure 110/70, breathing fast.",
      "Sweating and central chest pain. Pulse 101, sats 99%. Pressure fine.",
      "Pulse 72. Sweating. Chest pain since morning. Central. Breathing easy. Arrival by car.");

  private final InputNormaliser fitted = InputNormaliser.fit(TRAINING);

  @Test
  void aTypoOfATrainingWordIsCorrectedInTheWordsCase() {
    assertEquals("Pt 70F c/o central chest pressure. Tachycardia, PRESSURE 90/60, breathing 30.",
        fitted.apply("Pt 70F c/o cnetral chest presure. Tachycadria, PRESSYRE 90/60, breathnig 30."));
  }

  @Test
  void shortWordsUnknownWordsAndAmbiguousOnesStayAsWritten() {
    // "chset" is one swap from the training word "chest"; "pian" is shorter than five letters; "oximetry" is unlike
    // every training word
    assertEquals("chest pian oximetry 94", fitted.apply("chset pian oximetry 94"));
    InputNormaliser twoNear = InputNormaliser.of(java.util.Set.of("sweat", "sweet"), false, false);
    assertEquals("sweat", twoNear.apply("sweta"));
    assertEquals("swet", twoNear.apply("swet"), "'sweat' and 'sweet' are both one edit away: left as written");
  }

  @Test
  void typosInTheTrainingNotesAreNotTakenForWords() {
    List<String> notes = new java.util.ArrayList<>();
    for (int i = 0; i < 40; i++) {
      notes.add("Alert and oriented, pulse " + (60 + i));
    }
    notes.add("Alret and oriented");
    notes.add("alret, pulse 70");
    InputNormaliser n = InputNormaliser.fit(notes);
    assertEquals("Alert and oriented", n.apply("Alret and oriented"), "'alret' twice against 'alert' 40 times");
  }

  @Test
  void spelledOutNumbersBecomeDigitsButNotInsideWords() {
    assertEquals("Pulse 94, pressure 105/60, pain 0, sats 88%.",
        fitted.apply("Pulse ninety-four, pressure one hundred and five/sixty, pain zero, sats eighty eight%."));
    assertEquals("one-sided weakness for 2 days; none; often; tone", fitted.apply(
        "one-sided weakness for two days; none; often; tone"));
  }

  @Test
  void aZeroDecimalIsDroppedAndOtherDecimalsStay() {
    assertEquals("HR 88, BP 84/59, T 37.2, T 37, pain 4, p 0.05, v1.0.2",
        fitted.apply("HR 88.0, BP 84.0/59.0, T 37.2, T 37.0, pain 4.00, p 0.05, v1.0.2"));
  }

  @Test
  void aFolderWithoutTheFileReadsInputAsGivenAndTheFileKeepsTheFit(@TempDir Path dir) throws Exception {
    assertSame(InputNormaliser.IDENTITY, InputNormaliser.read(dir));
    assertEquals("presure ninety", InputNormaliser.read(dir).apply("presure ninety"));
    fitted.write(dir);
    InputNormaliser back = InputNormaliser.read(dir);
    String typos = "Tachycadria, presure ninety-one over sixty, swaeting, breathnig";
    assertEquals(fitted.apply(typos), back.apply(typos));
    assertEquals("Tachycardia, pressure 91 over 60, sweating, breathing", back.apply(typos));
    Files.writeString(dir.resolve("tokenizer.json"), "{}");
    assertEquals(back.apply(typos), InputNormaliser.read(dir.resolve("tokenizer.json")).apply(typos),
        "a tokenizer.json given itself finds the normaliser beside it");
    Files.writeString(dir.resolve(InputNormaliser.JSON), "{\"format\":\"other/9\"}");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> InputNormaliser.read(dir));
    assertTrue(e.getMessage().contains(InputNormaliser.JSON) && e.getMessage().contains("format"), e.getMessage());
  }
}
