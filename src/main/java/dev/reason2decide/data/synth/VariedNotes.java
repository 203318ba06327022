// Writes a triage note as people write them: varied forms, any order, casing, noise, typos and missing findings.
package dev.reason2decide.data.synth;

import dev.reason2decide.data.SeededRandom;
import dev.reason2decide.words.NumberWords;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The second note grammar. Each slot is written with a form of {@link NoteForms} allowed by the {@link FormPolicy};
 * the rates of every variation are the constants below (docs/data.md lists them). A finding is left out only when
 * the rules give the same assessment without it ({@link Observation}), so leaving it out never changes the label;
 * half of the left-out vital signs and pain scores are stated missing ("pain not assessed"), the rest not written.
 */
final class VariedNotes {
  static final double PATIENT_WORDS = 0.4;
  static final double INTRO_FIRST = 0.85;
  static final double SHUFFLED_SECTIONS = 0.5;
  static final double SHUFFLED_VITALS = 0.4;
  static final double PAIN_WITH_VITALS = 0.4;
  static final double MENTAL_WITH_VITALS = 0.25;
  static final double STATED_MISSING = 0.5;
  static final double LOWER_CASE = 0.10;
  static final double UPPER_CASE = 0.05;
  static final double LINE_PER_SENTENCE = 0.15;
  static final double DROPPED_PUNCTUATION = 0.08;
  static final double WITH_TYPOS = 0.25;
  /** Notes whose whole values (heart rate, blood pressure, respiratory rate, SpO2, pain) are spelled out. */
  static final double NUMBERS_IN_WORDS = 0.04;
  /** Notes whose whole values carry a zero decimal, as monitors export them ("HR 88.0", "BP 120.0/80.0"). */
  static final double NUMBERS_WITH_DECIMAL = 0.04;
  static final double[] NO_FINDING_SENTENCES = {0.4, 0.4, 0.2};
  /** How often a sentence carrying no finding is composed ({@link NoFindingSentences}), not a fixed one. */
  static final double COMPOSED_NO_FINDING = 0.5;
  /** How often each finding is drawn to be left out (it stays when it decides the assessment). */
  static final Map<Observation, Double> MISSING = Map.of(Observation.HEART_RATE, 0.05, Observation.SYSTOLIC, 0.05,
      Observation.RESPIRATORY_RATE, 0.08, Observation.SPO2, 0.08, Observation.TEMPERATURE, 0.12,
      Observation.PAIN, 0.10, Observation.MENTAL_STATUS, 0.08, Observation.HISTORY, 0.06);

  private VariedNotes() {}

  /** A written note, the case as the note records it, and the form each slot used ({@code omitted}: not written). */
  record Written(String note, TriageCase triageCase, Map<String, String> forms) {}

  /** The note of {@code c}, or null when {@code policy} cannot write this case (draw another). */
  static Written write(TriageCase c, FormPolicy policy, SeededRandom rng) {
    Map<String, String> forms = new LinkedHashMap<>();
    List<NoteForm> quoted = new ArrayList<>();
    List<NoteForm> plain = new ArrayList<>();
    for (NoteForm f : policy.allowed("complaint")) {
      (f.template().text().contains("\"") || f.name().equals("own-words") ? quoted : plain).add(f);
    }
    boolean patient = !ComplaintWords.patient(c.complaint()).isEmpty() && !quoted.isEmpty()
        && (plain.isEmpty() || rng.chance(PATIENT_WORDS));
    NoteForm complaintForm = rng.pick(patient ? quoted : plain);
    c = c.worded(rng.pick(patient ? ComplaintWords.patient(c.complaint()) : ComplaintWords.clinical(c.complaint())),
        rng.pick(NoteVocabulary.onsets()));
    c = leaveOut(c, policy, rng);
    if (c == null) {
      return null;
    }
    forms.put("complaint", complaintForm.name());
    Map<String, String> v = new LinkedHashMap<>();
    v.put("complaint", c.complaintText());
    v.put("onset", c.onset());
    v.put("age", String.valueOf(c.age()));
    v.put("sex", rng.pick(c.female() ? NoteVocabulary.FEMALE.subList(0, 3) : NoteVocabulary.MALE.subList(0, 3)));
    v.put("sexLetter", c.female() ? "F" : "M");
    String intro = render("intro", policy, rng, v, forms);
    String complaint = complaintForm.template().render(v);
    String onset = render("onset", policy, rng, v, forms);
    double style = rng.nextDouble();
    String numbers = style < NUMBERS_IN_WORDS ? "words" : style < NUMBERS_IN_WORDS + NUMBERS_WITH_DECIMAL ? "decimal"
        : "digits";
    forms.put("numbers", numbers);
    List<String> vitals = new ArrayList<>();
    for (String slot : List.of("hr", "bp", "rr", "spo2", "temp")) {
      c = vital(slot, c, policy, rng, vitals, forms, numbers);
      if (c == null) {
        return null;
      }
    }
    List<String> pain = new ArrayList<>();
    c = vital("pain", c, policy, rng, pain, forms, numbers);
    if (c == null) {
      return null;
    }
    String mental = c.recorded(Observation.MENTAL_STATUS) ? rng.pick(NoteVocabulary.mental(c.mental())) : null;
    String history = history(c, policy, rng, forms);
    if (rng.chance(SHUFFLED_VITALS)) {
      rng.shuffle(vitals);
    }
    if (!pain.isEmpty() && rng.chance(PAIN_WITH_VITALS)) {
      vitals.add(pain.remove(0));
    }
    if (mental != null && rng.chance(MENTAL_WITH_VITALS)) {
      vitals.add(mental);
      mental = null;
    }
    List<String> sections = new ArrayList<>();
    if (!vitals.isEmpty()) {
      sections.add(vitalsBlock(vitals, rng));
    }
    if (mental != null) {
      sections.add(mental);
    }
    sections.addAll(pain);
    if (history != null) {
      sections.add(history);
    }
    int noise = pickIndex(NO_FINDING_SENTENCES, rng);
    List<String> quiet = new ArrayList<>(NoteVocabulary.NO_FINDING);
    rng.shuffle(quiet);
    for (int i = 0; i < noise; i++) {
      sections.add(rng.chance(COMPOSED_NO_FINDING) ? NoFindingSentences.draw(rng) : quiet.get(i));
    }
    String opening;
    if (rng.chance(0.5)) {
      opening = intro + " " + complaint + ", " + onset;
    } else {
      sections.add(0, complaint + " " + onset);
      opening = intro;
    }
    if (rng.chance(SHUFFLED_SECTIONS)) {
      rng.shuffle(sections);
    }
    sections.add(rng.chance(INTRO_FIRST) ? 0 : rng.nextInt(sections.size() + 1), opening);
    String note = join(sections, rng);
    note = typos(note, rng);
    double u = rng.nextDouble();
    if (u < LOWER_CASE) {
      note = note.toLowerCase(Locale.ROOT);
    } else if (u < LOWER_CASE + UPPER_CASE) {
      note = note.toUpperCase(Locale.ROOT);
    }
    return new Written(note, c, forms);
  }

  /** Leaves out each finding at its rate when the assessment stays the same; null when the policy needs one out. */
  private static TriageCase leaveOut(TriageCase c, FormPolicy policy, SeededRandom rng) {
    TriageRules.Assessment full = TriageRules.assess(c);
    for (Observation o : List.of(Observation.HEART_RATE, Observation.SYSTOLIC, Observation.RESPIRATORY_RATE,
        Observation.SPO2, Observation.TEMPERATURE, Observation.PAIN, Observation.MENTAL_STATUS,
        Observation.HISTORY)) {
      String slot = slot(o);
      boolean onlyAbsent = slot != null && policy.allowed(slot).stream().allMatch(NoteForm::statesAbsent);
      boolean onlyValues = slot != null && policy.allowed(slot).stream().noneMatch(NoteForm::statesAbsent)
          && policy.heldOutOnly() && policy.holdsOut(slot);
      if (onlyValues || !(onlyAbsent || rng.chance(MISSING.get(o)))) {
        continue;
      }
      TriageCase without = c.without(o);
      if (o == Observation.SYSTOLIC) {
        without = without.without(Observation.DIASTOLIC);
      }
      if (TriageRules.assess(without).equals(full)) {
        c = without;
      } else if (onlyAbsent) {
        return null;
      }
    }
    return c;
  }

  private static String slot(Observation o) {
    return switch (o) {
      case HEART_RATE -> "hr";
      case SYSTOLIC, DIASTOLIC -> "bp";
      case RESPIRATORY_RATE -> "rr";
      case SPO2 -> "spo2";
      case TEMPERATURE -> "temp";
      case PAIN -> "pain";
      default -> null;
    };
  }

  private static String render(String slot, FormPolicy policy, SeededRandom rng, Map<String, String> v,
      Map<String, String> forms) {
    NoteForm f = rng.pick(policy.allowed(slot));
    forms.put(slot, f.name());
    return f.template().render(v);
  }

  /**
   * Adds the slot's text to {@code out} (or nothing) and returns the case as written (diastolic left out or not).
   * {@code numbers}: how the note writes whole values: "digits", "words" or "decimal" ("88.0").
   */
  private static TriageCase vital(String slot, TriageCase c, FormPolicy policy, SeededRandom rng, List<String> out,
      Map<String, String> forms, String numbers) {
    Observation o = slot.equals("bp") ? Observation.SYSTOLIC : observation(slot);
    List<NoteForm> absent = policy.allowed(slot).stream().filter(NoteForm::statesAbsent).toList();
    List<NoteForm> values = policy.allowed(slot).stream().filter(f -> !f.statesAbsent()).toList();
    if (!c.recorded(o)) {
      if (!absent.isEmpty() && (values.isEmpty() || rng.chance(STATED_MISSING))) {
        NoteForm f = rng.pick(absent);
        forms.put(slot, f.name());
        out.add(f.template().text());
      } else {
        forms.put(slot, "omitted");
      }
      return c;
    }
    if (values.isEmpty()) {
      return null;
    }
    List<NoteForm> composed = values.stream().filter(VitalParts::composed).toList();
    List<NoteForm> named = values.stream().filter(x -> !VitalParts.composed(x)).toList();
    NoteForm f = rng.pick(!composed.isEmpty() && (named.isEmpty() || rng.chance(VitalParts.COMPOSED)) ? composed
        : named);
    forms.put(slot, f.name());
    Map<String, String> v = new LinkedHashMap<>();
    VitalParts.draw(f, v, rng);
    switch (slot) {
      case "hr" -> v.put("v", written(c.heartRate(), numbers));
      case "rr" -> v.put("v", written(c.respiratoryRate(), numbers));
      case "spo2" -> v.put("v", written(c.spo2(), numbers));
      case "pain" -> v.put("v", written(c.pain(), numbers));
      case "temp" -> {
        v.put("t", String.format(Locale.ROOT, "%.1f", c.temperature()));
        v.put("f", String.format(Locale.ROOT, "%.1f", c.temperature() * 9 / 5 + 32));
      }
      default -> {
        v.put("sbp", written(c.systolic(), numbers));
        v.put("dbp", written(c.diastolic(), numbers));
        if (!f.template().slots().contains("dbp")) {
          c = c.without(Observation.DIASTOLIC);
        }
      }
    }
    out.add(VitalQualifiers.qualify(slot, f.template().render(v), rng));
    return c;
  }

  /** A whole value as the note's number style writes it. */
  private static String written(int value, String numbers) {
    return switch (numbers) {
      case "words" -> NumberWords.of(value);
      case "decimal" -> value + ".0";
      default -> String.valueOf(value);
    };
  }

  private static Observation observation(String slot) {
    return switch (slot) {
      case "hr" -> Observation.HEART_RATE;
      case "rr" -> Observation.RESPIRATORY_RATE;
      case "spo2" -> Observation.SPO2;
      case "temp" -> Observation.TEMPERATURE;
      default -> Observation.PAIN;
    };
  }

  private static String history(TriageCase c, FormPolicy policy, SeededRandom rng, Map<String, String> forms) {
    if (!c.recorded(Observation.HISTORY)) {
      forms.put("history", "omitted");
      return null;
    }
    if (c.history().isEmpty()) {
      forms.put("history", "none");
      return rng.pick(NoteVocabulary.NO_HISTORY);
    }
    List<String> items = c.history().stream().map(h -> rng.pick(NoteVocabulary.HISTORY_WORDS.get(h))).toList();
    Map<String, String> v = Map.of("history", String.join(", ", items));
    return render("history", policy, rng, v, forms);
  }

  /** The vital signs as a list ("Obs: HR 88, BP 120/80"), a charted block (one per line) or prose. */
  private static String vitalsBlock(List<String> items, SeededRandom rng) {
    return switch (rng.nextInt(4)) {
      case 0, 1 -> rng.pick(NoteVocabulary.VITALS_PREFIXES) + join(items, ", ", rng);
      case 2 -> rng.pick("Obs:\n", "Vitals\n", "") + String.join(rng.pick("\n", " | "), items);
      default -> {
        StringBuilder sb = new StringBuilder(items.get(0));
        for (int i = 1; i < items.size(); i++) {
          sb.append(i == items.size() - 1 ? " and " : rng.pick(", ", "; ", ", ")).append(items.get(i));
        }
        yield sb.toString();
      }
    };
  }

  private static String join(List<String> items, String sep, SeededRandom rng) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < items.size(); i++) {
      if (i > 0) {
        sb.append(rng.chance(DROPPED_PUNCTUATION) ? " " : sep);
      }
      sb.append(items.get(i));
    }
    return sb.toString();
  }

  private static String join(List<String> sentences, SeededRandom rng) {
    boolean lines = rng.chance(LINE_PER_SENTENCE);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < sentences.size(); i++) {
      String s = sentences.get(i);
      sb.append(Character.toUpperCase(s.charAt(0))).append(s.substring(1));
      boolean last = i == sentences.size() - 1;
      if (!rng.chance(DROPPED_PUNCTUATION) && !s.endsWith(")")) {
        sb.append('.');
      }
      if (!last) {
        sb.append(lines ? "\n" : " ");
      }
    }
    return sb.toString();
  }

  /** One to three typos in a quarter of the notes, each in a different word of five letters or more. */
  private static String typos(String note, SeededRandom rng) {
    if (!rng.chance(WITH_TYPOS)) {
      return note;
    }
    List<int[]> words = new ArrayList<>(Spelling.words(note).stream()
        .filter(w -> w[1] - w[0] >= Spelling.MIN_LENGTH).toList());
    rng.shuffle(words);
    int want = 1 + rng.nextInt(3);
    List<int[]> chosen = new ArrayList<>();
    List<String> typos = new ArrayList<>();
    for (int[] w : words) {
      if (chosen.size() == want) {
        break;
      }
      String t = Spelling.typo(note.substring(w[0], w[1]), rng);
      if (t != null) {
        chosen.add(w);
        typos.add(t);
      }
    }
    StringBuilder sb = new StringBuilder(note);
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < chosen.size(); i++) {
      order.add(i);
    }
    order.sort((a, b) -> Integer.compare(chosen.get(b)[0], chosen.get(a)[0]));
    for (int i : order) {
      sb.replace(chosen.get(i)[0], chosen.get(i)[1], typos.get(i));
    }
    return sb.toString();
  }

  private static int pickIndex(double[] weights, SeededRandom rng) {
    double u = rng.nextDouble();
    double acc = 0;
    for (int i = 0; i < weights.length; i++) {
      acc += weights[i];
      if (u < acc) {
        return i;
      }
    }
    return weights.length - 1;
  }
}
