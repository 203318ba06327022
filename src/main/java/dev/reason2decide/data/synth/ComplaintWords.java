// More ways to word each complaint: further clinical paraphrases and the patient's own words.
package dev.reason2decide.data.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * For every complaint ({@link TriageGrammar#complaints()}): clinical paraphrases beyond {@link Complaint#phrasings()}
 * and the patient's own words (quoted in a note: {@code states "my chest feels heavy"}). No wording of one complaint
 * contains a wording of another.
 */
public final class ComplaintWords {
  private ComplaintWords() {}

  private static final Map<String, List<String>> CLINICAL = Map.ofEntries(
      Map.entry("chest pressure", List.of("central chest pain radiating to the jaw", "retrosternal chest tightness")),
      Map.entry("one-sided weakness", List.of("acute left-sided weakness", "sudden right facial droop and dysarthria")),
      Map.entry("suicidal thoughts", List.of("active suicidal ideation", "intent to overdose on tablets")),
      Map.entry("lip swelling and hives", List.of("angioedema of the lips with urticaria",
          "facial swelling and wheals after shellfish")),
      Map.entry("vomiting blood", List.of("haematemesis", "fresh blood in the vomit")),
      Map.entry("thunderclap headache", List.of("sudden occipital headache, maximal at onset",
          "severe sudden headache with photophobia")),
      Map.entry("sore throat", List.of("pharyngitis", "odynophagia")),
      Map.entry("prescription refill", List.of("ran out of regular medication", "repeat prescription request")),
      Map.entry("insect bite", List.of("localised reaction to an insect bite", "a wasp sting on the forearm")),
      Map.entry("earache", List.of("otalgia", "left ear pain with muffled hearing")),
      Map.entry("minor head bump", List.of("minor head injury without loss of consciousness",
          "a scalp haematoma after a low fall")),
      Map.entry("ankle injury", List.of("inversion injury of the ankle", "a swollen lateral ankle after a twist")),
      Map.entry("wrist injury", List.of("FOOSH injury to the wrist", "a painful distal forearm after a fall")),
      Map.entry("forearm laceration", List.of("a forearm laceration needing closure",
          "a deep cut to the forearm from a tin can")),
      Map.entry("painful urination", List.of("dysuria", "urinary frequency and stinging")),
      Map.entry("lingering cough", List.of("persistent cough for two weeks", "a chesty cough that will not settle")),
      Map.entry("abdominal pain", List.of("RIF pain", "generalised abdominal pain with nausea")),
      Map.entry("vomiting and diarrhoea", List.of("gastroenteritis symptoms", "profuse diarrhoea and vomiting")),
      Map.entry("fever and flank pain", List.of("loin pain with rigors", "fever and renal angle tenderness")),
      Map.entry("breathlessness", List.of("dyspnoea on exertion", "increasing shortness of breath")),
      Map.entry("fall with hip pain", List.of("a mechanical fall with right hip pain",
          "a fall onto the hip, unable to weight bear")),
      Map.entry("collapse", List.of("a witnessed collapse", "found unresponsive on the floor")));

  private static final Map<String, List<String>> PATIENT = Map.ofEntries(
      Map.entry("chest pressure", List.of("it feels like an elephant sitting on my chest",
          "my chest is really tight and heavy", "a squeezing in my chest going down my arm")),
      Map.entry("one-sided weakness", List.of("my arm went dead and my words came out wrong",
          "I can't lift my left arm properly", "my face feels droopy on one side")),
      Map.entry("suicidal thoughts", List.of("I don't want to be here anymore", "I want to kill myself",
          "I have been planning to end it")),
      Map.entry("lip swelling and hives", List.of("my lips are swelling up and I'm itchy all over",
          "my tongue feels too big and I've come out in lumps")),
      Map.entry("vomiting blood", List.of("I've been throwing up blood", "there was blood when I was sick")),
      Map.entry("thunderclap headache", List.of("worst headache I've ever had, came on like a bang",
          "it felt like being hit on the back of the head")),
      Map.entry("sore throat", List.of("my throat is killing me", "it hurts to swallow")),
      Map.entry("prescription refill", List.of("I've run out of my tablets", "I just need my pills renewed")),
      Map.entry("insect bite", List.of("something bit me and it's itchy", "I got bitten by a bug")),
      Map.entry("earache", List.of("my ear is really sore", "my ear hurts and feels blocked")),
      Map.entry("minor head bump", List.of("I banged my head on the cupboard door", "I hit my head, just a little bump")),
      Map.entry("ankle injury", List.of("I went over on my ankle", "I rolled my ankle and it's swollen")),
      Map.entry("wrist injury", List.of("I fell on my hand and my wrist hurts", "I think I've broken my wrist")),
      Map.entry("forearm laceration", List.of("I cut my arm and it won't stop bleeding",
          "I sliced my arm on some glass")),
      Map.entry("painful urination", List.of("it burns when I pee", "it stings when I go to the toilet")),
      Map.entry("lingering cough", List.of("I can't shake this cough", "I've been coughing for ages")),
      Map.entry("abdominal pain", List.of("my stomach really hurts", "I've got a bad tummy ache")),
      Map.entry("vomiting and diarrhoea", List.of("I can't stop being sick and I've got the runs",
          "everything goes straight through me")),
      Map.entry("fever and flank pain", List.of("I'm burning up and my side hurts", "hot and shivery with a sore back")),
      Map.entry("breathlessness", List.of("I can't catch my breath", "I get puffed out walking")),
      Map.entry("fall with hip pain", List.of("I fell over and now my hip hurts", "I slipped and can't stand on my leg")),
      Map.entry("collapse", List.of("he just dropped to the floor", "she went down and wouldn't wake up")));

  /** Clinical wordings of {@code c}: its own phrasings, then the further paraphrases. */
  public static List<String> clinical(Complaint c) {
    List<String> out = new ArrayList<>(c.phrasings());
    out.addAll(CLINICAL.getOrDefault(c.name(), List.of()));
    return List.copyOf(out);
  }

  /** The patient's own words for {@code c}. */
  public static List<String> patient(Complaint c) {
    return PATIENT.getOrDefault(c.name(), List.of());
  }

  /** Every wording of {@code c}, clinical and the patient's. */
  public static List<String> all(Complaint c) {
    List<String> out = new ArrayList<>(clinical(c));
    out.addAll(patient(c));
    return List.copyOf(out);
  }
}
