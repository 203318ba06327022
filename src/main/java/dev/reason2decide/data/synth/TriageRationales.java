// Writes the rationale of a synthetic triage decision: the deciding findings, worded in several ways.
package dev.reason2decide.data.synth;

import static dev.reason2decide.data.synth.TriageGrammar.capitalise;
import static dev.reason2decide.data.synth.TriageGrammar.join;

import dev.reason2decide.data.SeededRandom;
import dev.reason2decide.data.synth.TriageRules.Assessment;
import dev.reason2decide.data.synth.TriageRules.Finding;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders an {@link Assessment} as a 15 to 40 word rationale naming the findings that decided it, with the
 * templates of {@link TriageGrammar}.
 */
final class TriageRationales {
  private TriageRationales() {}

  static String write(TriageCase c, Assessment a, SeededRandom rng) {
    return switch (a.level()) {
      case 1, 2 -> byFindings(c, a, rng);
      default -> byResources(c, a, rng);
    };
  }

  private static String byFindings(TriageCase c, Assessment a, SeededRandom rng) {
    String f = join(a.findings().stream().map(x -> finding(x, c, rng)).toList());
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
    return templates.get(rng.nextInt(templates.size())).render(v);
  }

  private static String byResources(TriageCase c, Assessment a, SeededRandom rng) {
    Map<String, String> v = new HashMap<>();
    v.put("hr", String.valueOf(c.heartRate()));
    v.put("rr", String.valueOf(c.respiratoryRate()));
    v.put("spo2", String.valueOf(c.spo2()));
    v.put("sbp", String.valueOf(c.systolic()));
    v.put("dbp", String.valueOf(c.diastolic()));
    v.put("pain", String.valueOf(c.pain()));
    String stable = rng.pick(TriageGrammar.STABLE).render(v);
    v.put("What", capitalise(c.complaint().name()));
    v.put("anticoagulant", c.anticoagulated() && !c.complaint().anticoagulatedResources().isEmpty()
        ? TriageGrammar.ON_ANTICOAGULANT : "");
    List<String> r = a.resources();
    v.put("resources", r.isEmpty() ? "" : join(r));
    v.put("count", String.valueOf(r.size()));
    v.put("level", String.valueOf(a.level()));
    List<SlotTemplate> templates = TriageGrammar.RESOURCES.get(a.level() - 3);
    SlotTemplate t = templates.size() == 1 ? templates.get(0) : rng.pick(templates);
    return stable + " " + t.render(v);
  }

  private static String finding(Finding f, TriageCase c, SeededRandom rng) {
    List<SlotTemplate> wordings = TriageGrammar.FINDINGS.get(f.kind());
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
