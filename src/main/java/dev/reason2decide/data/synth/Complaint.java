// The presenting complaints of the synthetic triage notes: wording, high-risk status and expected ED resources.
package dev.reason2decide.data.synth;

import java.util.List;

/**
 * A chief complaint. {@code resources} are the ED resources (ESI sense: labs, imaging, IV fluids, procedures)
 * the complaint is expected to need; {@code anticoagulatedResources} are added when the patient takes an
 * anticoagulant (injuries). A high-risk complaint carries the reason it is high risk.
 *
 * @param name short name used in rationales
 * @param phrasings ways a note states it
 * @param resources expected resources
 * @param anticoagulatedResources extra resources when anticoagulated
 * @param riskReason why it is high risk, or null
 */
public record Complaint(String name, List<String> phrasings, List<String> resources,
    List<String> anticoagulatedResources, String riskReason) {

  public boolean highRisk() {
    return riskReason != null;
  }

  private static Complaint risk(String name, String reason, String... phrasings) {
    return new Complaint(name, List.of(phrasings), List.of(), List.of(), reason);
  }

  private static Complaint plain(String name, List<String> resources, List<String> anticoagulated,
      String... phrasings) {
    return new Complaint(name, List.of(phrasings), resources, anticoagulated, null);
  }

  /** Complaints that make a presentation high risk (ESI-2) on their own. */
  public static final List<Complaint> HIGH_RISK = List.of(
      risk("chest pressure", "a possible acute coronary syndrome",
          "central chest pressure spreading to the left arm", "crushing chest pain with sweating",
          "chest tightness that started at rest"),
      risk("one-sided weakness", "a possible stroke",
          "sudden weakness of the right arm and slurred speech", "new facial droop and left arm weakness",
          "sudden difficulty speaking and a weak left leg"),
      risk("suicidal thoughts", "a risk of self-harm",
          "thoughts of suicide with a plan", "suicidal ideation after a recent loss", "a wish to end their life"),
      risk("lip swelling and hives", "possible anaphylaxis",
          "swollen lips and hives after eating peanuts", "tongue swelling and a rash after a bee sting",
          "throat tightness and hives after a new antibiotic"),
      risk("vomiting blood", "possible gastrointestinal bleeding",
          "vomiting blood twice this morning", "coffee-ground vomit and black stools", "bright red haematemesis"),
      risk("thunderclap headache", "a possible subarachnoid haemorrhage",
          "the worst headache of their life, sudden onset", "a sudden severe headache while lifting",
          "explosive headache with neck stiffness"));

  /** Complaints whose level follows from the resources they need. */
  public static final List<Complaint> ROUTINE = List.of(
      plain("sore throat", List.of(), List.of(), "a sore throat", "pain on swallowing for three days",
          "a scratchy throat and mild cough"),
      plain("prescription refill", List.of(), List.of(), "a need for more blood pressure tablets",
          "a request for a repeat prescription", "an inhaler that has run out"),
      plain("insect bite", List.of(), List.of(), "an itchy insect bite on the leg", "a red bump after a mosquito bite",
          "a spider bite on the hand without spreading redness"),
      plain("earache", List.of(), List.of(), "ear pain since yesterday", "a painful left ear", "earache and itching"),
      plain("minor head bump", List.of(), List.of("head CT", "coagulation labs"),
          "a bump to the head on a cupboard, no loss of consciousness", "a knock to the head on a door frame",
          "a small scalp bruise after a minor knock"),
      plain("ankle injury", List.of("ankle X-ray"), List.of(), "a twisted ankle playing football",
          "ankle pain after a missed step", "a swollen ankle after a fall from a kerb"),
      plain("wrist injury", List.of("wrist X-ray"), List.of(), "wrist pain after falling on an outstretched hand",
          "a painful swollen wrist", "wrist injury from a bicycle fall"),
      plain("forearm laceration", List.of("sutures"), List.of("coagulation labs"),
          "a 3 cm cut on the forearm from a kitchen knife", "a gaping laceration of the forearm",
          "a cut on the arm from broken glass"),
      plain("painful urination", List.of("urinalysis"), List.of(), "burning on urination", "dysuria and frequency",
          "pain when passing urine for two days"),
      plain("lingering cough", List.of("chest X-ray"), List.of(), "a cough for ten days", "a productive cough for a week",
          "a persistent cough after a cold"),
      plain("abdominal pain", List.of("blood tests", "abdominal CT"), List.of(), "right lower abdominal pain",
          "abdominal pain and nausea since last night", "cramping abdominal pain with vomiting"),
      plain("vomiting and diarrhoea", List.of("blood tests", "IV fluids"), List.of(),
          "vomiting and diarrhoea for two days", "inability to keep fluids down",
          "repeated vomiting and watery stools"),
      plain("fever and flank pain", List.of("blood tests", "urinalysis", "IV antibiotics"), List.of(),
          "fever and right flank pain", "fever with pain in the left loin", "chills, fever and back pain on one side"),
      plain("breathlessness", List.of("chest X-ray", "blood tests"), List.of(), "shortness of breath on exertion",
          "worsening breathlessness over three days", "breathlessness and a wheeze"),
      plain("fall with hip pain", List.of("hip X-ray", "blood tests"), List.of("head CT"),
          "a fall at home with left hip pain", "hip pain after slipping in the bathroom",
          "inability to bear weight after a fall"));

  /** A complaint for a patient found unresponsive. */
  public static final Complaint COLLAPSE = new Complaint("collapse", List.of("found collapsed at home",
      "collapse in a shop", "found on the floor by a relative"), List.of(), List.of(), null);
}
