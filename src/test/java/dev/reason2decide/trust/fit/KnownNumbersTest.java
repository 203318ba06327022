// The task's constants: numbers gold rationales state without their notes, often enough.
package dev.reason2decide.trust.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.reason2decide.data.Example;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KnownNumbersTest {
  @Test
  void numbersStatedWithoutTheNoteInAtLeastOnePercentAndThreeExamples() {
    List<Example> xs = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      // 92 is never in the note (10 of 10); 37 only once without it (the others have it); 38.0 = 38 four times
      String note = "SpO2 " + (80 + i) + "%, HR " + (i == 0 ? 50 : 37) + (i < 4 ? "" : ", T 38");
      xs.add(new Example("n" + i, note, "ESI-2", "SpO2 " + (80 + i) + "% (below 92%), HR 37, T 38.0.", ""));
    }
    assertEquals(List.of("92", "38"), KnownNumbers.of(xs));
  }
}
