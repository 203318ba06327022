// The faithfulness checks as a section of report.md.
package dev.reason2decide.eval.faith;

import dev.reason2decide.eval.triage.CounterfactualRun;
import dev.reason2decide.eval.triage.Edit;
import dev.reason2decide.eval.triage.TriageFaithfulness;
import java.util.Locale;
import java.util.Map;

/** Renders a {@link FaithfulnessChecks.Report}; definitions are in docs/metrics.md. */
public final class ChecksMarkdown {
  private ChecksMarkdown() {}

  /** The "Faithfulness checks" section. */
  public static String render(FaithfulnessChecks.Report r) {
    StringBuilder md = new StringBuilder("## Faithfulness checks\n\n");
    if (r.triage() != null) {
      md.append("Synthetic triage set (").append(FaithfulnessChecks.DETECTION).append("): exact checks.\n\n")
          .append("| ŷ | n | states ŷ | states gold level | cited findings in note | rationales grounded "
              + "| rule-correct | fully faithful | outside the grammar |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
      row(md, "all", r.triage().all());
      row(md, "right", r.triage().decisionRight());
      row(md, "wrong", r.triage().decisionWrong());
      md.append('\n');
    }
    md.append("Any data: | rationales | numbers stated | not in the input | rationales with one | novel content words "
        + "|\n|---|---:|---:|---:|---:|---:|\n");
    text(md, "predicted", r.predicted());
    if (r.goldReference() != null) {
      text(md, "gold (reference)", r.goldReference());
    }
    md.append('\n');
    if (r.simulator() != null) {
      Simulator.Result s = r.simulator();
      md.append(String.format(Locale.ROOT, "Simulator (logistic regression over n-grams, trained on %d gold "
          + "rationales) reading r̂: agrees with ŷ %s, with y %s; its accuracy on gold test rationales (ceiling) %s.%n%n",
          s.trainExamples(), f(s.agreesWithPredicted()), f(s.agreesWithGold()), f(s.accuracyOnGold())));
    } else {
      md.append("Simulator: ").append(r.simulatorNote()).append(".\n\n");
    }
    CounterfactualRun.Result cf = r.counterfactual();
    if (cf != null) {
      md.append("Counterfactual probes (one deciding finding edited; the rules give another level):\n\n"
          + "| edit | n | decision follows the rules | cites the edited value | states the new level | fully faithful "
          + "|\n|---|---:|---:|---:|---:|---:|\n");
      probeRow(md, "all", cf.all());
      for (Map.Entry<Edit, CounterfactualRun.Rates> e : cf.byEdit().entrySet()) {
        probeRow(md, e.getKey().json(), e.getValue());
      }
      md.append('\n');
    }
    return md.toString();
  }

  private static void row(StringBuilder md, String name, TriageFaithfulness.Rates t) {
    md.append("| ").append(name).append(" | ").append(t.n()).append(" | ").append(f(t.decisionAgreement()))
        .append(" | ").append(f(t.statesGold())).append(" | ").append(f(t.citedFindingsInNote())).append(" | ")
        .append(f(t.rationalesGrounded())).append(" | ").append(f(t.ruleCorrect())).append(" | ")
        .append(f(t.fullyFaithful())).append(" | ").append(t.unparsed()).append(" |\n");
  }

  private static void text(StringBuilder md, String name, FaithfulnessChecks.TextRates t) {
    Map<String, Object> m = t.toMap();
    md.append("| ").append(name).append(" | ").append(t.rationales()).append(" | ").append(t.numbers()).append(" | ")
        .append(f((Double) m.get("unsupported_number_share"))).append(" | ")
        .append(f((Double) m.get("rationales_with_unsupported_numbers"))).append(" | ")
        .append(f((Double) m.get("novel_content_word_share"))).append(" |\n");
  }

  private static void probeRow(StringBuilder md, String name, CounterfactualRun.Rates r) {
    md.append("| ").append(name).append(" | ").append(r.n()).append(" | ").append(f(r.decisionFollowsRules()))
        .append(" | ").append(f(r.citesEditedValue())).append(" | ").append(f(r.statesNewLevel())).append(" | ")
        .append(f(r.fullyFaithful())).append(" |\n");
  }

  private static String f(Double v) {
    return v == null ? "–" : String.format(Locale.ROOT, "%.3f", v);
  }
}
