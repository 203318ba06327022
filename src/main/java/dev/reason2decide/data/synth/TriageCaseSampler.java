// Draws synthetic presentations aimed at a triage level, a fixed share of them with a finding at a rule threshold.
package dev.reason2decide.data.synth;

import dev.reason2decide.data.SeededRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * Samples {@link TriageCase}s. The level a case is aimed at only steers the sampling; the label always comes from
 * {@link TriageRules#assess}. Borderline cases put one finding exactly at or one step past a threshold (SpO2 84
 * vs 85, heart rate 100 vs 101, pain 7 vs 8, ...), so the rules, not rough ranges, decide.
 */
final class TriageCaseSampler {
  private static final List<String> HISTORY = TriageGrammar.HISTORY;
  private static final List<String> ANTICOAGULANTS = TriageGrammar.ANTICOAGULANTS;
  private static final List<String> ONSETS = TriageGrammar.ONSETS;

  private static final int CRIT_SPO2_EDGE = TriageRules.CRITICAL_SPO2 - 1;
  private static final int CRIT_SBP_EDGE = TriageRules.CRITICAL_SYSTOLIC - 1;
  private static final int CRIT_HR_EDGE = TriageRules.CRITICAL_HEART_RATE - 1;

  private final SeededRandom rng;
  private final double borderlineShare;

  TriageCaseSampler(SeededRandom rng, double borderlineShare) {
    this.rng = rng;
    this.borderlineShare = borderlineShare;
  }

  /** A case aimed at {@code level} (1 to 5). */
  TriageCase sample(int level) {
    boolean borderline = rng.chance(borderlineShare);
    int age = rng.between(18, 92);
    boolean female = rng.chance(0.5);
    int hr = FindingRanges.HEART_RATE.draw(rng);
    int sbp = FindingRanges.SYSTOLIC.draw(rng);
    int rr = FindingRanges.RESPIRATORY_RATE.draw(rng);
    int spo2 = FindingRanges.SPO2.draw(rng);
    int pain = FindingRanges.PAIN.draw(rng);
    double temp = rng.between(362, 377) / 10.0;
    MentalStatus mental = MentalStatus.ALERT;
    boolean anticoag = rng.chance(0.15);
    Complaint complaint = level <= 2 && rng.chance(0.5) ? rng.pick(Complaint.HIGH_RISK)
        : routineFor(level, anticoag);
    if (level == 1) {
      switch (rng.nextInt(4)) {
        case 0 -> {
          mental = MentalStatus.UNRESPONSIVE;
          complaint = Complaint.COLLAPSE;
        }
        case 1 -> spo2 = borderline ? CRIT_SPO2_EDGE : FindingRanges.SPO2_CRITICAL.draw(rng);
        case 2 -> sbp = borderline ? CRIT_SBP_EDGE : FindingRanges.SYSTOLIC_CRITICAL.draw(rng);
        default -> hr = borderline ? CRIT_HR_EDGE : FindingRanges.HEART_RATE_CRITICAL.draw(rng);
      }
      if (hr >= TriageRules.CRITICAL_HEART_RATE && rng.chance(0.3)) {
        hr = rng.between(104, 140);
      }
    } else if (level == 2) {
      if (!complaint.highRisk() || rng.chance(0.3)) {
        switch (rng.nextInt(6)) {
          case 0 -> mental = MentalStatus.CONFUSED;
          case 1 -> pain = borderline ? TriageRules.SEVERE_PAIN : FindingRanges.PAIN_SEVERE.draw(rng);
          case 2 -> hr = borderline ? TriageRules.DANGER_HEART_RATE + 1 : FindingRanges.HEART_RATE_DANGER.draw(rng);
          case 3 -> rr = borderline ? TriageRules.DANGER_RESPIRATORY_RATE + 1
              : FindingRanges.RESPIRATORY_RATE_DANGER.draw(rng);
          case 4 -> spo2 = borderline ? rng.pick(TriageRules.DANGER_SPO2 - 1, TriageRules.CRITICAL_SPO2)
              : FindingRanges.SPO2_DANGER.draw(rng);
          default -> sbp = borderline ? rng.pick(TriageRules.DANGER_SYSTOLIC - 1, TriageRules.CRITICAL_SYSTOLIC)
              : FindingRanges.SYSTOLIC_DANGER.draw(rng);
        }
      }
    } else if (borderline) {
      // at the threshold but not past it: still not a danger-zone finding
      switch (rng.nextInt(5)) {
        case 0 -> hr = TriageRules.DANGER_HEART_RATE;
        case 1 -> rr = TriageRules.DANGER_RESPIRATORY_RATE;
        case 2 -> spo2 = TriageRules.DANGER_SPO2;
        case 3 -> sbp = TriageRules.DANGER_SYSTOLIC;
        default -> pain = TriageRules.SEVERE_PAIN - 1;
      }
    }
    if (complaint.name().startsWith("fever")) {
      temp = rng.between(381, 395) / 10.0;
    }
    int dbp = Math.max(30, Math.min(sbp - 25, rng.between(58, 96)));
    List<String> history = history(anticoag);
    return new TriageCase(age, female, complaint, rng.pick(complaint.phrasings()), rng.pick(ONSETS), hr, sbp, dbp,
        rr, spo2, temp, mental, pain, history, anticoag, borderline);
  }

  /** A routine complaint whose resource count gives {@code level} (any routine one for levels 1 and 2). */
  private Complaint routineFor(int level, boolean anticoag) {
    List<Complaint> fit = new ArrayList<>();
    for (Complaint c : Complaint.ROUTINE) {
      int n = c.resources().size() + (anticoag ? c.anticoagulatedResources().size() : 0);
      int l = n >= 2 ? 3 : n == 1 ? 4 : 5;
      if (level <= 2 || l == level) {
        fit.add(c);
      }
    }
    return rng.pick(fit);
  }

  private List<String> history(boolean anticoag) {
    List<String> h = new ArrayList<>();
    int n = rng.pick(0, 0, 1, 1, 2);
    List<String> pool = new ArrayList<>(HISTORY);
    rng.shuffle(pool);
    h.addAll(pool.subList(0, n));
    if (anticoag) {
      h.add(rng.pick(ANTICOAGULANTS));
    }
    return h;
  }
}
