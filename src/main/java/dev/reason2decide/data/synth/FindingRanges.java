// The ranges the generator draws a deciding finding's value from: unremarkable, danger zone and critical.
package dev.reason2decide.data.synth;

import dev.reason2decide.data.SeededRandom;

/**
 * Typical values of the findings the rules decide on ({@link TriageRules}). The sampler draws cases from them and the
 * counterfactual edits draw their new values from them, so edited notes look like generated ones. Borderline cases
 * and edits reach the thresholds themselves; these ranges stay a step or more inside a zone.
 */
public final class FindingRanges {
  /** Heart rate, unremarkable. */
  public static final Range HEART_RATE = new Range(62, 96);
  /** Heart rate above {@link TriageRules#DANGER_HEART_RATE}. */
  public static final Range HEART_RATE_DANGER = new Range(104, 150);
  /** Heart rate below {@link TriageRules#CRITICAL_HEART_RATE}. */
  public static final Range HEART_RATE_CRITICAL = new Range(28, 38);
  /** Respiratory rate, unremarkable. */
  public static final Range RESPIRATORY_RATE = new Range(12, 18);
  /** Respiratory rate above {@link TriageRules#DANGER_RESPIRATORY_RATE}. */
  public static final Range RESPIRATORY_RATE_DANGER = new Range(22, 34);
  /** SpO2, unremarkable. */
  public static final Range SPO2 = new Range(94, 100);
  /** SpO2 below {@link TriageRules#DANGER_SPO2}, not critical. */
  public static final Range SPO2_DANGER = new Range(86, 90);
  /** SpO2 below {@link TriageRules#CRITICAL_SPO2}. */
  public static final Range SPO2_CRITICAL = new Range(72, 83);
  /** Systolic pressure, unremarkable. */
  public static final Range SYSTOLIC = new Range(104, 158);
  /** Systolic pressure below {@link TriageRules#DANGER_SYSTOLIC}, not critical. */
  public static final Range SYSTOLIC_DANGER = new Range(82, 88);
  /** Systolic pressure below {@link TriageRules#CRITICAL_SYSTOLIC}. */
  public static final Range SYSTOLIC_CRITICAL = new Range(58, 78);
  /** Pain score, not severe. */
  public static final Range PAIN = new Range(0, 6);
  /** Pain score of {@link TriageRules#SEVERE_PAIN} or more. */
  public static final Range PAIN_SEVERE = new Range(TriageRules.SEVERE_PAIN, 10);

  private FindingRanges() {}

  /** The whole numbers {@code low} to {@code high}, both included. */
  public record Range(int low, int high) {
    public Range {
      if (low > high) {
        throw new IllegalArgumentException("empty range " + low + ".." + high);
      }
    }

    /** A value drawn uniformly from the range. */
    public int draw(SeededRandom rng) {
      return rng.between(low, high);
    }

    /** The range starting at {@code newLow} instead (an edit that reaches the threshold itself). */
    public Range from(int newLow) {
      return new Range(newLow, high);
    }

    /** The range ending at {@code newHigh} instead. */
    public Range to(int newHigh) {
      return new Range(low, newHigh);
    }
  }
}
