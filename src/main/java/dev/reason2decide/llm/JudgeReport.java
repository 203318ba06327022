// Writes the judge's per-example scores (JSONL) and its summary (JSON): means with 95 % CIs, unscored counts, rubric.
package dev.reason2decide.llm;

import dev.reason2decide.io.AtomicFiles;
import dev.reason2decide.io.Json;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/** The judge's outputs. */
public final class JudgeReport {
  private JudgeReport() {}

  /** One JSONL record per item, in input order. */
  public static void writeScores(Path file, List<Judge.Scored> results) {
    AtomicFiles.write(file, w -> {
      for (Judge.Scored s : results) {
        Map<String, Object> m = new LinkedHashMap<>();
        Judge.Item it = s.item();
        m.put("id", it.id());
        m.put("predicted_label", it.predictedLabel());
        m.put("gold_label", it.goldLabel());
        m.put("correct", correct(it));
        m.put("status", s.scored() ? "scored" : "unscored");
        if (s.scored()) {
          m.put("scores", s.verdict().scores());
          m.put("justification", s.verdict().justification());
        } else {
          m.put("reason", s.unscoredReason());
          m.put("judge_answer", s.lastAnswer());
        }
        m.put("judge_turns", s.turns());
        w.write(Json.COMPACT.toJson(m));
        w.write('\n');
      }
    });
  }

  /** The summary: rubric, counts, and per criterion the mean and 95 % CI, overall and by prediction correctness. */
  public static Map<String, Object> summary(List<Judge.Scored> results, Map<String, Object> provenance) {
    Map<String, Object> m = new LinkedHashMap<>();
    Map<String, Object> rubric = new LinkedHashMap<>();
    rubric.put("version", JudgeRubric.VERSION);
    rubric.put("scale", List.of(JudgeRubric.MIN, JudgeRubric.MAX));
    rubric.put("text", JudgeRubric.text());
    rubric.put("answer_format", JudgeRubric.answerFormat());
    m.put("rubric", rubric);
    long scored = results.stream().filter(Judge.Scored::scored).count();
    m.put("examples", results.size());
    m.put("scored", scored);
    m.put("unscored", results.size() - scored);
    Map<String, Integer> reasons = new TreeMap<>();
    for (Judge.Scored s : results) {
      if (!s.scored()) {
        reasons.merge(s.unscoredReason().replaceAll(": .*", ""), 1, Integer::sum);
      }
    }
    m.put("unscored_reasons", reasons);
    m.put("ci_method", "mean ± t(0.975, n-1)·sd/√n (Student t), clipped to the scale");
    m.put("all", criteria(results, s -> true));
    if (results.stream().anyMatch(s -> correct(s.item()) != null)) {
      m.put("prediction_correct", criteria(results, s -> Boolean.TRUE.equals(correct(s.item()))));
      m.put("prediction_wrong", criteria(results, s -> Boolean.FALSE.equals(correct(s.item()))));
    }
    m.put("provenance", provenance);
    return m;
  }

  public static void writeSummary(Path file, Map<String, Object> summary) {
    AtomicFiles.writeString(file, Json.PRETTY.toJson(summary) + "\n");
  }

  /** The summary as a few lines for the terminal: counts, then mean and 95 % CI per criterion. */
  @SuppressWarnings("unchecked")
  public static String render(Map<String, Object> summary) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "judge (%s, scale %d-%d): %s of %s scored, %s unscored%n",
        JudgeRubric.VERSION, JudgeRubric.MIN, JudgeRubric.MAX, summary.get("scored"), summary.get("examples"),
        summary.get("unscored")));
    for (String group : List.of("all", "prediction_correct", "prediction_wrong")) {
      Map<String, Map<String, Object>> g = (Map<String, Map<String, Object>>) summary.get(group);
      if (g == null) {
        continue;
      }
      sb.append("  ").append(group).append('\n');
      for (Map.Entry<String, Map<String, Object>> e : g.entrySet()) {
        Map<String, Object> c = e.getValue();
        List<Double> ci = (List<Double>) c.get("ci95");
        sb.append(String.format(Locale.ROOT, "    %-20s n=%-5s mean %s  95%% CI %s%n", e.getKey(), c.get("n"),
            c.get("mean") == null ? "-" : String.format(Locale.ROOT, "%.2f", (Double) c.get("mean")),
            ci == null ? "-" : String.format(Locale.ROOT, "[%.2f, %.2f]", ci.get(0), ci.get(1))));
      }
    }
    return sb.toString();
  }

  private static Map<String, Object> criteria(List<Judge.Scored> results, Predicate<Judge.Scored> which) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (JudgeRubric.Criterion c : JudgeRubric.CRITERIA) {
      List<Integer> xs = new ArrayList<>();
      for (Judge.Scored s : results) {
        if (s.scored() && which.test(s)) {
          xs.add(s.verdict().scores().get(c.field()));
        }
      }
      ScoreStats st = ScoreStats.of(xs, JudgeRubric.MIN, JudgeRubric.MAX);
      Map<String, Object> one = new LinkedHashMap<>();
      one.put("n", st.n());
      one.put("mean", finite(st.mean()));
      one.put("sd", finite(st.sd()));
      one.put("ci95", Double.isNaN(st.ciLow()) ? null : List.of(round(st.ciLow()), round(st.ciHigh())));
      out.put(c.field(), one);
    }
    return out;
  }

  private static Double finite(double v) {
    return Double.isNaN(v) ? null : round(v);
  }

  private static double round(double v) {
    return Math.round(v * 10000) / 10000.0;
  }

  static Boolean correct(Judge.Item it) {
    if (it.goldLabel() == null || it.goldLabel().isBlank()) {
      return null;
    }
    return it.goldLabel().strip().equals(it.predictedLabel() == null ? "" : it.predictedLabel().strip());
  }
}
