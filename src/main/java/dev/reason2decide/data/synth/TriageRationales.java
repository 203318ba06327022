// Writes the rationale of a synthetic triage decision: the deciding findings, worded in several ways.
package dev.reason2decide.data.synth;

import static dev.reason2decide.data.synth.TriageGrammar.capitalise;
import static dev.reason2decide.data.synth.TriageGrammar.join;

import dev.reason2decide.data.SeededRandom;
import dev.reason2decide.data.synth.TriageRules.Assessment;
import dev.reason2decide.data.synth.TriageRules.Finding;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders an {@link Assessment} as a 15 to 40 word rationale naming the findings that decided it, with the
 * templates of {@link TriageGrammar}: grammar 1 uses the first templates only, grammar 2 all of them. A rationale
 * cites only what the note records: the rules fire only on recorded findings, and a level-3 to 5 rationale lists
 * only recorded vital signs (and says "alert" only when the mental status is recorded).
 */
final class TriageRationales {
  private TriageRationales() {}

  static String write(TriageCase c, Assessment a, SeededRandom rng) {
    return write(c, a, rng, 1);
  }

  static String write(TriageCase c, Assessment a, SeededRandom rng, int grammar) {
    return switch (a.level()) {
      case 1, 2 -> byFindings(c, a, rng, grammar);
      default -> byResources(c, a, rng, grammar);
    };
  }

  private static String byFindings(TriageCase c, Assessment a, SeededRandom rng, int grammar) {
    String f = join(a.findings().stream().map(x -> finding(x, c, rng, grammar)).toList());
    boolean one = a.findings().size() == 1;
    Map<String, String> v = new HashMap<>();
    v.put("Findings", capitalise(f));
    v.put("findings", f);
    v.put("level", String.valueOf(a.level()));
    v.put("levelNumber", String.valueOf(a.level()));
    List<SlotTemplate> templates;
    if (a.level() == 1) {
      v.put("verb", TriageGrammar.LEVEL1_VERB.get(one ? 0 : 1));
      templates = TriageGrammar.LEVEL1;
    } else {
      v.put("verb", TriageGrammar.LEVEL2_VERB.get(one ? 0 : 1));
      v.put("findingsAre", TriageGrammar.LEVEL2_FINDINGS_ARE.get(one ? 0 : 1));
      templates = TriageGrammar.LEVEL2;
    }
    int n = grammar == 1 ? TriageGrammar.GRAMMAR1_LEVEL : templates.size();
    return templates.get(rng.nextInt(n)).render(v);
  }

  private static String byResources(TriageCase c, Assessment a, SeededRandom rng, int grammar) {
    Map<String, String> v = new HashMap<>();
    v.put("hr", String.valueOf(c.heartRate()));
    v.put("rr", String.valueOf(c.respiratoryRate()));
    v.put("spo2", String.valueOf(c.spo2()));
    v.put("sbp", String.valueOf(c.systolic()));
    v.put("dbp", String.valueOf(c.diastolic()));
    v.put("pain", String.valueOf(c.pain()));
    String stable = grammar == 1 ? rng.pick(TriageGrammar.STABLE.subList(0, TriageGrammar.GRAMMAR1_STABLE)).render(v)
        : stable(c, v, rng);
    v.put("What", capitalise(c.complaint().name()));
    v.put("anticoagulant", c.anticoagulated() && c.recorded(Observation.HISTORY)
        && !c.complaint().anticoagulatedResources().isEmpty() ? TriageGrammar.ON_ANTICOAGULANT : "");
    List<String> r = a.resources();
    v.put("resources", r.isEmpty() ? "" : join(r));
    v.put("count", String.valueOf(r.size()));
    v.put("level", String.valueOf(a.level()));
    List<SlotTemplate> templates = TriageGrammar.resources(a.level(), grammar);
    SlotTemplate t = templates.size() == 1 ? templates.get(0) : rng.pick(templates);
    return stable + " " + t.render(v);
  }

  /** A stable sentence citing only recorded findings: any template of {@link TriageGrammar#STABLE} that can. */
  private static String stable(TriageCase c, Map<String, String> v, SeededRandom rng) {
    boolean alert = c.recorded(Observation.MENTAL_STATUS);
    boolean hr = c.recorded(Observation.HEART_RATE);
    boolean sbp = c.recorded(Observation.SYSTOLIC);
    boolean dbp = c.recorded(Observation.DIASTOLIC);
    boolean rr = c.recorded(Observation.RESPIRATORY_RATE);
    boolean spo2 = c.recorded(Observation.SPO2);
    boolean pain = c.recorded(Observation.PAIN);
    List<String> citations = new ArrayList<>();
    for (String key : List.of("hr", "sbp+dbp", "sbp", "rr", "spo2", "pain")) {
      boolean ok = switch (key) {
        case "hr" -> hr;
        case "sbp+dbp" -> sbp && dbp;
        case "sbp" -> sbp && !dbp;
        case "rr" -> rr;
        case "spo2" -> spo2;
        default -> pain;
      };
      if (ok) {
        citations.add(key);
      }
    }
    List<Integer> fit = new ArrayList<>();
    boolean[] can = {alert && hr && rr && spo2, alert && hr && sbp && dbp && spo2 && pain, spo2 && hr,
        alert && !citations.isEmpty(), !citations.isEmpty(), !citations.isEmpty(), true, alert};
    for (int i = 0; i < can.length; i++) {
      if (can[i]) {
        fit.add(i);
      }
    }
    int t = rng.pick(fit);
    if (!TriageGrammar.STABLE.get(t).slots().contains("vitals")) {
      return TriageGrammar.STABLE.get(t).render(v);
    }
    rng.shuffle(citations);
    List<String> chosen = new ArrayList<>(citations.subList(0, Math.min(citations.size(), 2 + rng.nextInt(3))));
    List<String> order = List.of("hr", "sbp+dbp", "sbp", "rr", "spo2", "pain");
    chosen.sort((a, b) -> Integer.compare(order.indexOf(a), order.indexOf(b)));
    List<String> items = chosen.stream().map(k -> rng.pick(TriageGrammar.VITAL_CITATIONS.get(k)).render(v)).toList();
    Map<String, String> w = new HashMap<>(v);
    w.put("vitals", join(items));
    return TriageGrammar.STABLE.get(t).render(w);
  }

  private static String finding(Finding f, TriageCase c, SeededRandom rng, int grammar) {
    List<SlotTemplate> wordings = TriageGrammar.FINDINGS.get(f.kind());
    if (grammar == 1) {
      wordings = wordings.subList(0, TriageGrammar.grammar1Wordings(f.kind()));
    }
    SlotTemplate t = wordings.size() == 1 ? wordings.get(0) : rng.pick(wordings);
    Map<String, String> v = new HashMap<>();
    v.put("v", String.valueOf(f.value()));
    if (f.kind() == TriageRules.Kind.HIGH_RISK_COMPLAINT) {
      v.put("complaint", c.complaint().name());
      v.put("reason", c.complaint().riskReason());
    }
    return t.render(v);
  }
}
