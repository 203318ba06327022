// Reading judge answers: tolerant of fences and prose, strict about fields, integers and the 1-5 scale.
package dev.reason2decide.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class JudgeVerdictTest {
  private static final String GOOD = "{\"label_agreement\": 5, \"factual_support\": 4, \"clinical_soundness\": 3,"
      + " \"justification\": \"Supports {the} call.\"}";

  @Test
  void readsPlainFencedAndWrappedAnswers() throws Exception {
    for (String a : List.of(GOOD, "```json\n" + GOOD + "\n```", "Here is my verdict:\n" + GOOD + "\nThanks.",
        "{not json} then " + GOOD)) {
      JudgeVerdict v = JudgeVerdict.parse(a);
      assertEquals(List.of("label_agreement", "factual_support", "clinical_soundness"),
          List.copyOf(v.scores().keySet()));
      assertEquals(List.of(5, 4, 3), List.copyOf(v.scores().values()), a);
      assertEquals("Supports {the} call.", v.justification());
    }
  }

  @Test
  void acceptsIntegralNumbersAndIntegerStrings() throws Exception {
    JudgeVerdict v = JudgeVerdict.parse("{\"label_agreement\": 4.0, \"factual_support\": \"2\", "
        + "\"clinical_soundness\": 1, \"justification\": \"x\"}");
    assertEquals(List.of(4, 2, 1), List.copyOf(v.scores().values()));
  }

  @Test
  void refusesAnythingElse() {
    String[][] cases = {
        {"", "empty"},
        {"I think it is fine.", "no JSON object"},
        {"{\"label_agreement\": 5, \"factual_support\": 4, \"justification\": \"x\"}", "clinical_soundness"},
        {GOOD.replace("\"clinical_soundness\": 3", "\"clinical_soundness\": 6"), "outside 1-5"},
        {GOOD.replace("\"clinical_soundness\": 3", "\"clinical_soundness\": 0"), "outside 1-5"},
        {GOOD.replace("\"clinical_soundness\": 3", "\"clinical_soundness\": 3.5"), "must be an integer"},
        {GOOD.replace("\"clinical_soundness\": 3", "\"clinical_soundness\": \"4/5\""), "must be an integer"},
        {GOOD.replace("\"Supports {the} call.\"", "\"  \""), "justification"},
        {"{\"label_agreement\": 5, \"factual_support\": 4, \"clinical", "no JSON object"},
    };
    for (String[] c : cases) {
      JudgeVerdict.Malformed m = assertThrows(JudgeVerdict.Malformed.class, () -> JudgeVerdict.parse(c[0]), c[0]);
      assertTrue(m.getMessage().contains(c[1]), c[0] + " -> " + m.getMessage());
    }
  }

  @Test
  void rubricIsStatedInFull() {
    String t = JudgeRubric.text();
    for (JudgeRubric.Criterion c : JudgeRubric.CRITERIA) {
      assertTrue(t.contains(c.field() + ": " + c.question()), t);
    }
    assertTrue(t.contains("integer from 1 to 5"), t);
    assertEquals("{\"label_agreement\": <integer 1-5>, \"factual_support\": <integer 1-5>, "
        + "\"clinical_soundness\": <integer 1-5>, \"justification\": \"<one or two sentences>\"}",
        JudgeRubric.answerFormat());
  }

  @Test
  void theDocsPublishTheRubricTheJudgeUses() throws Exception {
    String docs = java.nio.file.Files.readString(java.nio.file.Path.of("docs", "llm.md"));
    assertTrue(docs.contains(JudgeRubric.text()), "docs/llm.md must state the rubric verbatim");
    assertTrue(docs.contains(JudgeRubric.answerFormat()), "docs/llm.md must state the answer format");
    assertTrue(docs.contains(JudgeRubric.VERSION));
  }
}
