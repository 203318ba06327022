// Rule correctness: do the reasons a rationale gives decide the level it states, under the generator's own rules?
package dev.reason2decide.eval.triage;

import dev.reason2decide.data.synth.Complaint;
import dev.reason2decide.data.synth.MentalStatus;
import dev.reason2decide.data.synth.TriageCase;
import dev.reason2decide.data.synth.TriageGrammar;
import dev.reason2decide.data.synth.TriageRules;
import dev.reason2decide.data.synth.TriageRules.Assessment;
import dev.reason2decide.data.synth.TriageRules.Kind;
import dev.reason2decide.eval.triage.ParsedRationale.Reason;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Applies {@link TriageRules#assess} to what the rationale claims: a case with safe vital signs and a complaint that
 * needs nothing, changed by each finding the rationale states. The reasons are correct when that case gets the
 * stated level and its deciding findings (levels 1 and 2: kinds, as {@link TriageRules} names them; levels 3 to 5:
 * the resources of the named complaint, anticoagulant included, and no finding given as a reason) are exactly the
 * reasons given; a high-risk complaint named without its reason (a nurse's) counts. So "heart rate 118
 * (below 40)", SpO2 80% given for ESI-2, ankle X-ray for a wrist injury, or a stable sentence quoting a danger-zone
 * value all fail. Whether the claims are true of the note is {@link TriageCheck}'s grounding check, not this one.
 */
public final class RuleCheck {
  /** Safe values: inside every threshold of {@link TriageRules}. */
  static final int SAFE_HR = 80;
  static final int SAFE_SBP = 120;
  static final int SAFE_DBP = 80;
  static final int SAFE_RR = 16;
  static final int SAFE_SPO2 = 98;

  private RuleCheck() {}

  /** True when the rationale's reasons decide its stated level under the rules. */
  public static boolean correct(ParsedRationale r) {
    if (r == null || r.level() == 0) {
      return false;
    }
    return r.level() <= 2 ? byFindings(r) : byResources(r);
  }

  private static boolean byFindings(ParsedRationale r) {
    if (r.reasons().isEmpty()) {
      return false;
    }
    Claims c = new Claims();
    Set<Kind> given = new HashSet<>();
    for (Reason x : r.reasons()) {
      given.add(x.kind());
      switch (x.kind()) {
        case UNRESPONSIVE -> c.mental = MentalStatus.UNRESPONSIVE;
        case CONFUSION -> c.mental = MentalStatus.CONFUSED;
        case CRITICAL_SPO2, LOW_SPO2 -> c.spo2 = x.value();
        case CRITICAL_SYSTOLIC, LOW_SYSTOLIC -> c.sbp = x.value();
        case CRITICAL_HEART_RATE, TACHYCARDIA -> c.hr = x.value();
        case TACHYPNOEA -> c.rr = x.value();
        case SEVERE_PAIN -> c.pain = x.value();
        case HIGH_RISK_COMPLAINT -> {
          Complaint named = TriageGrammar.complaintNamed(x.complaint());
          if (named == null || !named.highRisk()
              || (x.riskReason() != null && !named.riskReason().equals(x.riskReason()))) { // a nurse gives none
            return false;
          }
          c.complaint = named;
        }
        default -> throw new IllegalStateException("unhandled finding " + x.kind());
      }
    }
    if (given.size() != r.reasons().size()) {
      return false; // the same kind twice: two values for one finding
    }
    Assessment a = TriageRules.assess(c.toCase());
    Set<Kind> deciding = new HashSet<>();
    a.findings().forEach(f -> deciding.add(f.kind()));
    return a.level() == r.level() && deciding.equals(given);
  }

  private static boolean byResources(ParsedRationale r) {
    Complaint named = TriageGrammar.complaintNamed(r.complaint());
    if (!r.reasons().isEmpty()) {
      return false; // a finding given as deciding a level 3 to 5: none does, resources decide
    }
    if (named == null || named.highRisk()) {
      return false; // a collapse with an alert patient and safe vital signs is ESI-5 under the rules: no resources
    }
    Claims c = new Claims();
    c.complaint = named;
    c.anticoagulated = r.anticoagulant();
    for (CitedFinding f : r.cited()) {
      int v = f.fact() == Fact.MENTAL_STATUS || f.fact() == Fact.COMPLAINT || f.fact() == Fact.ANTICOAGULANT ? 0
          : Integer.parseInt(f.value());
      switch (f.fact()) {
        case HEART_RATE -> c.hr = v;
        case SYSTOLIC -> c.sbp = v;
        case DIASTOLIC -> c.dbp = v;
        case RESPIRATORY_RATE -> c.rr = v;
        case SPO2 -> c.spo2 = v;
        case PAIN -> c.pain = v;
        default -> { } // mental status "alert", the complaint and the anticoagulant are set above
      }
    }
    Assessment a = TriageRules.assess(c.toCase());
    boolean countRight = r.resourceCount() == null || r.resourceCount() == r.resources().size();
    return a.level() == r.level() && a.resources().equals(r.resources()) && countRight;
  }

  /** The case a rationale describes: safe unless it says otherwise. */
  private static final class Claims {
    int hr = SAFE_HR;
    int sbp = SAFE_SBP;
    int dbp = SAFE_DBP;
    int rr = SAFE_RR;
    int spo2 = SAFE_SPO2;
    int pain = 0;
    MentalStatus mental = MentalStatus.ALERT;
    Complaint complaint = Complaint.ROUTINE.get(0);
    boolean anticoagulated;

    TriageCase toCase() {
      return new TriageCase(50, false, complaint, complaint.phrasings().get(0), TriageGrammar.ONSETS.get(0), hr, sbp,
          dbp, rr, spo2, 37.0, mental, pain, List.of(), anticoagulated, false);
    }
  }
}
