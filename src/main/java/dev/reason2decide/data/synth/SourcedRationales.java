// Writes a triage rationale in a nurse's or an LLM's wording, and plants one error in a set share (llm-noisy).
package dev.reason2decide.data.synth;

import static dev.reason2decide.data.synth.TriageGrammar.capitalise;

import dev.reason2decide.data.SeededRandom;
import dev.reason2decide.data.synth.TriageRules.Assessment;
import dev.reason2decide.data.synth.TriageRules.Finding;
import dev.reason2decide.data.synth.TriageRules.Kind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders an {@link Assessment} with a {@link RationaleWording}. The stated level is always the assessment's (the
 * gold level), and only recorded findings are cited. A nurse names the first deciding finding and keeps each other
 * one with probability 1/2. The wording is drawn from {@code rng}; whether and how an error is planted from
 * {@code noise} alone, so an llm-noisy rationale without a planted error is the llm one, word for word.
 */
public final class SourcedRationales {
  private SourcedRationales() {}

  /** The error planted in an llm-noisy rationale; each fails exactly one of the exact checks. */
  public enum Planted {
    /** One value copied from the note is off by 1 to 3, on the same side of every threshold: not grounded. */
    VALUE_WRONG,
    /** A recorded finding that did not decide the level is given as a reason: not rule-correct. */
    NON_DECIDING_FINDING
  }

  /** A rationale and the error planted in it (null: none). */
  public record Written(String rationale, Planted planted) {}

  /** The value slots of a case, with the observation each needs recorded. */
  private static final Map<String, Observation> SLOTS = Map.of("hr", Observation.HEART_RATE, "sbp",
      Observation.SYSTOLIC, "dbp", Observation.DIASTOLIC, "rr", Observation.RESPIRATORY_RATE, "spo2",
      Observation.SPO2, "pain", Observation.PAIN);
  private static final List<String> CITATION_ORDER = List.of("hr", "sbp+dbp", "sbp", "rr", "spo2", "pain");
  /** The kind whose first (neutral) wording presents each value slot as a deciding finding. */
  private static final Map<String, Kind> NEUTRAL = Map.of("hr", Kind.TACHYCARDIA, "rr", Kind.TACHYPNOEA, "spo2",
      Kind.LOW_SPO2, "sbp", Kind.LOW_SYSTOLIC, "pain", Kind.SEVERE_PAIN);

  /**
   * The rationale of {@code a} for {@code c} from {@code source} (not rules); for llm-noisy, with probability
   * {@code noiseRate} one planted error (none when the rationale has no room for either kind, which is rare).
   */
  public static Written write(TriageCase c, Assessment a, RationaleSource source, double noiseRate,
      SeededRandom rng, SeededRandom noise) {
    RationaleWording w = source.wording();
    if (w == null) {
      throw new IllegalArgumentException("the rules' rationales are written by TriageRationales");
    }
    Planted plant = null;
    if (source == RationaleSource.LLM_NOISY && noise.chance(noiseRate)) {
      plant = noise.chance(0.5) ? Planted.VALUE_WRONG : Planted.NON_DECIDING_FINDING;
    }
    Draft d = a.level() <= 2 ? byFindings(c, a, w, source == RationaleSource.NURSE, rng) : byResources(c, a, w, rng);
    if (plant != null && !d.plant(plant, c, a, noise)) {
      plant = plant == Planted.VALUE_WRONG ? Planted.NON_DECIDING_FINDING : Planted.VALUE_WRONG;
      if (!d.plant(plant, c, a, noise)) {
        plant = null;
      }
    }
    return new Written(d.render(c, a), plant);
  }

  /** A reason as it will be written: its kind, value and wording. */
  private record Reason(Kind kind, int value, SlotTemplate wording) {}

  /** The choices of one rationale, before rendering, so that a planted error can change one of them. */
  private static final class Draft {
    final RationaleWording w;
    final Map<String, String> values = new HashMap<>();
    final List<Reason> reasons = new ArrayList<>();
    SlotTemplate sentence;
    SlotTemplate stable;
    final List<SlotTemplate> cited = new ArrayList<>();

    Draft(RationaleWording w, TriageCase c) {
      this.w = w;
      values.put("hr", String.valueOf(c.heartRate()));
      values.put("rr", String.valueOf(c.respiratoryRate()));
      values.put("spo2", String.valueOf(c.spo2()));
      values.put("sbp", String.valueOf(c.systolic()));
      values.put("dbp", String.valueOf(c.diastolic()));
      values.put("pain", String.valueOf(c.pain()));
    }

    /** Applies {@code p}; false when this rationale has nothing it could change. */
    boolean plant(Planted p, TriageCase c, Assessment a, SeededRandom noise) {
      if (p == Planted.VALUE_WRONG) {
        List<Object> targets = new ArrayList<>();
        reasons.stream().filter(r -> slotOf(r.kind()) != null).forEach(targets::add);
        for (String slot : List.of("hr", "sbp", "dbp", "rr", "spo2", "pain")) {
          if (writtenSlots().contains(slot)) {
            targets.add(slot);
          }
        }
        if (targets.isEmpty()) {
          return false;
        }
        Object t = noise.pick(targets);
        if (t instanceof Reason r) {
          reasons.set(reasons.indexOf(r), new Reason(r.kind(), shifted(slotOf(r.kind()), r.value(), noise),
              r.wording()));
        } else {
          String slot = (String) t;
          values.put(slot, String.valueOf(shifted(slot, Integer.parseInt(values.get(slot)), noise)));
        }
        return true;
      }
      List<String> decided = a.findings().stream().map(f -> slotOf(f.kind())).toList();
      List<String> free = new ArrayList<>();
      for (String slot : List.of("hr", "rr", "spo2", "sbp", "pain")) {
        if (c.recorded(SLOTS.get(slot)) && !decided.contains(slot)) {
          free.add(slot);
        }
      }
      SlotTemplate carrier = w.stable().stream().filter(s -> s.slots().contains("findings")).findFirst().orElse(null);
      if (free.isEmpty() || (a.level() > 2 && carrier == null)) {
        return false;
      }
      String slot = noise.pick(free);
      Kind k = NEUTRAL.get(slot);
      Reason extra = new Reason(k, Integer.parseInt(values.get(slot)), w.findings().get(k).get(0));
      if (a.level() > 2) {
        stable = carrier;
        cited.clear();
        reasons.clear();
      }
      reasons.add(extra);
      return true;
    }

    /** The value slots the rendered text will contain (a restated list's or the stable sentence's own). */
    List<String> writtenSlots() {
      List<String> out = new ArrayList<>();
      cited.forEach(t -> out.addAll(t.slots()));
      if (stable != null) {
        out.addAll(stable.slots());
      }
      out.retainAll(SLOTS.keySet());
      return out;
    }

    String render(TriageCase c, Assessment a) {
      Map<String, String> v = new HashMap<>(values);
      if (!cited.isEmpty()) {
        v.put("vitals", w.join(cited.stream().map(t -> t.render(values)).toList()));
      }
      if (!reasons.isEmpty()) {
        String f = w.join(reasons.stream().map(r -> finding(r, c)).toList());
        v.put("findings", f);
        v.put("Findings", capitalise(f));
      }
      v.put("level", String.valueOf(a.level()));
      if (a.level() <= 2) {
        return sentence.render(v);
      }
      v.put("What", capitalise(c.complaint().name()));
      v.put("anticoagulant", c.anticoagulated() && c.recorded(Observation.HISTORY)
          && !c.complaint().anticoagulatedResources().isEmpty() ? w.onAnticoagulant() : "");
      v.put("resources", a.resources().isEmpty() ? "" : w.join(a.resources()));
      v.put("count", String.valueOf(a.resources().size()));
      return stable.render(v) + " " + sentence.render(v);
    }
  }

  private static Draft byFindings(TriageCase c, Assessment a, RationaleWording w, boolean terse, SeededRandom rng) {
    Draft d = new Draft(w, c);
    for (int i = 0; i < a.findings().size(); i++) {
      Finding f = a.findings().get(i);
      if (i == 0 || !terse || rng.chance(0.5)) {
        d.reasons.add(new Reason(f.kind(), f.value(), rng.pick(w.findings().get(f.kind()))));
      }
    }
    List<String> citable = citable(c);
    List<SlotTemplate> fit = (a.level() == 1 ? w.level1() : w.level2()).stream()
        .filter(t -> !t.slots().contains("vitals") || !citable.isEmpty()).toList();
    d.sentence = rng.pick(fit);
    if (d.sentence.slots().contains("vitals")) {
      d.cited.addAll(citations(citable, w, rng));
    }
    return d;
  }

  private static Draft byResources(TriageCase c, Assessment a, RationaleWording w, SeededRandom rng) {
    Draft d = new Draft(w, c);
    List<String> citable = citable(c);
    List<SlotTemplate> fit = new ArrayList<>();
    for (int i = 0; i < w.stable().size(); i++) {
      SlotTemplate t = w.stable().get(i);
      boolean ok = !t.slots().contains("findings")
          && (!t.slots().contains("vitals") || !citable.isEmpty())
          && (!w.stableSaysAlert().contains(i) || c.recorded(Observation.MENTAL_STATUS))
          && t.slots().stream().filter(SLOTS::containsKey).allMatch(s -> c.recorded(SLOTS.get(s)));
      if (ok) {
        fit.add(t);
      }
    }
    d.stable = rng.pick(fit);
    if (d.stable.slots().contains("vitals")) {
      d.cited.addAll(citations(citable, w, rng));
    }
    d.sentence = rng.pick(w.resources().get(a.level() - 3));
    return d;
  }

  /** The vital-sign citations the note allows, in {@link #CITATION_ORDER}. */
  private static List<String> citable(TriageCase c) {
    List<String> out = new ArrayList<>();
    for (String key : CITATION_ORDER) {
      boolean ok = switch (key) {
        case "sbp+dbp" -> c.recorded(Observation.SYSTOLIC) && c.recorded(Observation.DIASTOLIC);
        case "sbp" -> c.recorded(Observation.SYSTOLIC) && !c.recorded(Observation.DIASTOLIC);
        default -> c.recorded(SLOTS.get(key));
      };
      if (ok) {
        out.add(key);
      }
    }
    return out;
  }

  /** Two to four of {@code citable}, in order, each in one of the source's wordings. */
  private static List<SlotTemplate> citations(List<String> citable, RationaleWording w, SeededRandom rng) {
    List<String> keys = new ArrayList<>(citable);
    rng.shuffle(keys);
    List<String> chosen = new ArrayList<>(keys.subList(0, Math.min(keys.size(), 2 + rng.nextInt(3))));
    chosen.sort((x, y) -> Integer.compare(CITATION_ORDER.indexOf(x), CITATION_ORDER.indexOf(y)));
    return chosen.stream().map(k -> rng.pick(w.vitalCitations().get(k))).toList();
  }

  private static String finding(Reason r, TriageCase c) {
    Map<String, String> v = new HashMap<>();
    v.put("v", String.valueOf(r.value()));
    if (r.kind() == Kind.HIGH_RISK_COMPLAINT) {
      v.put("complaint", c.complaint().name());
      v.put("reason", c.complaint().riskReason());
    }
    return r.wording().render(v);
  }

  /** The value slot a finding of {@code kind} states, or null (unresponsive, confusion, a complaint). */
  static String slotOf(Kind kind) {
    return switch (kind) {
      case CRITICAL_SPO2, LOW_SPO2 -> "spo2";
      case CRITICAL_SYSTOLIC, LOW_SYSTOLIC -> "sbp";
      case CRITICAL_HEART_RATE, TACHYCARDIA -> "hr";
      case TACHYPNOEA -> "rr";
      case SEVERE_PAIN -> "pain";
      default -> null;
    };
  }

  /** {@code v} moved by 1 to 3, staying a valid value on the same side of every threshold of {@link TriageRules}. */
  static int shifted(String slot, int v, SeededRandom noise) {
    List<Integer> steps = new ArrayList<>(List.of(1, 2, 3, -1, -2, -3));
    noise.shuffle(steps);
    for (int s : steps) {
      int n = v + s;
      boolean valid = n >= (slot.equals("pain") ? 0 : 1) && (!slot.equals("spo2") || n <= 100)
          && (!slot.equals("pain") || n <= 10);
      if (valid && band(slot, n) == band(slot, v)) {
        return n;
      }
    }
    throw new IllegalStateException("no value near " + v + " for " + slot);
  }

  private static int band(String slot, int v) {
    return switch (slot) {
      case "hr" -> v < TriageRules.CRITICAL_HEART_RATE ? 0 : v > TriageRules.DANGER_HEART_RATE ? 2 : 1;
      case "sbp" -> v < TriageRules.CRITICAL_SYSTOLIC ? 0 : v < TriageRules.DANGER_SYSTOLIC ? 1 : 2;
      case "spo2" -> v < TriageRules.CRITICAL_SPO2 ? 0 : v < TriageRules.DANGER_SPO2 ? 1 : 2;
      case "rr" -> v > TriageRules.DANGER_RESPIRATORY_RATE ? 1 : 0;
      case "pain" -> v >= TriageRules.SEVERE_PAIN ? 1 : 0;
      default -> 0;
    };
  }
}
