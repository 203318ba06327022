// For `r2d data check`: the exact checks run on a synthetic triage file's own (gold) rationales, per rationale source.
package dev.reason2decide.cli;

import dev.reason2decide.data.Example;
import dev.reason2decide.eval.triage.NoteParser;
import dev.reason2decide.eval.triage.ParsedNote;
import dev.reason2decide.eval.triage.ParsedRationale;
import dev.reason2decide.eval.triage.RationaleParser;
import dev.reason2decide.eval.triage.TriageCheck;
import dev.reason2decide.eval.triage.TriageFaithfulness;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Each gold rationale checked as if it explained its own label: rules, nurse and LLM rationales score 1.0 on every
 * check, and an llm-noisy file falls short of 1.0 in {@code fully_faithful} by exactly its planted error rate.
 * Grouped by the rows' rationale-source column ({@code synthetic}, {@code synthetic-nurse}, ...); also counts the
 * rationales by the source whose wording the parser read them in. Rows whose note is not a synthetic triage note
 * are left out.
 */
final class GoldRationaleChecks {
  private GoldRationaleChecks() {}

  /** {@code {"wording": {...}, "checks": {source: rates}}}, or null when no row has a triage note and rationale. */
  static Map<String, Object> of(List<Example> examples) {
    Map<String, Integer> wording = new TreeMap<>();
    Map<String, List<TriageCheck>> bySource = new TreeMap<>();
    for (Example e : examples) {
      ParsedNote note = NoteParser.parse(e.input());
      if (note == null || e.rationale() == null || e.rationale().isBlank()) {
        continue;
      }
      ParsedRationale r = RationaleParser.parse(e.rationale());
      wording.merge(r == null ? "none" : r.source(), 1, Integer::sum);
      String source = e.rationaleSource() == null || e.rationaleSource().isBlank() ? "none" : e.rationaleSource();
      bySource.computeIfAbsent(source, k -> new ArrayList<>())
          .add(TriageCheck.of(note, e.label(), e.label(), e.rationale()));
    }
    if (bySource.isEmpty()) {
      return null;
    }
    Map<String, Object> checks = new LinkedHashMap<>();
    bySource.forEach((source, list) -> {
      Map<String, Object> all = TriageFaithfulness.rates(list).toMap();
      Map<String, Object> m = new LinkedHashMap<>();
      for (String k : List.of("n", "unparsed_rationales", "decision_agreement", "rationales_grounded",
          "cites_absent_finding", "rule_correct", "fully_faithful")) {
        m.put(k, all.get(k));
      }
      Double faithful = (Double) all.get("fully_faithful");
      m.put("shortfall", faithful == null ? null : 1.0 - faithful);
      checks.put(source, m);
    });
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("wording", wording);
    out.put("checks", checks);
    return out;
  }
}
