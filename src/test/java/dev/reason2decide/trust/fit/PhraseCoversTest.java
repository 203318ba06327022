// Finding-support rules fitted on hand-made training pairs: the cover of each phrase, and phrases left without one.
package dev.reason2decide.trust.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reason2decide.data.Example;
import dev.reason2decide.trust.PhraseSupport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PhraseCoversTest {
  /**
   * 100 pairs. 30 rationales say "no response to voice": 15 of their notes say "Unresponsive", 15 "GCS 5" (every
   * note has "GCS", the others "GCS 15"; half of the others "pain 5/10", so "5" alone is no cover). 70 say "alert and calm" for notes with "GCS 15". Every rationale ends "so
   * this is urgent" (100 notes: its only cover would be "gcs", which all other notes have too: no rule).
   */
  static List<Example> pairs() {
    List<Example> xs = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      boolean unresponsive = i < 30;
      String note = "Patient " + i + " with chest pain. HR 80. "
          + (!unresponsive ? "GCS 15." + (i % 2 == 0 ? " Pain 5/10." : "")
              : i % 2 == 0 ? "Unresponsive, GCS 5." : "GCS 5.");
      String rationale = (unresponsive ? "No response to voice" : "Alert and calm") + ", so this is urgent.";
      xs.add(new Example("n" + i, note, "urgent", rationale, "gold"));
    }
    return xs;
  }

  @Test
  void eachPhraseGetsTheSmallestSpecificCoverOfItsNotes() {
    Map<String, PhraseSupport.Rule> rules = PhraseCovers.of(pairs()).rules().stream()
        .collect(Collectors.toMap(PhraseSupport.Rule::phrase, r -> r));
    // "gcs 5" is in all 30 notes and in no other note (precision 1): one word covers them; "unresponsive" covers
    // only 15 (and "gcs" all 100, but with precision 0.3: score 30 · 0.3 = 9 against 30 · 1 = 30)
    assertEquals(List.of("gcs 5"), rules.get("no response to").cover());
    assertEquals(List.of("gcs 5"), rules.get("response to voice").cover());
    assertEquals(30, rules.get("no response to").notes());
    // "alert and calm" (70 notes) is covered by "gcs 15", held by none of the other 30 notes ("15" is: "Patient 15")
    assertEquals(List.of("gcs 15"), rules.get("alert and calm").cover());
    // every rationale has the common ending: nothing to contrast it with, no rule (its cover would be "chest")
    assertTrue(!rules.containsKey("so this is") && !rules.containsKey("this is urgent"), rules.keySet().toString());
  }

  @Test
  void aPhraseNeedingMoreThanThreeWordsOrTooFewNotesHasNoRule() {
    List<Example> xs = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      // "looks very unwell" comes with four different note words, ten notes each: no cover of three
      String word = List.of("pale", "sweaty", "grey", "clammy").get(i % 4);
      xs.add(new Example("a" + i, "Patient " + word + ".", "urgent", "Looks very unwell.", "gold"));
      xs.add(new Example("b" + i, "Patient fine.", "routine", "Looks quite well.", "gold"));
    }
    // a phrase of 19 rationales is below the minimum of 20
    for (int i = 0; i < 19; i++) {
      xs.add(new Example("c" + i, "Patient with rash.", "routine", "Rash on the arm.", "gold"));
    }
    List<String> phrases = PhraseCovers.of(xs).rules().stream().map(PhraseSupport.Rule::phrase).toList();
    assertEquals(List.of("looks quite well"), phrases);
  }
}
