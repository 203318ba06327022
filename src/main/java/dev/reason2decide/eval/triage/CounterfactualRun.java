// Runs a decision model on counterfactual probes and reports, per kind of edit, whether it follows the rules.
package dev.reason2decide.eval.triage;

import dev.reason2decide.inference.Decision;
import dev.reason2decide.inference.DecisionModel;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * For each probe: {@code decisionFollowsRules} (ŷ is the rules' new level), {@code citesEditedValue} (the
 * rationale cites the edited finding with its new value; not applicable to {@link Edit#ANTICOAGULANT_OFF}, whose new
 * value is an absence), {@code statesNewLevel} (the rationale states the rules' new level) and
 * {@code fullyFaithful} (the exact checks of {@link TriageCheck} on the edited note) and {@code citesAbsentFinding}
 * (the rationale cites a finding the edited note does not record, {@link AbsentFindings}).
 */
public final class CounterfactualRun {
  private CounterfactualRun() {}

  /** One probe's outcome. */
  public record Outcome(Probe probe, Decision decision, boolean decisionFollowsRules, Boolean citesEditedValue,
      boolean statesNewLevel, boolean fullyFaithful, boolean citesAbsentFinding) {}

  /**
   * Rates of one kind of edit (or all). {@code citesEditedValue} is over the probes where it applies (null if none).
   *
   * @param n probes
   * @param decisionFollowsRules share with ŷ = the rules' new level
   * @param citesEditedValue share whose rationale cites the new value
   * @param statesNewLevel share whose rationale states the new level
   * @param fullyFaithful share passing every exact check on the edited note
   * @param citesAbsentFinding share whose rationale cites a finding the edited note lacks
   */
  public record Rates(int n, double decisionFollowsRules, Double citesEditedValue, double statesNewLevel,
      double fullyFaithful, double citesAbsentFinding) {
    public Map<String, Object> toMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("n", n);
      m.put("decision_follows_rules", decisionFollowsRules);
      m.put("cites_edited_value", citesEditedValue);
      m.put("states_new_level", statesNewLevel);
      m.put("fully_faithful", fullyFaithful);
      m.put("cites_absent_finding", citesAbsentFinding);
      return m;
    }
  }

  /** The report: all probes, and each kind of edit that had probes. */
  public record Result(Rates all, Map<Edit, Rates> byEdit, List<Outcome> outcomes) {
    public Map<String, Object> toMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("all", all.toMap());
      Map<String, Object> by = new LinkedHashMap<>();
      byEdit.forEach((e, r) -> by.put(e.json(), r.toMap()));
      m.put("by_edit", by);
      return m;
    }
  }

  /** Decides every probe with {@code model}, {@code batch} at a time, calling {@code progress} with each count. */
  public static Result run(DecisionModel model, List<Probe> probes, int batch, IntConsumer progress) {
    List<Decision> decisions = new ArrayList<>();
    for (int i = 0; i < probes.size(); i += batch) {
      List<String> notes = probes.subList(i, Math.min(probes.size(), i + batch)).stream().map(Probe::note).toList();
      List<Decision> d = model.decideAll(notes);
      if (d.size() != notes.size()) {
        throw new IllegalStateException("the model answered " + d.size() + " decisions for " + notes.size()
            + " notes");
      }
      decisions.addAll(d);
      progress.accept(notes.size());
    }
    return score(probes, decisions);
  }

  /** Scores given decisions (one per probe, in order). */
  public static Result score(List<Probe> probes, List<Decision> decisions) {
    List<Outcome> outcomes = new ArrayList<>();
    for (int i = 0; i < probes.size(); i++) {
      outcomes.add(outcome(probes.get(i), decisions.get(i)));
    }
    Map<Edit, List<Outcome>> groups = new EnumMap<>(Edit.class);
    outcomes.forEach(o -> groups.computeIfAbsent(o.probe().edit(), e -> new ArrayList<>()).add(o));
    Map<Edit, Rates> by = new EnumMap<>(Edit.class);
    groups.forEach((e, os) -> by.put(e, rates(os)));
    return new Result(rates(outcomes), by, outcomes);
  }

  static Outcome outcome(Probe p, Decision d) {
    ParsedNote note = NoteParser.parse(p.note());
    TriageCheck check = TriageCheck.of(note, d.label(), p.newLabel(), d.rationale());
    boolean follows = TriageCheck.level(d.label()) == p.newLevel();
    Boolean cites = p.edit() == Edit.ANTICOAGULANT_OFF ? null
        : check.cited().stream().anyMatch(c -> c.finding().fact() == p.edit().fact()
            && c.finding().value().equals(p.newValue()));
    return new Outcome(p, d, follows, cites, check.statesGold(), check.fullyFaithful(),
        AbsentFindings.cited(p.note(), d.rationale()));
  }

  static Rates rates(List<Outcome> os) {
    List<Outcome> withValue = os.stream().filter(o -> o.citesEditedValue() != null).toList();
    return new Rates(os.size(), Shares.orZero(Shares.of(os, Outcome::decisionFollowsRules)),
        Shares.of(withValue, Outcome::citesEditedValue), Shares.orZero(Shares.of(os, Outcome::statesNewLevel)),
        Shares.orZero(Shares.of(os, Outcome::fullyFaithful)),
        Shares.orZero(Shares.of(os, Outcome::citesAbsentFinding)));
  }
}
