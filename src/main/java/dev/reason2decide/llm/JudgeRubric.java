// The published LLM-as-a-judge rubric: three criteria on a 1-5 integer scale, and the JSON answer it asks for.
package dev.reason2decide.llm;

import java.util.List;

/**
 * The rubric the judge scores each generated rationale on. It is part of the judge prompt, of every summary the
 * judge writes and of docs/llm.md; change {@link #VERSION} when changing a word of it.
 */
public final class JudgeRubric {
  /** Rubric version, written into every output. */
  public static final String VERSION = "r2d-judge-rubric-v1";
  public static final int MIN = 1;
  public static final int MAX = 5;

  /** One criterion: its JSON field, the question it asks, and what 1, 3 and 5 mean. */
  public record Criterion(String field, String question, String one, String three, String five) {}

  public static final List<Criterion> CRITERIA = List.of(
      new Criterion("label_agreement",
          "Does the rationale argue for the predicted decision?",
          "it argues for a different decision, or contradicts the predicted one",
          "it does not make clear which decision it supports, or argues both ways",
          "it clearly and consistently supports the predicted decision"),
      new Criterion("factual_support",
          "Are the rationale's statements about the case supported by the case text?",
          "most statements are invented or contradict the case text",
          "some statements are not found in the case text",
          "every statement about the case is stated in it or follows directly from it"),
      new Criterion("clinical_soundness",
          "Is the reasoning medically sound?",
          "the reasoning is wrong or unsafe",
          "the reasoning is acceptable but has notable gaps or errors",
          "the reasoning is sound and complete, as an experienced clinician would argue"));

  private JudgeRubric() {}

  /** The fields of the JSON answer, criteria first. */
  public static List<String> fields() {
    return java.util.stream.Stream.concat(CRITERIA.stream().map(Criterion::field), java.util.stream.Stream.of(
        "justification")).toList();
  }

  /** The rubric as the judge reads it (and as the docs and outputs state it). */
  public static String text() {
    StringBuilder sb = new StringBuilder();
    sb.append("Score the rationale on each criterion with an integer from ").append(MIN).append(" to ")
        .append(MAX).append(" (2 and 4 lie between the anchors).\n");
    for (Criterion c : CRITERIA) {
      sb.append("- ").append(c.field()).append(": ").append(c.question()).append('\n')
          .append("  1 = ").append(c.one()).append(";\n")
          .append("  3 = ").append(c.three()).append(";\n")
          .append("  5 = ").append(c.five()).append(".\n");
    }
    sb.append("- justification: one or two sentences giving the main reasons for the scores.\n");
    return sb.toString();
  }

  /** The answer format, as shown to the judge. */
  public static String answerFormat() {
    StringBuilder sb = new StringBuilder("{");
    for (Criterion c : CRITERIA) {
      sb.append('"').append(c.field()).append("\": <integer ").append(MIN).append('-').append(MAX).append(">, ");
    }
    return sb.append("\"justification\": \"<one or two sentences>\"}").toString();
  }
}
