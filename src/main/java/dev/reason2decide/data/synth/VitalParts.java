// The parts a vital sign is built from when written freely: a name, a separator, the value and a unit, drawn apart.
package dev.reason2decide.data.synth;

import dev.reason2decide.data.SeededRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The composed forms of {@link NoteForms} ({@code hr:composed}, {@code spo2:unit-only}, …) have part slots instead of
 * fixed words: {@code {hrName}{sep}{v}{hrUnit}}. Each part slot draws from its list here independently, so a note
 * can write "pulse rate: 88 bpm", "H/R = 88/min" or "Sp02 97 % RA" — names and units combined in ways no fixed
 * template lists, which is what teaches a model to read a vital sign by its name <em>or</em> its unit. The parser
 * ({@code eval.triage.NoteScanner}) reads a part slot as any of its list ({@link #PARTS}); part slots carry no value.
 * A composed text that a named form of the same slot also writes is drawn again, so holding out a named form keeps
 * it out of training. The lists leave out the names of the shift suite's unseen phrasings ({@code UnseenPhrasing}),
 * so that measurement stays one of names never seen (a test checks every combination).
 */
public final class VitalParts {
  private VitalParts() {}

  /** How often a vital sign with a composed form allowed is written with one (else with a named form). */
  static final double COMPOSED = 0.45;
  /** How often a drawn name is written in another case than the note's (lower, upper or capitalised). */
  static final double NAME_CASE = 0.2;

  private static final List<String> SEPARATORS = List.of(" ", ": ", ":", " = ", "=", " - ", " is ", " at ", " was ");

  /** Every part slot and what it may be. */
  public static final Map<String, List<String>> PARTS = parts();

  private static Map<String, List<String>> parts() {
    Map<String, List<String>> m = new LinkedHashMap<>();
    m.put("sep", SEPARATORS);
    m.put("hrName", List.of("HR", "heart rate", "pulse", "P", "PR", "pulse rate", "radial pulse", "heart-rate", "H/R",
        "ventricular rate", "apex beat", "HRate"));
    m.put("hrUnit", List.of("", " bpm", "bpm", "/min", " /min", " per min", " per minute", " beats/min",
        " beats per minute", " b/min", " /minute", " beats/minute"));
    m.put("hrUnitOnly", List.of(" bpm", " beats/min", " beats per minute", "bpm", " b/min"));
    m.put("bpName", List.of("BP", "blood pressure", "NIBP", "B/P", "cuff BP", "BP (cuff)", "art BP", "bp reading"));
    m.put("bpJoin", List.of("/", " / ", " over ", "/ "));
    m.put("bpUnit", List.of("", " mmHg", "mmHg", " mm Hg", " mmhg"));
    m.put("sbpName", List.of("systolic", "SBP", "sys", "systolic BP", "systolic pressure", "sBP"));
    m.put("rrName", List.of("RR", "resp rate", "respiratory rate", "resps", "R", "resp", "resp. rate", "breathing rate",
        "respiration rate", "RespR", "RRate"));
    m.put("rrUnit", List.of("", "/min", " /min", " per min", " per minute", " breaths/min", " breaths per minute",
        " br/min", " bpm", " rpm", " breaths/minute"));
    m.put("rrUnitOnly", List.of(" breaths per minute", " br/min", " breaths/minute"));
    m.put("spo2Name", List.of("SpO2", "Sp02", "SaO2", "sats", "sat", "O2 sat", "O2 sats", "O2 saturation",
        "oxygen saturation", "oxygen sats", "pulse ox", "ox sat", "SpO2 (RA)", "saturating"));
    m.put("spo2Unit", List.of("", "%", " %", " percent", " pct", "% RA", " % RA", "% on RA", "% on room air",
        "% on air", "% room air", "% (RA)", "%RA", " per cent", "% in air"));
    m.put("spo2UnitOnly", List.of("% on room air", "% RA", "% on air", "%RA", "% on RA"));
    m.put("tempName", List.of("T", "temp", "temperature", "temp.", "tympanic temp", "oral temp", "tymp temp",
        "body temp", "temp (oral)", "temp (tymp)"));
    m.put("tempUnit", List.of("", " C", "C", " °C", "°C", " degrees", " degrees C", " deg C", " ºC", " celsius",
        " degC", " Celsius", "˚C"));
    m.put("tempUnitF", List.of("F", " F", " °F", "°F", " degrees F", " deg F", " fahrenheit", " Fahrenheit"));
    m.put("tempUnitOnly", List.of("°C", " °C", " degrees C", " deg C", "ºC", "˚C"));
    m.put("painName", List.of("pain", "pain score", "NRS", "pain scale", "pain rating", "pain severity", "pain (NRS)",
        "pain intensity", "NPS", "pain now", "numeric pain score"));
    m.put("painUnit", List.of("/10", " /10", " out of 10", " of 10", " out of ten", "", "/10 NRS", " / 10"));
    return java.util.Collections.unmodifiableMap(m);
  }

  /** Whether {@code slot} is a part slot (read, never a value). */
  public static boolean isPart(String slot) {
    return PARTS.containsKey(slot);
  }

  /** Every text a part can be; what the typo corrector's vocabulary takes from here. */
  static List<String> texts() {
    List<String> out = new ArrayList<>();
    PARTS.values().forEach(out::addAll);
    return out;
  }

  /** Whether {@code form} has part slots (it is composed). */
  public static boolean composed(NoteForm form) {
    return form.template().slots().stream().anyMatch(VitalParts::isPart);
  }

  /**
   * Draws every part slot of {@code form} into {@code values}, again while the result reads as a named form of the
   * slot (the value slots left as they are).
   */
  static void draw(NoteForm form, Map<String, String> values, SeededRandom rng) {
    if (!composed(form)) {
      return;
    }
    for (int attempt = 0; ; attempt++) {
      Map<String, String> parts = new LinkedHashMap<>();
      for (String s : form.template().slots()) {
        if (isPart(s)) {
          String p = rng.pick(PARTS.get(s));
          if (s.endsWith("Name") && rng.chance(NAME_CASE)) {
            p = switch (rng.nextInt(3)) {
              case 0 -> p.toLowerCase(Locale.ROOT);
              case 1 -> p.toUpperCase(Locale.ROOT);
              default -> p.isEmpty() ? p : Character.toUpperCase(p.charAt(0)) + p.substring(1).toLowerCase(Locale.ROOT);
            };
          }
          parts.put(s, p);
        }
      }
      String text = shape(form, parts);
      boolean named = NoteForms.of(form.slot()).stream()
          .anyMatch(f -> !composed(f) && f.template().text().equalsIgnoreCase(text));
      if (!named || attempt >= 100) {
        values.putAll(parts);
        return;
      }
    }
  }

  /** Every text {@code form} can write, its value slots left as {@code {v}} and so on (for tests). */
  static List<String> shapes(NoteForm form) {
    List<Map<String, String>> choices = new ArrayList<>(List.of(Map.of()));
    for (String s : form.template().slots()) {
      if (isPart(s)) {
        List<Map<String, String>> next = new ArrayList<>();
        for (Map<String, String> chosen : choices) {
          for (String p : PARTS.get(s)) {
            Map<String, String> m = new LinkedHashMap<>(chosen);
            m.put(s, p);
            next.add(m);
          }
        }
        choices = next;
      }
    }
    return choices.stream().map(parts -> shape(form, parts)).toList();
  }

  /** {@code form}'s text with {@code parts} filled in and its value slots left as they are ({@code {v}}, …). */
  private static String shape(NoteForm form, Map<String, String> parts) {
    Map<String, String> v = new LinkedHashMap<>();
    form.template().slots().forEach(s -> v.put(s, parts.getOrDefault(s, "{" + s + "}")));
    return form.template().render(v);
  }
}
