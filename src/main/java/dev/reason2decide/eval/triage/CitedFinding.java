// One finding a rationale states, with the value it states (a number, a mental status, a complaint's name, yes).
package dev.reason2decide.eval.triage;

/**
 * A finding as the rationale cites it. Values are canonical strings: numbers as written ({@code "118"}), mental
 * status as {@code alert}/{@code confused}/{@code unresponsive}, the complaint's name in lower case, the
 * anticoagulant as {@code yes}.
 *
 * @param fact which finding
 * @param value the stated value
 */
public record CitedFinding(Fact fact, String value) {
  public CitedFinding {
    if (fact == null || value == null || value.isEmpty()) {
      throw new IllegalArgumentException("a cited finding needs a fact and a value: " + fact + "=" + value);
    }
  }
}
