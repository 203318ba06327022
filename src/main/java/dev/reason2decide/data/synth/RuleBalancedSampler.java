// Draws synthetic presentations for training where every deciding finding occurs with every complaint, near its
// threshold and far from it, so that no shortcut through the complaint pays.
package dev.reason2decide.data.synth;

import dev.reason2decide.data.SeededRandom;
import dev.reason2decide.data.synth.FindingRanges.Range;
import java.util.ArrayList;
import java.util.List;

/**
 * The rule-balanced mix. Each finding is drawn on its own, independently of the complaint and of every other
 * finding: each vital sign is in its normal range most of the time, and otherwise in its danger zone, in its
 * critical zone, or within two steps either side of one of its thresholds; mental status, pain and the complaint
 * (any of the high-risk, routine or collapse complaints) likewise. Value ranges are wider than the natural mix's, so
 * a model sees the rules' thresholds rather than the generator's ranges. The one finding that decides only together
 * with the complaint, an anticoagulant (it adds resources to an injury: {@link Complaint#anticoagulatedResources}),
 * is drawn for half of those complaints, and those complaints are drawn more often, so that the interaction is seen
 * in about 6 % of the cases instead of 2 %. About 35 % of the cases come out ESI-3 to 5. The label always comes from
 * {@link TriageRules#assess}.
 */
final class RuleBalancedSampler {
  /** Share of cases whose vital sign (each drawn separately) is in a danger zone, a critical zone, or at an edge. */
  static final double DANGER = 0.05;
  static final double CRITICAL = 0.04;
  /** Share of cases whose complaint is one an anticoagulant changes the resources of (besides their uniform share). */
  static final double ANTICOAGULANT_SENSITIVE = 0.12;
  static final double EDGE = 0.08;

  /** The routine complaints whose resources an anticoagulant changes. */
  private static final List<Complaint> SENSITIVE = Complaint.ROUTINE.stream()
      .filter(c -> !c.anticoagulatedResources().isEmpty()).toList();

  private final SeededRandom rng;
  private boolean edge;

  RuleBalancedSampler(SeededRandom rng) {
    this.rng = rng;
  }

  TriageCase sample() {
    edge = false;
    int age = rng.between(18, 95);
    boolean female = rng.chance(0.5);
    double u = rng.nextDouble();
    Complaint complaint = u < 0.2 ? rng.pick(Complaint.HIGH_RISK) : u < 0.24 ? Complaint.COLLAPSE
        : u < 0.24 + ANTICOAGULANT_SENSITIVE ? rng.pick(SENSITIVE) : rng.pick(Complaint.ROUTINE);
    boolean anticoag = rng.chance(complaint.anticoagulatedResources().isEmpty() ? 0.25 : 0.5);
    // heart rate: critical below 40, danger above 100
    int hr = vital(new Range(45, 99), new Range(101, 190), new Range(20, 39),
        TriageRules.CRITICAL_HEART_RATE, TriageRules.DANGER_HEART_RATE + 1);
    // systolic: critical below 80, danger below 90
    int sbp = vital(new Range(92, 200), new Range(80, 89), new Range(50, 79),
        TriageRules.CRITICAL_SYSTOLIC, TriageRules.DANGER_SYSTOLIC);
    // SpO2: critical below 85, danger below 92
    int spo2 = vital(new Range(92, 100), new Range(85, 91), new Range(60, 84),
        TriageRules.CRITICAL_SPO2, TriageRules.DANGER_SPO2);
    // respiratory rate: danger above 20 (no critical zone)
    int rr = vital(new Range(10, 20), new Range(21, 40), null, TriageRules.DANGER_RESPIRATORY_RATE + 1,
        TriageRules.DANGER_RESPIRATORY_RATE + 1);
    double p = rng.nextDouble();
    edge |= p >= 0.08 && p < 0.16;
    int pain = p < 0.08 ? FindingRanges.PAIN_SEVERE.draw(rng)
        : p < 0.16 ? rng.between(TriageRules.SEVERE_PAIN - 2, TriageRules.SEVERE_PAIN + 1)
        : FindingRanges.PAIN.draw(rng);
    double m = rng.nextDouble();
    MentalStatus mental = m < 0.05 ? MentalStatus.UNRESPONSIVE : m < 0.13 ? MentalStatus.CONFUSED
        : MentalStatus.ALERT;
    double temp = complaint.name().startsWith("fever") || rng.chance(0.1) ? rng.between(378, 401) / 10.0
        : rng.between(358, 377) / 10.0;
    int dbp = Math.max(30, Math.min(sbp - 25, rng.between(50, 105)));
    List<String> history = new ArrayList<>();
    List<String> pool = new ArrayList<>(TriageGrammar.HISTORY);
    rng.shuffle(pool);
    history.addAll(pool.subList(0, rng.pick(0, 0, 1, 1, 2, 3)));
    if (anticoag) {
      history.add(rng.between(0, history.size()), rng.pick(TriageGrammar.ANTICOAGULANTS));
    }
    return new TriageCase(age, female, complaint, rng.pick(complaint.phrasings()), rng.pick(TriageGrammar.ONSETS),
        hr, sbp, dbp, rr, spo2, temp, mental, pain, history, anticoag, edge);
  }

  /**
   * A vital sign: in {@code normal} most of the time, else in {@code danger}, in {@code critical} (null: none),
   * or within two steps of the threshold {@code edgeA} or {@code edgeB} (the first value that fires a rule).
   */
  private int vital(Range normal, Range danger, Range critical, int edgeA, int edgeB) {
    double u = rng.nextDouble();
    if (u < DANGER) {
      return danger.draw(rng);
    }
    if (critical != null && u < DANGER + CRITICAL) {
      return critical.draw(rng);
    }
    if (u < DANGER + CRITICAL + EDGE) {
      this.edge = true;
      int threshold = rng.chance(0.5) ? edgeA : edgeB;
      return threshold + rng.between(-2, 1);
    }
    return normal.draw(rng);
  }
}
