// The checks of one prediction, as predict and serve report them beside the decision and its rationale.
package dev.reason2decide.eval.faith;

import dev.reason2decide.data.synth.TriageRules;
import dev.reason2decide.eval.triage.NoteParser;
import dev.reason2decide.eval.triage.ParsedNote;
import dev.reason2decide.eval.triage.TriageCheck;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Unsupported numbers and novel content words (any data), and, when the input is a note of the synthetic triage
 * set, the exact checks ({@code triage}, else null). {@link #toMap} gives the JSON fields of {@code r2d predict}
 * and {@code POST /v1/predict}; fields that cannot be computed are null.
 *
 * @param numbers the numbers check
 * @param novel the novel-word check
 * @param triage the exact checks, or null
 * @param statedLabels the labels the rationale names ({@link StatedLabels}: any data, labels that cannot be words)
 */
public record ExampleChecks(UnsupportedNumbers.Result numbers, NovelWords.Result novel, TriageCheck triage,
    List<String> statedLabels) {
  public ExampleChecks {
    statedLabels = List.copyOf(statedLabels);
  }

  /**
   * Checks {@code rationale}, given for {@code predicted} on {@code input}; {@code labels} is the label set (on a
   * synthetic triage note the five ESI levels are added: a model trained on part of them still has all five).
   */
  public static ExampleChecks of(String input, String predicted, String rationale, List<String> labels) {
    ParsedNote note = NoteParser.parse(input);
    if (note != null) {
      List<String> all = new ArrayList<>(labels);
      TriageRules.LABELS.stream().filter(l -> !all.contains(l)).forEach(all::add);
      labels = all;
    }
    return new ExampleChecks(UnsupportedNumbers.check(rationale, input, labels),
        NovelWords.check(rationale, input, labels),
        note == null ? null : TriageCheck.of(note, predicted, null, rationale), StatedLabels.of(rationale, labels));
  }

  /** The per-example JSON fields, in a fixed order. */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    List<Map<String, Object>> spans = new ArrayList<>();
    for (UnsupportedNumbers.Span s : numbers.unsupported()) {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("text", s.text());
      o.put("start", s.start());
      o.put("end", s.end());
      spans.add(o);
    }
    m.put("unsupported_numbers", spans);
    m.put("numbers_stated", numbers.numbers());
    m.put("unsupported_number_share", numbers.share());
    m.put("novel_content_words", novel.novel());
    m.put("novel_content_word_share", novel.share());
    m.put("stated_decision", triage == null ? null : triage.statedLabel());
    m.put("states_decision", triage == null ? null : triage.agreesWithDecision());
    List<Map<String, Object>> cited = null;
    if (triage != null) {
      cited = new ArrayList<>();
      for (TriageCheck.Citation c : triage.cited()) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("finding", c.finding().fact().json());
        o.put("value", c.finding().value());
        o.put("note_value", c.noteValue());
        o.put("in_note", c.inNote());
        cited.add(o);
      }
    }
    m.put("cited_findings", cited);
    m.put("findings_grounded", triage == null ? null : triage.grounded());
    m.put("rule_correct", triage == null ? null : triage.ruleCorrect());
    m.put("fully_faithful", triage == null ? null : triage.fullyFaithful());
    return m;
  }
}
