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

import java.util.Locale;

/**
 * One kind of edit, with the range a new value is drawn from (numbers only) and the range the old value must be in
 * for the edit to apply. Ranges are those the generator samples from, so edited notes look like generated ones.
 */
public enum Edit {
  HEART_RATE_INTO_DANGER(Fact.HEART_RATE, CRITICAL_HEART_RATE, DANGER_HEART_RATE, DANGER_HEART_RATE + 1, 150),
  HEART_RATE_OUT_OF_DANGER(Fact.HEART_RATE, DANGER_HEART_RATE + 1, 999, 62, 96),
  HEART_RATE_INTO_CRITICAL(Fact.HEART_RATE, CRITICAL_HEART_RATE, 999, 28, CRITICAL_HEART_RATE - 1),
  HEART_RATE_OUT_OF_CRITICAL(Fact.HEART_RATE, 0, CRITICAL_HEART_RATE - 1, 62, 96),
  RESPIRATORY_RATE_INTO_DANGER(Fact.RESPIRATORY_RATE, 0, DANGER_RESPIRATORY_RATE, DANGER_RESPIRATORY_RATE + 2, 34),
  RESPIRATORY_RATE_OUT_OF_DANGER(Fact.RESPIRATORY_RATE, DANGER_RESPIRATORY_RATE + 1, 999, 12, 18),
  SPO2_INTO_DANGER(Fact.SPO2, DANGER_SPO2, 100, CRITICAL_SPO2 + 1, DANGER_SPO2 - 2),
  SPO2_OUT_OF_DANGER(Fact.SPO2, CRITICAL_SPO2, DANGER_SPO2 - 1, 94, 100),
  SPO2_INTO_CRITICAL(Fact.SPO2, CRITICAL_SPO2, 100, 72, CRITICAL_SPO2 - 2),
  SPO2_OUT_OF_CRITICAL(Fact.SPO2, 0, CRITICAL_SPO2 - 1, 94, 100),
  SYSTOLIC_INTO_DANGER(Fact.SYSTOLIC, DANGER_SYSTOLIC, 999, CRITICAL_SYSTOLIC + 2, DANGER_SYSTOLIC - 2),
  SYSTOLIC_OUT_OF_DANGER(Fact.SYSTOLIC, CRITICAL_SYSTOLIC, DANGER_SYSTOLIC - 1, 104, 158),
  SYSTOLIC_INTO_CRITICAL(Fact.SYSTOLIC, CRITICAL_SYSTOLIC, 999, 58, CRITICAL_SYSTOLIC - 2),
  SYSTOLIC_OUT_OF_CRITICAL(Fact.SYSTOLIC, 0, CRITICAL_SYSTOLIC - 1, 104, 158),
  PAIN_INTO_SEVERE(Fact.PAIN, 0, SEVERE_PAIN - 1, SEVERE_PAIN, 10),
  PAIN_OUT_OF_SEVERE(Fact.PAIN, SEVERE_PAIN, 10, 0, 6),
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
  private final int newFrom;
  private final int newTo;

  Edit(Fact fact, int appliesFrom, int appliesTo, int newFrom, int newTo) {
    this.fact = fact;
    this.appliesFrom = appliesFrom;
    this.appliesTo = appliesTo;
    this.newFrom = newFrom;
    this.newTo = newTo;
  }

  Edit(Fact fact) {
    this(fact, 0, 0, 0, 0);
  }

  /** The finding this edit changes. */
  public Fact fact() {
    return fact;
  }

  /** Whether the edit is to a number. */
  public boolean numeric() {
    return newTo > 0;
  }

  /** For a numeric edit: whether {@code old} is in the range the edit moves a value out of. */
  boolean appliesTo(int old) {
    return old >= appliesFrom && old <= appliesTo;
  }

  int newFrom() {
    return newFrom;
  }

  int newTo() {
    return newTo;
  }

  /** The snake_case name used in reports. */
  public String json() {
    return name().toLowerCase(Locale.ROOT);
  }
}
