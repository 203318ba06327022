// A rationale read back with the generator's templates: the level it states, the reasons it gives, what it cites.
package dev.reason2decide.eval.triage;

import dev.reason2decide.data.synth.TriageRules.Kind;
import java.util.List;

/**
 * What a synthetic-triage rationale says. Levels 1 and 2 give {@code reasons} (deciding findings); levels 3 to 5
 * give a {@code complaint} with its {@code resources} (and {@code resourceCount} where the template states one).
 * {@code cited} holds every finding stated anywhere in the text, the reasons included.
 *
 * @param template which template matched, e.g. {@code level1.0}, {@code stable.1+resources3.0} or (another source's
 *     wording) {@code nurse:level2.1}
 * @param level the ESI level stated (1 to 5), or 0 when the text states two different levels
 * @param reasons the findings given as reasons (for level 1 or 2; for 3 to 5 only in a wrong rationale)
 * @param complaint the complaint named as the reason for levels 3 to 5, lower case (null otherwise)
 * @param anticoagulant whether the resource sentence says "on an anticoagulant"
 * @param resources the resources named (empty for 1, 2 and 5)
 * @param resourceCount the number of resources stated in words or digits, or null
 * @param cited every finding stated
 * @param grammar 1 when every template and wording is one grammar 1 had (files written before varied notes), else 2
 */
public record ParsedRationale(String template, int level, List<Reason> reasons, String complaint,
    boolean anticoagulant, List<String> resources, Integer resourceCount, List<CitedFinding> cited, int grammar) {
  public ParsedRationale {
    reasons = List.copyOf(reasons);
    resources = List.copyOf(resources);
    cited = List.copyOf(cited);
    if (level < 0 || level > 5) {
      throw new IllegalArgumentException("level must be 0 to 5: " + level);
    }
  }

  /** The rationale source whose wording the matched template is: rules, nurse or llm. */
  public String source() {
    int colon = template.indexOf(':');
    return colon < 0 ? "rules" : template.substring(0, colon);
  }

  /**
   * A deciding finding as the rationale states it.
   *
   * @param kind what kind of finding the wording names
   * @param value the value stated (0 where the wording has none)
   * @param complaint for a high-risk complaint, its name in lower case (else null)
   * @param riskReason for a high-risk complaint, the reason stated (else null)
   */
  public record Reason(Kind kind, int value, String complaint, String riskReason) {}
}
