// The closed vocabularies of a varied note: mental status, history items, onsets, sexes and finding-free sentences.
package dev.reason2decide.data.synth;

import dev.reason2decide.words.NumberWords;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Words the generator writes outside {@link NoteForms}: each list is read back by the parser ({@code eval.triage})
 * as a closed vocabulary, so adding a wording here adds it to both sides.
 */
public final class NoteVocabulary {
  private NoteVocabulary() {}

  /** Mental-status wordings beyond {@link MentalStatus#phrasings()}. */
  private static final Map<MentalStatus, List<String>> MENTAL = Map.of(
      MentalStatus.ALERT, List.of("alert", "GCS 15/15", "A+O x4", "AVPU: A", "orientated and appropriate",
          "alert and orientated"),
      MentalStatus.CONFUSED, List.of("confused", "GCS 14, confused", "AVPU: V, confused",
          "not orientated to time or place", "acutely confused"),
      MentalStatus.UNRESPONSIVE, List.of("AVPU: U", "GCS 3", "unrousable", "responds to nothing"));

  /** History items (as {@link TriageGrammar#HISTORY} and {@link TriageGrammar#ANTICOAGULANTS}) and other wordings. */
  public static final Map<String, List<String>> HISTORY_WORDS = Map.ofEntries(
      Map.entry("hypertension", List.of("hypertension", "HTN", "high blood pressure")),
      Map.entry("type 2 diabetes", List.of("type 2 diabetes", "T2DM", "type II diabetes")),
      Map.entry("asthma", List.of("asthma", "asthmatic")),
      Map.entry("COPD", List.of("COPD", "chronic obstructive pulmonary disease")),
      Map.entry("hypothyroidism", List.of("hypothyroidism", "underactive thyroid")),
      Map.entry("previous appendicectomy", List.of("previous appendicectomy", "prior appendectomy")),
      Map.entry("high cholesterol", List.of("high cholesterol", "hypercholesterolaemia")),
      Map.entry("osteoarthritis", List.of("osteoarthritis", "OA")),
      Map.entry("depression", List.of("depression", "low mood on sertraline")),
      Map.entry("atrial fibrillation on warfarin", List.of("atrial fibrillation on warfarin", "AF on warfarin",
          "on warfarin for AF")),
      Map.entry("DVT on apixaban", List.of("DVT on apixaban", "apixaban for a DVT")),
      Map.entry("atrial fibrillation on rivaroxaban", List.of("atrial fibrillation on rivaroxaban",
          "AF on rivaroxaban", "takes rivaroxaban for AF")));

  /** Whole phrases saying the patient has no past history. */
  public static final List<String> NO_HISTORY = noHistory();

  /** Onsets beyond {@link TriageGrammar#ONSETS}. */
  public static final List<String> MORE_ONSETS = List.of("about an hour ago", "earlier today", "4 hours ago",
      "overnight", "a week ago", "at lunchtime");

  public static final List<String> FEMALE = List.of("woman", "female", "lady", "F");
  public static final List<String> MALE = List.of("man", "male", "gentleman", "M");

  /** Sentences that carry no finding: who came with the patient, social history, arrival, allergies. */
  public static final List<String> NO_FINDING = List.of("Lives alone", "Lives with partner", "Accompanied by daughter",
      "Came in with a friend", "Brought in by son", "Wife at the bedside", "Husband waiting outside", "Non-smoker",
      "Ex-smoker", "Drinks socially", "No known drug allergies", "NKDA", "Allergic to penicillin",
      "Works as a teacher", "Retired builder", "Independent at home", "Uses a walking stick", "Tetanus up to date",
      "Arrived by ambulance", "Walked in", "Self-presented", "Brought in by family", "Interpreter used",
      "Carer present", "Last ate at breakfast");

  /** What may come before a list of vital signs. */
  public static final List<String> VITALS_PREFIXES = List.of("", "Vitals: ", "Obs: ", "VS: ", "Observations: ",
      "Obs ");

  /** Every wording of a mental status: its own phrasings, then the further ones. */
  public static List<String> mental(MentalStatus m) {
    List<String> out = new ArrayList<>(m.phrasings());
    out.addAll(MENTAL.get(m));
    return List.copyOf(out);
  }

  /** Every onset wording. */
  public static List<String> onsets() {
    List<String> out = new ArrayList<>(TriageGrammar.ONSETS);
    out.addAll(MORE_ONSETS);
    return List.copyOf(out);
  }

  /** Every word (letters only, lower case) the generator can write; what typos are corrected towards. */
  public static Set<String> words() {
    Set<String> texts = new LinkedHashSet<>();
    NoteForms.FORMS.values().forEach(fs -> fs.forEach(f -> texts.add(f.template().text())));
    for (Complaint c : TriageGrammar.complaints()) {
      texts.addAll(ComplaintWords.all(c));
    }
    for (MentalStatus m : MentalStatus.values()) {
      texts.addAll(mental(m));
    }
    HISTORY_WORDS.values().forEach(texts::addAll);
    texts.addAll(NO_HISTORY);
    texts.addAll(onsets());
    texts.addAll(FEMALE);
    texts.addAll(MALE);
    texts.addAll(NO_FINDING);
    texts.addAll(VITALS_PREFIXES);
    texts.addAll(VitalParts.texts());
    texts.addAll(VitalQualifiers.texts());
    texts.addAll(NoFindingSentences.texts());
    for (int n = 0; n < 100; n++) {
      texts.add(NumberWords.of(n)); // spelled-out values (every number word is in 0 to 99 but "hundred")
    }
    texts.add(NumberWords.of(100));
    Set<String> out = new LinkedHashSet<>();
    for (String t : texts) {
      for (String w : t.toLowerCase(java.util.Locale.ROOT).split("[^a-z]+")) {
        if (!w.isEmpty()) {
          out.add(w);
        }
      }
    }
    return out;
  }

  private static List<String> noHistory() {
    List<String> out = new ArrayList<>();
    for (String label : List.of("History", "PMH", "Background", "Hx")) {
      for (String none : List.of("none", "nil of note", "no known conditions", "nil")) {
        out.add(label + ": " + none);
      }
    }
    out.addAll(List.of("no PMH", "no past medical history", "nil significant past history", "previously well"));
    return List.copyOf(out);
  }
}
