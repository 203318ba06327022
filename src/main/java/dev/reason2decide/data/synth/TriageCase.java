// The facts of one synthetic emergency-department presentation: patient, complaint, vital signs and history.
package dev.reason2decide.data.synth;

import java.util.List;

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
 */
public record TriageCase(int age, boolean female, Complaint complaint, String complaintText, String onset,
    int heartRate, int systolic, int diastolic, int respiratoryRate, int spo2, double temperature,
    MentalStatus mental, int pain, List<String> history, boolean anticoagulated, boolean borderline) {

  public TriageCase {
    history = List.copyOf(history);
  }
}
