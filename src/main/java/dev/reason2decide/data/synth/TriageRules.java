// The explicit ESI-style rules that assign a synthetic case its triage level and name the findings that decide it.
package dev.reason2decide.data.synth;

import java.util.ArrayList;
import java.util.List;

/**
 * Emergency Severity Index style rules (simplified, for synthetic data; not clinical guidance):
 * <ol>
 *   <li>ESI-1 (immediate life-saving intervention): unresponsive, SpO2 below 85%, systolic BP below 80 mmHg, or
 *       heart rate below 40.</li>
 *   <li>ESI-2 (high risk): a high-risk complaint, new confusion, pain of 8/10 or more, or a danger-zone vital sign:
 *       heart rate above 100, respiratory rate above 20, SpO2 below 92%, systolic BP below 90 mmHg.</li>
 *   <li>Otherwise by expected resources: two or more ESI-3, one ESI-4, none ESI-5 (an anticoagulant adds the
 *       complaint's extra resources, e.g. a head CT after a head bump).</li>
 * </ol>
 * The rules decide on what the note records: a finding it lacks ({@link TriageCase#missing}) fires no rule.
 */
public final class TriageRules {
  public static final int CRITICAL_SPO2 = 85;
  public static final int CRITICAL_SYSTOLIC = 80;
  public static final int CRITICAL_HEART_RATE = 40;
  public static final int DANGER_HEART_RATE = 100;
  public static final int DANGER_RESPIRATORY_RATE = 20;
  public static final int DANGER_SPO2 = 92;
  public static final int DANGER_SYSTOLIC = 90;
  public static final int SEVERE_PAIN = 8;

  /** The labels, most to least urgent. */
  public static final List<String> LABELS = List.of("ESI-1", "ESI-2", "ESI-3", "ESI-4", "ESI-5");

  private TriageRules() {}

  /** A finding that decides the level. */
  public enum Kind {
    UNRESPONSIVE, CRITICAL_SPO2, CRITICAL_SYSTOLIC, CRITICAL_HEART_RATE,
    HIGH_RISK_COMPLAINT, CONFUSION, SEVERE_PAIN, TACHYCARDIA, TACHYPNOEA, LOW_SPO2, LOW_SYSTOLIC
  }

  /** A deciding finding and its value (the vital sign or pain score; 0 where there is none). */
  public record Finding(Kind kind, int value) {}

  /**
   * The outcome of triage.
   *
   * @param level 1 to 5
   * @param findings what decided a level 1 or 2 (empty for 3 to 5)
   * @param resources the expected resources (what decided a level 3 to 5)
   */
  public record Assessment(int level, List<Finding> findings, List<String> resources) {
    public Assessment {
      findings = List.copyOf(findings);
      resources = List.copyOf(resources);
    }

    public String label() {
      return LABELS.get(level - 1);
    }
  }

  /** Applies the rules. */
  public static Assessment assess(TriageCase c) {
    List<Finding> critical = new ArrayList<>();
    if (c.recorded(Observation.MENTAL_STATUS) && c.mental() == MentalStatus.UNRESPONSIVE) {
      critical.add(new Finding(Kind.UNRESPONSIVE, 0));
    }
    if (c.recorded(Observation.SPO2) && c.spo2() < CRITICAL_SPO2) {
      critical.add(new Finding(Kind.CRITICAL_SPO2, c.spo2()));
    }
    if (c.recorded(Observation.SYSTOLIC) && c.systolic() < CRITICAL_SYSTOLIC) {
      critical.add(new Finding(Kind.CRITICAL_SYSTOLIC, c.systolic()));
    }
    if (c.recorded(Observation.HEART_RATE) && c.heartRate() < CRITICAL_HEART_RATE) {
      critical.add(new Finding(Kind.CRITICAL_HEART_RATE, c.heartRate()));
    }
    List<String> resources = resources(c);
    if (!critical.isEmpty()) {
      return new Assessment(1, critical, resources);
    }
    List<Finding> high = new ArrayList<>();
    if (c.complaint().highRisk()) {
      high.add(new Finding(Kind.HIGH_RISK_COMPLAINT, 0));
    }
    if (c.recorded(Observation.MENTAL_STATUS) && c.mental() == MentalStatus.CONFUSED) {
      high.add(new Finding(Kind.CONFUSION, 0));
    }
    if (c.recorded(Observation.PAIN) && c.pain() >= SEVERE_PAIN) {
      high.add(new Finding(Kind.SEVERE_PAIN, c.pain()));
    }
    if (c.recorded(Observation.HEART_RATE) && c.heartRate() > DANGER_HEART_RATE) {
      high.add(new Finding(Kind.TACHYCARDIA, c.heartRate()));
    }
    if (c.recorded(Observation.RESPIRATORY_RATE) && c.respiratoryRate() > DANGER_RESPIRATORY_RATE) {
      high.add(new Finding(Kind.TACHYPNOEA, c.respiratoryRate()));
    }
    if (c.recorded(Observation.SPO2) && c.spo2() < DANGER_SPO2) {
      high.add(new Finding(Kind.LOW_SPO2, c.spo2()));
    }
    if (c.recorded(Observation.SYSTOLIC) && c.systolic() < DANGER_SYSTOLIC) {
      high.add(new Finding(Kind.LOW_SYSTOLIC, c.systolic()));
    }
    if (!high.isEmpty()) {
      return new Assessment(2, high, resources);
    }
    int n = resources.size();
    return new Assessment(n >= 2 ? 3 : n == 1 ? 4 : 5, List.of(), resources);
  }

  /** The expected resources of a case. */
  public static List<String> resources(TriageCase c) {
    List<String> r = new ArrayList<>(c.complaint().resources());
    if (c.anticoagulated() && c.recorded(Observation.HISTORY)) {
      r.addAll(c.complaint().anticoagulatedResources());
    }
    return r;
  }
}
