// The kinds of finding a synthetic triage rationale can cite, each compared with the note's value.
package dev.reason2decide.eval.triage;

/** A finding of a synthetic triage note; {@link #json} is its name in reports and the API. */
public enum Fact {
  AGE("age"), HEART_RATE("heart_rate"), SYSTOLIC("systolic_bp"), DIASTOLIC("diastolic_bp"),
  RESPIRATORY_RATE("respiratory_rate"), SPO2("spo2"), PAIN("pain"), MENTAL_STATUS("mental_status"),
  COMPLAINT("complaint"), ANTICOAGULANT("anticoagulant");

  private final String json;

  Fact(String json) {
    this.json = json;
  }

  /** The snake_case name used in JSON. */
  public String json() {
    return json;
  }
}
