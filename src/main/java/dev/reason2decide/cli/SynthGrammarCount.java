// For `r2d data check`: which synthetic-triage grammar a file's notes and rationales are written in.
package dev.reason2decide.cli;

import dev.reason2decide.data.Example;
import dev.reason2decide.eval.triage.NoteParser;
import dev.reason2decide.eval.triage.ParsedNote;
import dev.reason2decide.eval.triage.ParsedRationale;
import dev.reason2decide.eval.triage.RationaleParser;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts, over a file's examples, notes and rationales by grammar: {@code 1} (the four fixed styles), {@code 2}
 * (varied notes) or {@code none} (not read by the exact parsers). Null when no note is a synthetic triage note.
 */
final class SynthGrammarCount {
  private SynthGrammarCount() {}

  static Map<String, Object> of(List<Example> examples) {
    Map<String, Integer> notes = new TreeMap<>();
    Map<String, Integer> rationales = new TreeMap<>();
    for (Example e : examples) {
      ParsedNote n = NoteParser.parse(e.input());
      notes.merge(n == null ? "none" : String.valueOf(n.grammar()), 1, Integer::sum);
      if (e.rationale() != null && !e.rationale().isBlank()) {
        ParsedRationale r = RationaleParser.parse(e.rationale());
        rationales.merge(r == null ? "none" : String.valueOf(r.grammar()), 1, Integer::sum);
      }
    }
    if (notes.getOrDefault("none", 0) == examples.size()) {
      return null;
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("notes", notes);
    m.put("rationales", rationales);
    return m;
  }
}
