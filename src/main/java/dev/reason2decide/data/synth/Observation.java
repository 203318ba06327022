// The findings a triage note may record or leave out: each vital sign, pain, mental status and history.
package dev.reason2decide.data.synth;

/**
 * A finding a note can lack ("pain not assessed", no SpO2 written). The rules decide on what is recorded: a missing
 * value fires no rule (a missing SpO2 is not below 92 %, a missing mental status is neither confusion nor
 * unresponsiveness, a missing history lists no anticoagulant). A {@link TriageCase} stores a missing number as 0
 * (temperature 0.0), a missing mental status as {@link MentalStatus#ALERT} and a missing history as empty.
 */
public enum Observation {
  HEART_RATE, SYSTOLIC, DIASTOLIC, RESPIRATORY_RATE, SPO2, TEMPERATURE, PAIN, MENTAL_STATUS, HISTORY
}
