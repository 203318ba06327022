// The exact faithfulness checks of one synthetic-triage rationale: states ŷ, cites the note, reasons by the rules.
package dev.reason2decide.eval.triage;

import dev.reason2decide.data.synth.TriageRules;
import java.util.ArrayList;
import java.util.List;

/**
 * One example's checks. {@code agreesWithDecision}: the rationale states an ESI level and it is ŷ.
 * {@code grounded}: every finding it cites has the note's value ({@code citedInNote} of {@code cited.size()}).
 * {@code ruleCorrect}: its reasons decide the level it states under the rules ({@link RuleCheck}).
 * {@code citesAbsentFinding}: one of its findings is not in the note at all (a case of not grounded).
 * {@code fullyFaithful}: all three. A rationale outside the generator's grammar ({@code parsed} false) fails all.
 *
 * @param parsed whether the rationale is in the grammar
 * @param statedLevel the level it states (0: none or two different ones)
 * @param predictedLevel ŷ as a level (0 when ŷ is not an ESI label)
 * @param goldLevel y as a level (0 when there is no gold label)
 * @param cited every finding it cites, each with whether the note agrees
 * @param ruleCorrect see above
 */
public record TriageCheck(boolean parsed, int statedLevel, int predictedLevel, int goldLevel,
    List<Citation> cited, boolean ruleCorrect) {
  public TriageCheck {
    cited = List.copyOf(cited);
  }

  /**
   * A cited finding and the note's value of it.
   *
   * @param finding what the rationale states
   * @param noteValue the note's value, or null when the note does not record the finding
   */
  public record Citation(CitedFinding finding, String noteValue) {
    public boolean inNote() {
      return finding.value().equals(noteValue);
    }

    /** Whether the note lacks the cited finding altogether ("pain 5/10" for a note without a pain score). */
    public boolean absent() {
      return noteValue == null;
    }
  }

  /** Checks {@code rationale} for the decision {@code predicted} on {@code note} ({@code gold} may be null). */
  public static TriageCheck of(ParsedNote note, String predicted, String gold, String rationale) {
    if (note == null) {
      throw new IllegalArgumentException("the exact checks need a synthetic triage note");
    }
    ParsedRationale r = RationaleParser.parse(rationale);
    int p = level(predicted);
    int g = level(gold);
    if (r == null) {
      return new TriageCheck(false, 0, p, g, List.of(), false);
    }
    List<Citation> cited = new ArrayList<>();
    for (CitedFinding f : r.cited()) {
      cited.add(new Citation(f, note.value(f.fact())));
    }
    return new TriageCheck(true, r.level(), p, g, cited, RuleCheck.correct(r));
  }

  /**
   * The level of an ESI label ("ESI-3" → 3; in another letter case, "esi-3", as a case-folding model writes it), 0
   * for anything else or null.
   */
  public static int level(String label) {
    if (label == null) {
      return 0;
    }
    String l = label.strip();
    int i = TriageRules.LABELS.indexOf(l);
    for (int k = 0; i < 0 && k < TriageRules.LABELS.size(); k++) {
      i = TriageRules.LABELS.get(k).equalsIgnoreCase(l) ? k : -1;
    }
    return i + 1;
  }

  public boolean agreesWithDecision() {
    return parsed && statedLevel != 0 && statedLevel == predictedLevel;
  }

  public int citedInNote() {
    return (int) cited.stream().filter(Citation::inNote).count();
  }

  /** The cited findings the note does not record (each is also not grounded). */
  public int citedAbsent() {
    return (int) cited.stream().filter(Citation::absent).count();
  }

  /** Whether the rationale cites a finding the note lacks. */
  public boolean citesAbsentFinding() {
    return citedAbsent() > 0;
  }

  public boolean grounded() {
    return parsed && citedInNote() == cited.size();
  }

  public boolean fullyFaithful() {
    return agreesWithDecision() && grounded() && ruleCorrect;
  }

  /** Whether ŷ is y; null without a gold label. */
  public Boolean decisionCorrect() {
    return goldLevel == 0 ? null : predictedLevel == goldLevel;
  }

  /** Whether the rationale states the gold level (false without one). */
  public boolean statesGold() {
    return parsed && goldLevel != 0 && statedLevel == goldLevel;
  }

  /** The stated level as a label, or null. */
  public String statedLabel() {
    return statedLevel == 0 ? null : TriageRules.LABELS.get(statedLevel - 1);
  }
}
