// The facts of one synthetic emergency-department presentation: patient, complaint, vital signs and history.
package dev.reason2decide.data.synth;

import java.util.List;
import java.util.Set;

/**
 * One synthetic presentation.
 *
 * @param age years (adults, 18 to 92)
 * @param female sex
 * @param complaint chief complaint
 * @param complaintText how this note words it
 * @param onset how long ago it started, as text
 * @param heartRate beats per minute
 * @param systolic systolic blood pressure, mmHg
 * @param diastolic diastolic blood pressure, mmHg
 * @param respiratoryRate breaths per minute
 * @param spo2 oxygen saturation, percent on room air
 * @param temperature degrees Celsius
 * @param mental level of consciousness
 * @param pain pain score 0 to 10
 * @param history past medical history items (may be empty)
 * @param anticoagulated whether the patient takes an anticoagulant
 * @param borderline whether a finding was placed at or next to a rule threshold
 * @param missing the findings the note does not record (see {@link Observation} for what a missing value means)
 */
public record TriageCase(int age, boolean female, Complaint complaint, String complaintText, String onset,
    int heartRate, int systolic, int diastolic, int respiratoryRate, int spo2, double temperature,
    MentalStatus mental, int pain, List<String> history, boolean anticoagulated, boolean borderline,
    Set<Observation> missing) {

  public TriageCase {
    history = List.copyOf(history);
    missing = Set.copyOf(missing);
  }

  /** A case whose note records every finding. */
  public TriageCase(int age, boolean female, Complaint complaint, String complaintText, String onset,
      int heartRate, int systolic, int diastolic, int respiratoryRate, int spo2, double temperature,
      MentalStatus mental, int pain, List<String> history, boolean anticoagulated, boolean borderline) {
    this(age, female, complaint, complaintText, onset, heartRate, systolic, diastolic, respiratoryRate, spo2,
        temperature, mental, pain, history, anticoagulated, borderline, Set.of());
  }

  /** Whether the note records {@code o}. */
  public boolean recorded(Observation o) {
    return !missing.contains(o);
  }

  /**
   * This case with {@code o} left out of the note, its value set to the stored form of a missing value (0, alert,
   * no history and no anticoagulant).
   */
  public TriageCase without(Observation o) {
    java.util.EnumSet<Observation> m = java.util.EnumSet.noneOf(Observation.class);
    m.addAll(missing);
    m.add(o);
    return new TriageCase(age, female, complaint, complaintText, onset,
        o == Observation.HEART_RATE ? 0 : heartRate, o == Observation.SYSTOLIC ? 0 : systolic,
        o == Observation.DIASTOLIC ? 0 : diastolic, o == Observation.RESPIRATORY_RATE ? 0 : respiratoryRate,
        o == Observation.SPO2 ? 0 : spo2, o == Observation.TEMPERATURE ? 0.0 : temperature,
        o == Observation.MENTAL_STATUS ? MentalStatus.ALERT : mental, o == Observation.PAIN ? 0 : pain,
        o == Observation.HISTORY ? List.of() : history, o != Observation.HISTORY && anticoagulated, borderline, m);
  }

  /** This case with {@code text} as the complaint's wording and {@code onset} as its onset. */
  public TriageCase worded(String text, String onsetText) {
    return new TriageCase(age, female, complaint, text, onsetText, heartRate, systolic, diastolic, respiratoryRate,
        spo2, temperature, mental, pain, history, anticoagulated, borderline, missing);
  }
}
