// Qualifiers around a reading ("BP 120/80 sitting"): every one is written, none carries a value or a finding wording.
package dev.reason2decide.data.synth;

import dev.reason2decide.words.NumberWords;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reason2decide.data.Example;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class VitalQualifiersTest {
  @Test
  void everyQualifierIsWrittenInGeneratedNotes() {
    String notes = String.join("\n", SynthTriage.generate(6000, 21).stream().map(Example::input).toList())
        .toLowerCase(Locale.ROOT);
    for (String q : VitalQualifiers.texts()) {
      assertTrue(notes.contains(q.toLowerCase(Locale.ROOT)), "qualifier never written: " + q);
    }
  }

  @Test
  void noQualifierCarriesANumberOrAWordingTheParserReads() {
    Pattern[] readers = NoFindingSentencesTest.findingWordings();
    Pattern number = Pattern.compile("\\d|(?<![a-z])" + NumberWords.REGEX + "(?![a-z])", Pattern.CASE_INSENSITIVE);
    for (String q : VitalQualifiers.texts()) {
      String low = q.toLowerCase(Locale.ROOT);
      assertFalse(number.matcher(low).find(), q);
      for (Pattern p : readers) {
        assertFalse(p.matcher(low).find(), q + " carries the wording " + p);
      }
    }
  }
}
