// Sentences that carry no finding, composed from parts: who came, social history, allergies, times and counts.
package dev.reason2decide.data.synth;

import dev.reason2decide.data.SeededRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Beside the fixed {@link NoteVocabulary#NO_FINDING} sentences, grammar 2 writes sentences built from a template and
 * parts drawn apart ("Grandson waiting outside", "Smokes 15 a day", "Arrived at 14:05", "Weight 72 kg"), many with
 * numbers that are no vital sign, so that a model learns to pass over what decides nothing, numbers included. No
 * part is a complaint, mental-status, history or onset wording (the parser would read it), nor one of the shift
 * suite's added sentences ({@code TextRewrites.NEUTRAL}; a test checks both).
 */
public final class NoFindingSentences {
  private NoFindingSentences() {}

  /** The templates; {@code {n}} a count, {@code {time}} a clock time, the other slots {@link #PARTS}. */
  static final List<SlotTemplate> TEMPLATES = List.of(new SlotTemplate("{relation} {where}"),
      new SlotTemplate("accompanied by {relation}"), new SlotTemplate("brought in by {relation}"),
      new SlotTemplate("came in with {relation}"), new SlotTemplate("lives {living}"),
      new SlotTemplate("works as a {job}"), new SlotTemplate("allergic to {drug}"),
      new SlotTemplate("smokes {n} a day"), new SlotTemplate("drinks {n} units a week"),
      new SlotTemplate("last ate at {time}"), new SlotTemplate("arrived at {time}"),
      new SlotTemplate("has {n} children"), new SlotTemplate("weight {n} kg"), new SlotTemplate("bed {n}"),
      new SlotTemplate("seen at {time}"), new SlotTemplate("{n} previous attendances this year"),
      new SlotTemplate("{relation} to be called on {phone}"));

  /** The parts, by slot. */
  static final Map<String, List<String>> PARTS = Map.of(
      "relation", List.of("daughter", "son", "wife", "husband", "partner", "mother", "father", "friend", "neighbour",
          "carer", "sister", "brother", "grandson", "granddaughter", "flatmate"),
      "where", List.of("at the bedside", "waiting outside", "in the waiting room", "on the way", "present",
          "has gone to park the car"),
      "living", List.of("alone", "with partner", "with family", "in a care home", "in sheltered housing",
          "independently", "with her son", "with his daughter"),
      "job", List.of("teacher", "builder", "driver", "chef", "cleaner", "accountant", "farmer", "shop assistant",
          "postman", "hairdresser"),
      "drug", List.of("penicillin", "codeine", "latex", "plasters", "sulfa drugs", "peanuts", "morphine",
          "trimethoprim"));

  /** One sentence, its first letter as drawn (the note capitalises it). */
  static String draw(SeededRandom rng) {
    SlotTemplate t = rng.pick(TEMPLATES);
    boolean weight = t.text().startsWith("weight"); // 41 to 160 kg; other counts 1 to 30
    Map<String, String> v = new HashMap<>();
    for (String slot : t.slots()) {
      v.put(slot, switch (slot) {
        case "n" -> String.valueOf(weight ? 41 + rng.nextInt(120) : 1 + rng.nextInt(30));
        case "time" -> String.format(Locale.ROOT, "%02d:%02d", rng.nextInt(24), 5 * rng.nextInt(12));
        case "phone" -> "07" + (100000000 + rng.nextInt(900000000));
        default -> rng.pick(PARTS.get(slot));
      });
    }
    return t.render(v);
  }

  /** Every word the templates and parts can write (the typo corrector's vocabulary takes them). */
  static List<String> texts() {
    List<String> out = new ArrayList<>();
    TEMPLATES.forEach(t -> out.add(t.text().replaceAll("\\{[a-z]+}", " ")));
    PARTS.values().forEach(out::addAll);
    return out;
  }

  /** A reader finding any such sentence in a note (case-insensitive; for tests and counts). */
  static Pattern reader() {
    Map<String, String> p = new HashMap<>();
    PARTS.forEach((slot, texts) -> p.put(slot, SlotTemplate.anyOf(texts)));
    p.put("n", "\\d+");
    p.put("time", "\\d{2}:\\d{2}");
    p.put("phone", "\\d{11}");
    List<String> alternatives = TEMPLATES.stream()
        .map(t -> t.reader(p).pattern().replaceAll("\\(\\?<[a-z]+>", "(?:")).toList(); // slots repeat
    return Pattern.compile("(?:" + String.join("|", alternatives) + ")", Pattern.CASE_INSENSITIVE);
  }
}
