// The rationale checked against the note and the decision, as vetoes on the decision's trust verdict.
package dev.reason2decide.eval.faith;

import dev.reason2decide.data.synth.TriageRules;
import dev.reason2decide.eval.triage.TriageCheck;
import dev.reason2decide.inference.Decision;
import dev.reason2decide.trust.PhraseSupport;
import dev.reason2decide.trust.TrustVerdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A rationale that states another decision (read exactly on the synthetic grammar, else by the labels it names:
 * {@link StatedLabels}), cites numbers the note does not contain, or (on a synthetic triage note) cites a finding
 * with another value than the note's or one the note lacks, vetoes its decision: the reader would be given a reason
 * that is not the note's. Each problem is one reason. Where the synthetic grammar reads the rationale, its cited
 * findings are checked exactly instead of its bare numbers; a cited finding whose value the note has as a number,
 * but under a name the checks do not read, is said to be unverifiable rather than unrecorded.
 */
public final class TrustReview {
  private TrustReview() {}

  /** The verdict of {@code d}, whose rationale's checks are {@code checks}. */
  public static TrustVerdict verdict(Decision d, ExampleChecks checks) {
    return d.trust().verdict(vetoes(d, checks));
  }

  /** The verdict of {@code d} on {@code input}, the checks computed here ({@code labels}: the label set). */
  public static TrustVerdict verdict(Decision d, String input, List<String> labels) {
    return verdict(d, ExampleChecks.of(input, d.label(), d.rationale(), labels));
  }

  /**
   * The problems of {@code d}'s rationale: those of {@link #vetoes(String, ExampleChecks, Set)} with the numbers
   * its model's training rationales state on their own, then its stretches the note does not support
   * ({@code PhraseSupport}, fitted on the model's training pairs).
   */
  public static List<String> vetoes(Decision d, ExampleChecks checks) {
    List<String> out = new ArrayList<>(vetoes(d.label(), checks, d.trust().knownNumbers()));
    for (PhraseSupport.Gap g : d.trust().unsupported()) {
      out.add("The explanation says something the note does not support: \"" + g.text() + "\" [the training "
          + "notes with it all have one of: " + String.join(", ", g.cover()) + "; this note has none]");
    }
    return out;
  }

  /** The problems of a rationale given for {@code predicted}, one sentence each. */
  public static List<String> vetoes(String predicted, ExampleChecks checks) {
    return vetoes(predicted, checks, Set.of());
  }

  /**
   * As above; numbers in {@code known} (the training rationales' own constants, normalised) are no problem, since
   * the model learned to state them whatever the note says. Each reason is a plain sentence for a clinician, with
   * the check's technical detail after it in brackets.
   */
  public static List<String> vetoes(String predicted, ExampleChecks checks, Set<String> known) {
    List<String> out = new ArrayList<>();
    TriageCheck t = checks.triage();
    // the exact reading where the synthetic grammar reads the rationale; on any other text the labels it names
    String other = t != null && t.parsed() ? (t.statedLevel() != 0 && t.statedLevel() != t.predictedLevel()
        ? t.statedLabel() : null) : StatedLabels.other(predicted, checks.statedLabels());
    if (other != null) {
      out.add("The explanation argues for another decision [the rationale states " + other + ", not the decision "
          + predicted + "]");
    }
    // on a rationale the synthetic grammar reads, the exact check of its cited findings (below) replaces the
    // any-data numbers check, which would flag the rules' own thresholds ("SpO2 87% (below 92%)") and counts
    boolean exact = t != null && t.parsed();
    List<String> unsupported = checks.numbers().unsupported().stream().map(UnsupportedNumbers.Span::text)
        .filter(n -> !known.contains(UnsupportedNumbers.normalise(n))).distinct().toList();
    if (!exact && !unsupported.isEmpty()) {
      out.add("The explanation gives numbers that are not in the note [the rationale cites numbers the note does "
          + "not contain: " + String.join(", ", unsupported) + "]");
    }
    if (t != null) {
      for (TriageCheck.Citation c : t.cited()) {
        if (c.inNote() || sameSideOfEveryRule(c)) {
          continue;
        }
        // hook: a parser that knows a finding is absent from the note gives it no note value
        String cited = c.finding().fact().json() + " " + c.finding().value();
        if (c.noteValue() != null) {
          out.add("The explanation misreads a value in the note [the rationale cites " + cited + " where the note has "
              + c.noteValue() + "]");
        } else if (numberInNote(c.finding().value(), checks)) {
          out.add("The explanation relies on a finding the checks cannot find in the note [the rationale cites "
              + cited + "; the note has the number " + c.finding().value() + ", but not under a name the checks read]");
        } else {
          out.add("The explanation relies on a finding the note does not record [the rationale cites a finding the "
              + "note lacks: " + cited + "]");
        }
      }
    }
    return out;
  }

  /** Whether the note has {@code value} as a number: the numbers check found it there. */
  private static boolean numberInNote(String value, ExampleChecks checks) {
    String v = UnsupportedNumbers.normalise(value);
    return checks.numbers().numbers() > 0 && checks.numbers().unsupported().stream()
        .noneMatch(n -> UnsupportedNumbers.normalise(n.text()).equals(v));
  }

  /**
   * Whether a cited value that differs from the note's lies on the same side of every threshold the rules apply to
   * its finding ("tachycardia of 101" for HR 109: both above 100): a copying slip the rules' decision does not rest
   * on. It stays in the checks ({@code cited_findings}) but vetoes nothing; in distribution it was the one veto on
   * right decisions (docs/trust.md, fourth round). A finding without a threshold (diastolic pressure, age) has no
   * side to be on.
   */
  static boolean sameSideOfEveryRule(TriageCheck.Citation c) {
    if (c.noteValue() == null) {
      return false;
    }
    double cited;
    double noted;
    try {
      cited = Double.parseDouble(c.finding().value());
      noted = Double.parseDouble(c.noteValue());
    } catch (NumberFormatException e) {
      return false;
    }
    int[] below;
    int[] atLeast;
    switch (c.finding().fact()) {
      case HEART_RATE -> {
        below = new int[] {TriageRules.CRITICAL_HEART_RATE};
        atLeast = new int[] {TriageRules.DANGER_HEART_RATE + 1};
      }
      case SYSTOLIC -> {
        below = new int[] {TriageRules.CRITICAL_SYSTOLIC, TriageRules.DANGER_SYSTOLIC};
        atLeast = new int[0];
      }
      case SPO2 -> {
        below = new int[] {TriageRules.CRITICAL_SPO2, TriageRules.DANGER_SPO2};
        atLeast = new int[0];
      }
      case RESPIRATORY_RATE -> {
        below = new int[0];
        atLeast = new int[] {TriageRules.DANGER_RESPIRATORY_RATE + 1};
      }
      case PAIN -> {
        below = new int[0];
        atLeast = new int[] {TriageRules.SEVERE_PAIN};
      }
      case DIASTOLIC, AGE -> {
        return true;
      }
      default -> {
        return false;
      }
    }
    for (int t : below) {
      if (cited < t != noted < t) {
        return false;
      }
    }
    for (int t : atLeast) {
      if (cited >= t != noted >= t) {
        return false;
      }
    }
    return true;
  }
}
