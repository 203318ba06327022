// The kinds of counterfactual edit: one deciding finding moved into or out of the zone where a rule fires.
package dev.reason2decide.eval.triage;

import static dev.reason2decide.data.synth.TriageRules.CRITICAL_HEART_RATE;
import static dev.reason2decide.data.synth.TriageRules.CRITICAL_SPO2;
import static dev.reason2decide.data.synth.TriageRules.CRITICAL_SYSTOLIC;
import static dev.reason2decide.data.synth.TriageRules.DANGER_HEART_RATE;
import static dev.reason2decide.data.synth.TriageRules.DANGER_RESPIRATORY_RATE;
import static dev.reason2decide.data.synth.TriageRules.DANGER_SPO2;
import static dev.reason2decide.data.synth.TriageRules.DANGER_SYSTOLIC;
import static dev.reason2decide.data.synth.TriageRules.SEVERE_PAIN;

import dev.reason2decide.data.synth.FindingRanges;
import java.util.Locale;

/**
 * One kind of edit, with the range a new value is drawn from (numbers only) and the range the old value must be in
 * for the edit to apply. New values come from the generator's {@link FindingRanges}, so edited notes look like
 * generated ones; an edit into the danger zone of the heart rate, or into its critical zone, reaches the threshold.
 */
public enum Edit {
  HEART_RATE_INTO_DANGER(Fact.HEART_RATE, CRITICAL_HEART_RATE, DANGER_HEART_RATE,
      FindingRanges.HEART_RATE_DANGER.from(DANGER_HEART_RATE + 1)),
  HEART_RATE_OUT_OF_DANGER(Fact.HEART_RATE, DANGER_HEART_RATE + 1, 999, FindingRanges.HEART_RATE),
  HEART_RATE_INTO_CRITICAL(Fact.HEART_RATE, CRITICAL_HEART_RATE, 999,
      FindingRanges.HEART_RATE_CRITICAL.to(CRITICAL_HEART_RATE - 1)),
  HEART_RATE_OUT_OF_CRITICAL(Fact.HEART_RATE, 0, CRITICAL_HEART_RATE - 1, FindingRanges.HEART_RATE),
  RESPIRATORY_RATE_INTO_DANGER(Fact.RESPIRATORY_RATE, 0, DANGER_RESPIRATORY_RATE,
      FindingRanges.RESPIRATORY_RATE_DANGER),
  RESPIRATORY_RATE_OUT_OF_DANGER(Fact.RESPIRATORY_RATE, DANGER_RESPIRATORY_RATE + 1, 999,
      FindingRanges.RESPIRATORY_RATE),
  SPO2_INTO_DANGER(Fact.SPO2, DANGER_SPO2, 100, FindingRanges.SPO2_DANGER),
  SPO2_OUT_OF_DANGER(Fact.SPO2, CRITICAL_SPO2, DANGER_SPO2 - 1, FindingRanges.SPO2),
  SPO2_INTO_CRITICAL(Fact.SPO2, CRITICAL_SPO2, 100, FindingRanges.SPO2_CRITICAL),
  SPO2_OUT_OF_CRITICAL(Fact.SPO2, 0, CRITICAL_SPO2 - 1, FindingRanges.SPO2),
  SYSTOLIC_INTO_DANGER(Fact.SYSTOLIC, DANGER_SYSTOLIC, 999, FindingRanges.SYSTOLIC_DANGER),
  SYSTOLIC_OUT_OF_DANGER(Fact.SYSTOLIC, CRITICAL_SYSTOLIC, DANGER_SYSTOLIC - 1, FindingRanges.SYSTOLIC),
  SYSTOLIC_INTO_CRITICAL(Fact.SYSTOLIC, CRITICAL_SYSTOLIC, 999, FindingRanges.SYSTOLIC_CRITICAL),
  SYSTOLIC_OUT_OF_CRITICAL(Fact.SYSTOLIC, 0, CRITICAL_SYSTOLIC - 1, FindingRanges.SYSTOLIC),
  PAIN_INTO_SEVERE(Fact.PAIN, 0, SEVERE_PAIN - 1, FindingRanges.PAIN_SEVERE),
  PAIN_OUT_OF_SEVERE(Fact.PAIN, SEVERE_PAIN, 10, FindingRanges.PAIN),
  CONFUSION_ON(Fact.MENTAL_STATUS),
  CONFUSION_OFF(Fact.MENTAL_STATUS),
  UNRESPONSIVE_ON(Fact.MENTAL_STATUS),
  UNRESPONSIVE_OFF(Fact.MENTAL_STATUS),
  HIGH_RISK_COMPLAINT_ON(Fact.COMPLAINT),
  HIGH_RISK_COMPLAINT_OFF(Fact.COMPLAINT),
  ANTICOAGULANT_ON(Fact.ANTICOAGULANT),
  ANTICOAGULANT_OFF(Fact.ANTICOAGULANT);

  private final Fact fact;
  private final int appliesFrom;
  private final int appliesTo;
  /** Where a numeric edit draws its new value (the generator's range; the threshold's edge where it says so). */
  private final FindingRanges.Range newValues;

  Edit(Fact fact, int appliesFrom, int appliesTo, FindingRanges.Range newValues) {
    this.fact = fact;
    this.appliesFrom = appliesFrom;
    this.appliesTo = appliesTo;
    this.newValues = newValues;
  }

  Edit(Fact fact) {
    this(fact, 0, 0, null);
  }

  /** The finding this edit changes. */
  public Fact fact() {
    return fact;
  }

  /** For a numeric edit: whether {@code old} is in the range the edit moves a value out of. */
  boolean appliesTo(int old) {
    return old >= appliesFrom && old <= appliesTo;
  }

  /** For a numeric edit: the range its new value is drawn from. */
  FindingRanges.Range newValues() {
    return newValues;
  }

  /** The snake_case name used in reports. */
  public String json() {
    return name().toLowerCase(Locale.ROOT);
  }
}
