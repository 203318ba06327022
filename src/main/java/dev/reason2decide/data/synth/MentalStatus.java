// Level of consciousness in a synthetic triage note (AVPU-like): alert, newly confused, or unresponsive.
package dev.reason2decide.data.synth;

import java.util.List;

/** Mental status, with the ways notes state it. */
public enum MentalStatus {
  ALERT(List.of("Alert and oriented", "A&O x3", "GCS 15", "Alert, talking in full sentences")),
  CONFUSED(List.of("New confusion", "Disoriented to time and place", "GCS 13, confused", "Drowsy and confused")),
  UNRESPONSIVE(List.of("Unresponsive to voice or pain", "GCS 5", "No response to painful stimulus",
      "Unresponsive, snoring respirations"));

  private final List<String> phrasings;

  MentalStatus(List<String> phrasings) {
    this.phrasings = phrasings;
  }

  public List<String> phrasings() {
    return phrasings;
  }
}
