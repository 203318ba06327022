// The judge against a loopback server: scoring, repair turns for malformed answers, unscored records, cache, pairing.
package dev.reason2decide.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reason2decide.data.Example;
import dev.reason2decide.data.Prediction;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JudgeTest {
  @TempDir
  Path dir;

  private static String verdict(int a, int f, int c) {
    return "{\"label_agreement\": " + a + ", \"factual_support\": " + f + ", \"clinical_soundness\": " + c
        + ", \"justification\": \"ok\"}";
  }

  private CachedChat chat(ScriptedChatServer s, ResponseCache cache) {
    ChatClientConfig c = new ChatClientConfig(s.baseUrl(), "judge-70b", Optional.empty(), 2,
        Duration.ofSeconds(2), Duration.ofSeconds(5), new RetryPolicy(3, Duration.ofMillis(10),
        Duration.ofMillis(20), Duration.ofSeconds(1)));
    return new CachedChat(new ChatClient(c, d -> { }, new Random(1)), cache);
  }

  private static List<Judge.Item> items() {
    return List.of(new Judge.Item("a", "case A", "yes", "rationale A", "yes", "gold A"),
        new Judge.Item("b", "case B", "no", "rationale B", "yes", "gold B"),
        new Judge.Item("c", "case C", "yes", "rationale C", "yes", "gold C"),
        new Judge.Item("d", "case D", "yes", " ", "yes", "gold D"));
  }

  @Test
  void scoresRepairsMalformedAnswersAndNeverGuesses() throws Exception {
    try (ScriptedChatServer s = new ScriptedChatServer(100, (n, r) -> {
      var rec = new ScriptedChatServer.Received(r, null);
      String first = rec.firstUserMessage();
      int turns = r.getAsJsonArray("messages").size();
      if (first.contains("rationale A")) {
        return ScriptedChatServer.answer("```json\n" + verdict(5, 4, 4) + "\n```");
      }
      if (first.contains("rationale B")) { // malformed first, valid after one repair turn
        return ScriptedChatServer.answer(turns == 2 ? "{\"label_agreement\": 5, \"factual" : verdict(2, 3, 2));
      }
      return ScriptedChatServer.answer("Looks good to me."); // C: never valid
    }); ResponseCache cache = ResponseCache.open(dir.resolve("j.jsonl"))) {
      Judge judge = new Judge(chat(s, cache), Judge.Settings.defaults());
      List<Judge.Scored> out = judge.run(items(), x -> { });
      assertEquals(Map.of("label_agreement", 5, "factual_support", 4, "clinical_soundness", 4),
          out.get(0).verdict().scores());
      assertEquals(1, out.get(0).turns());
      assertEquals(2, out.get(1).verdict().scores().get("label_agreement"));
      assertEquals(2, out.get(1).turns());
      assertFalse(out.get(2).scored());
      assertTrue(out.get(2).unscoredReason().startsWith("malformed answer after 3 tries: no JSON object"),
          out.get(2).unscoredReason());
      assertEquals("Looks good to me.", out.get(2).lastAnswer());
      assertFalse(out.get(3).scored());
      assertEquals("the predicted rationale is empty", out.get(3).unscoredReason());
      assertEquals(1 + 2 + 3, s.requests(), "A once, B twice, C three times, D never");
      // the repair turn shows the judge its answer and the problem
      var repair = s.received().stream().filter(r -> r.body().getAsJsonArray("messages").size() == 4)
          .filter(r -> r.firstUserMessage().contains("rationale B")).findFirst().orElseThrow();
      assertTrue(repair.lastUserMessage().startsWith("Your answer cannot be used: no JSON object"),
          repair.lastUserMessage());
      String prompt = s.received().get(0).firstUserMessage();
      assertTrue(prompt.contains(JudgeRubric.text()) && prompt.contains(JudgeRubric.answerFormat()), prompt);
      assertFalse(prompt.contains("{reference}") || prompt.contains("gold A"), "no reference unless asked");

      Map<String, Object> summary = JudgeReport.summary(out, Map.of());
      assertEquals(2L, summary.get("scored"));
      assertEquals(Map.of("malformed answer after 3 tries", 1, "the predicted rationale is empty", 1),
          summary.get("unscored_reasons"));
      @SuppressWarnings("unchecked")
      Map<String, Map<String, Object>> all = (Map<String, Map<String, Object>>) summary.get("all");
      assertEquals(3.5, all.get("label_agreement").get("mean")); // (5 + 2) / 2
      assertEquals(2, all.get("label_agreement").get("n"));
    }
    try (ScriptedChatServer s = new ScriptedChatServer(0, (n, r) -> ScriptedChatServer.answer("unused"));
        ResponseCache cache = ResponseCache.open(dir.resolve("j.jsonl"))) {
      List<Judge.Scored> again = new Judge(chat(s, cache), Judge.Settings.defaults()).run(items(), x -> { });
      assertEquals(0, s.requests(), "a re-run is answered from the cache");
      assertEquals(2, again.get(1).verdict().scores().get("label_agreement"));
      assertFalse(again.get(2).scored());
    }
  }

  @Test
  void showsTheReferenceWhenAsked() throws Exception {
    try (ScriptedChatServer s = new ScriptedChatServer(10, (n, r) -> ScriptedChatServer.answer(verdict(3, 3, 3)));
        ResponseCache cache = ResponseCache.open(dir.resolve("j.jsonl"))) {
      new Judge(chat(s, cache), new Judge.Settings(0, 400, null, 2, true)).run(items().subList(0, 1), x -> { });
      String prompt = s.received().get(0).firstUserMessage();
      assertTrue(prompt.contains("for the correct decision \"yes\"") && prompt.contains("gold A"), prompt);
    }
  }

  @Test
  void pairsPredictionsWithGoldByIdElseByOrder() {
    List<Prediction> ps = List.of(new Prediction("2", "q2", null, null, "no", "r2", Map.of()),
        new Prediction("1", "q1", null, null, "yes", "r1", Map.of()));
    List<Example> gold = List.of(new Example("1", "q1", "yes", "g1", ""), new Example("2", "q2", "yes", "g2", ""));
    List<Judge.Item> byId = Judge.pair(ps, gold, "gold.jsonl");
    assertEquals(new Judge.Item("2", "q2", "no", "r2", "yes", "g2"), byId.get(0));
    assertEquals(Boolean.FALSE, JudgeReport.correct(byId.get(0)));
    List<Prediction> noIds = List.of(new Prediction("p1", "", null, null, "yes", "r1", Map.of()),
        new Prediction("p2", "q2", null, null, "no", "r2", Map.of()));
    List<Judge.Item> byOrder = Judge.pair(noIds, gold, "gold.jsonl");
    assertEquals(new Judge.Item("p1", "q1", "yes", "r1", "yes", "g1"), byOrder.get(0));
    List<Prediction> swapped = List.of(noIds.get(1), noIds.get(0));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Judge.pair(swapped, gold, "gold.jsonl"));
    assertEquals("gold.jsonl: example at position 1 has another input text than the prediction", e.getMessage());
    assertNull(JudgeReport.correct(Judge.pair(ps, null, "p").get(0)));
  }

  @Test
  void predictionsWithoutIdsAreNumberedByPosition() {
    List<Prediction> csv = List.of(new Prediction(null, "q1", "yes", "g1", "yes", "r1", null),
        new Prediction(null, null, "no", "g2", "no", "r2", null));
    assertEquals(List.of(new Judge.Item("1", "q1", "yes", "r1", "yes", "g1"),
        new Judge.Item("2", "", "no", "r2", "no", "g2")), Judge.pair(csv, null, "p.csv"));
    List<Example> gold = List.of(new Example("test-2", "q1", "yes", "", ""), new Example("test-3", "q2", "no", "", ""));
    assertEquals(new Judge.Item("2", "q2", "no", "r2", "no", ""), Judge.pair(csv, gold, "g.jsonl").get(1));
  }

  @Test
  void readsTheVerdictAfterAReasoningBlockThatHoldsBracesOfItsOwn() throws Exception {
    // a reasoning model served without a reasoning parser: its chain of thought comes first and quotes a JSON draft
    String thinking = "<think>Draft: {\"label_agreement\": 1, \"factual_support\": 1, \"clinical_soundness\": 1, "
        + "\"justification\": \"draft\"} no, better:</think>\n" + verdict(4, 5, 3);
    try (ScriptedChatServer s = new ScriptedChatServer(10, (n, r) -> ScriptedChatServer.answer(thinking));
        ResponseCache cache = ResponseCache.open(dir.resolve("j.jsonl"))) {
      List<Judge.Scored> out = new Judge(chat(s, cache), Judge.Settings.defaults()).run(items().subList(0, 1), x -> { });
      assertEquals(Map.of("label_agreement", 4, "factual_support", 5, "clinical_soundness", 3),
          out.get(0).verdict().scores());
      assertEquals(1, out.get(0).turns());
    }
  }
}
