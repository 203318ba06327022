// Where the training rationales of a synthetic triage set come from: the rule templates, a nurse, or an LLM.
package dev.reason2decide.data.synth;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The source whose style the training rationales imitate (issue 28: the paper's claim of robustness to rationale
 * sources). The notes and labels do not depend on it, and every source states the gold level.
 * <ul>
 *   <li>{@code rules}: the rule templates of {@link TriageGrammar}, complete and exact;</li>
 *   <li>{@code nurse}: terse and abbreviated ({@link SourceGrammar#NURSE}); names the first deciding finding and
 *       not always the others; never counts resources;</li>
 *   <li>{@code llm}: verbose and hedged, restating several recorded findings ({@link SourceGrammar#LLM});</li>
 *   <li>{@code llm-noisy}: the {@code llm} rationales, with a set share carrying one planted error
 *       ({@link SourcedRationales.Planted}).</li>
 * </ul>
 */
public enum RationaleSource {
  RULES("rules"), NURSE("nurse"), LLM("llm"), LLM_NOISY("llm-noisy");

  /** The share of llm-noisy rationales given one error, unless set. */
  public static final double DEFAULT_NOISE_RATE = 0.10;

  private final String cliName;

  RationaleSource(String cliName) {
    this.cliName = cliName;
  }

  public String cliName() {
    return cliName;
  }

  /** The rationale-source column of generated examples: {@code synthetic} for rules, else {@code synthetic-NAME}. */
  public String exampleSource() {
    return this == RULES ? SynthTriage.SOURCE : SynthTriage.SOURCE + "-" + cliName;
  }

  /** The wording its rationales are written in (rules: null, it is {@link TriageGrammar}'s own). */
  public RationaleWording wording() {
    return switch (this) {
      case RULES -> null;
      case NURSE -> SourceGrammar.NURSE;
      case LLM, LLM_NOISY -> SourceGrammar.LLM;
    };
  }

  /** The source named {@code s} (rules, nurse, llm, llm-noisy). */
  public static RationaleSource of(String s) {
    for (RationaleSource r : values()) {
      if (r.cliName.equals(s)) {
        return r;
      }
    }
    throw new IllegalArgumentException("unknown rationale source '" + s + "' ("
        + Arrays.stream(values()).map(RationaleSource::cliName).collect(Collectors.joining(", ")) + ")");
  }
}
