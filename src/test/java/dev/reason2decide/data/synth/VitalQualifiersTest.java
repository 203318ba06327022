// Qualifiers around a reading ("BP 120/80 sitting"): every one is written, none carries a value or a finding wording.
package dev.reason2decide.data.synth;

import dev.reason2decide.words.NumberWords;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reason2decide.data.Example;
import java.util.ArrayList;
import java.util.List;
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
    List<String> read = new ArrayList<>();
    TriageGrammar.complaints().forEach(c -> read.addAll(ComplaintWords.all(c)));
    for (MentalStatus m : MentalStatus.values()) {
      read.addAll(NoteVocabulary.mental(m));
    }
    NoteVocabulary.HISTORY_WORDS.values().forEach(read::addAll);
    read.addAll(NoteVocabulary.onsets());
    Pattern number = Pattern.compile("\\d|(?<![a-z])" + NumberWords.REGEX + "(?![a-z])", Pattern.CASE_INSENSITIVE);
    for (String q : VitalQualifiers.texts()) {
      String low = q.toLowerCase(Locale.ROOT);
      assertFalse(number.matcher(low).find(), q);
      for (String w : read) {
        assertFalse(Pattern.compile("(?<![a-z])" + Pattern.quote(w.toLowerCase(Locale.ROOT)) + "(?![a-z])")
            .matcher(low).find(), q + " carries " + w);
      }
    }
  }
}
