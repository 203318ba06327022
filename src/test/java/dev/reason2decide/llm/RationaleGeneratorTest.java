// Rationale generation against a loopback server: sources, order, cache, rejections, label check, fail-fast.
package dev.reason2decide.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reason2decide.data.Example;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RationaleGeneratorTest {
  static final PromptTemplate PROMPT = PromptTemplate.parse("test", "[system]\nBe brief.\n[user]\nID={id}\n"
      + "Case: {input}\nDecision: {label}\n", Set.of("input", "label"));
  private static final Pattern ID = Pattern.compile("ID=(\\S+)");

  @TempDir
  Path dir;

  static String id(ScriptedChatServer.Received r) {
    Matcher m = ID.matcher(r.firstUserMessage());
    return m.find() ? m.group(1) : "?";
  }

  static String id(com.google.gson.JsonObject body) {
    return id(new ScriptedChatServer.Received(body, null));
  }

  static List<Example> examples(int n) {
    List<Example> es = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      es.add(new Example("e" + i, "patient " + i + " with chest pain", i % 2 == 0 ? "urgent" : "routine", "", ""));
    }
    return es;
  }

  private CachedChat chat(ScriptedChatServer s, ResponseCache cache, int concurrency) {
    ChatClientConfig c = new ChatClientConfig(s.baseUrl(), "med-7b", Optional.empty(), concurrency,
        Duration.ofSeconds(2), Duration.ofSeconds(5), new RetryPolicy(3, Duration.ofMillis(10),
        Duration.ofMillis(20), Duration.ofSeconds(1)));
    return new CachedChat(new ChatClient(c, d -> { }, new Random(1)), cache);
  }

  private static RationaleGenerator.Settings settings(boolean checkLabel) {
    return new RationaleGenerator.Settings(PROMPT, 0.0, 128, 42, checkLabel);
  }

  @Test
  void writesOneRationalePerExampleInOrderAndReRunsFromTheCache() throws Exception {
    List<Example> es = examples(12);
    try (ScriptedChatServer s = new ScriptedChatServer(100, (n, r) ->
        ScriptedChatServer.answer("Rationale: because of " + id(r) + "."))) {
      try (ResponseCache cache = ResponseCache.open(dir.resolve("c.jsonl"))) {
        CachedChat chat = chat(s, cache, 4);
        RationaleGenerator.Result r = new RationaleGenerator(chat, settings(false)).run(es, o -> { });
        assertEquals(12, r.accepted().size());
        for (int i = 0; i < 12; i++) {
          Example e = r.accepted().get(i).example();
          assertEquals(es.get(i).withRationale("because of e" + (i + 1) + ".", "llm:med-7b"), e);
          assertEquals(List.of("label"), r.accepted().get(i).cleanedKeys(), "the \"Rationale:\" label removed");
        }
        assertEquals(12, s.requests());
        assertEquals(new Usage(120, 60, 180), chat.sentUsage());
      }
      try (ResponseCache cache = ResponseCache.open(dir.resolve("c.jsonl"))) {
        CachedChat chat = chat(s, cache, 4);
        RationaleGenerator.Result again = new RationaleGenerator(chat, settings(false)).run(es, o -> { });
        assertEquals(12, again.accepted().size());
        assertEquals(12, s.requests(), "a re-run makes no new calls");
        assertEquals(12, chat.cachedHits());
        assertEquals(new Usage(120, 60, 180), chat.cachedUsage());
      }
      String prompt = s.received().get(0).firstUserMessage();
      assertTrue(prompt.contains("Case: patient") && prompt.contains("Decision: "), prompt);
    }
  }

  @Test
  void rejectsAndReportsEmptyAndTruncatedAnswers() throws Exception {
    List<Example> es = examples(6);
    try (ScriptedChatServer s = new ScriptedChatServer(100, (n, r) -> switch (id(r)) {
      case "e2" -> ScriptedChatServer.answer("   ");
      case "e3" -> new ScriptedChatServer.Answer("It is urgent because the patient", "length", 10, 128);
      case "e5" -> ScriptedChatServer.answer("<think>\nUrgent, since the pain</think>\n\n**Rationale:**");
      case "e6" -> ScriptedChatServer.answer("<think>\nThe patient is 40 and has");
      default -> ScriptedChatServer.answer("fine " + id(r));
    }); ResponseCache cache = ResponseCache.open(dir.resolve("c.jsonl"))) {
      RationaleGenerator.Result r = new RationaleGenerator(chat(s, cache, 2), settings(false)).run(es, o -> { });
      assertEquals(List.of("e1", "e4"), r.examples().stream().map(Example::id).toList());
      assertEquals(List.of(), r.accepted().get(0).cleaned());
      assertEquals(4, r.rejected().size());
      assertEquals("e2", r.rejected().get(0).id());
      assertEquals("empty answer", r.rejected().get(0).reason());
      assertEquals("e3", r.rejected().get(1).id());
      assertTrue(r.rejected().get(1).reason().startsWith("truncated"), r.rejected().get(1).reason());
      assertEquals("It is urgent because the patient", r.rejected().get(1).answer());
      assertEquals("empty once cleaned: the answer held nothing but think_block, label", r.rejected().get(2).reason());
      assertEquals("<think>\nUrgent, since the pain</think>\n\n**Rationale:**", r.rejected().get(2).answer());
      assertEquals("empty once cleaned: the answer held nothing but unclosed_reasoning", r.rejected().get(3).reason());
    }
  }

  @Test
  void labelCheckDropsRationalesThatArgueForAnotherLabel() throws Exception {
    List<Example> es = examples(3); // e1 routine, e2 urgent, e3 routine
    try (ScriptedChatServer s = new ScriptedChatServer(100, (n, r) -> {
      String user = new ScriptedChatServer.Received(r, null).firstUserMessage();
      if (user.startsWith("Here is a clinical case")) {
        // the check question: e3's rationale argues for "urgent"
        // (e3's checker thinks aloud first, as a reasoning model does)
        return ScriptedChatServer.answer(user.contains("R-e3") ? "<think>Routine? No.</think>\nUrgent."
            : user.contains("R-e2") ? "urgent"
            : "\"routine\"");
      }
      return ScriptedChatServer.answer("R-" + id(r));
    }); ResponseCache cache = ResponseCache.open(dir.resolve("c.jsonl"))) {
      RationaleGenerator.Result r = new RationaleGenerator(chat(s, cache, 1), settings(true)).run(es, o -> { });
      assertEquals(List.of("e1", "e2"), r.examples().stream().map(Example::id).toList());
      assertEquals("contradicts the gold label \"routine\": the rationale argues for \"Urgent.\"",
          r.rejected().get(0).reason());
      assertEquals(6, s.requests(), "one rationale and one check per example");
      String check = s.received().stream().map(ScriptedChatServer.Received::firstUserMessage)
          .filter(u -> u.startsWith("Here is")).findFirst().orElseThrow();
      assertTrue(check.contains("argue for: routine, urgent?"), check);
    }
  }

  @Test
  void stopsAtAFailureThatRetriesCannotFixAndKeepsWhatIsDone() throws Exception {
    List<Example> es = examples(6);
    try (ScriptedChatServer s = new ScriptedChatServer(100, (n, r) -> id(r).equals("e4")
        ? new ScriptedChatServer.Status(404, "{\"error\":{\"message\":\"model not found\"}}", Map.of())
        : ScriptedChatServer.answer("ok " + id(r)))) {
      try (ResponseCache cache = ResponseCache.open(dir.resolve("c.jsonl"))) {
        ChatException e = assertThrows(ChatException.class,
            () -> new RationaleGenerator(chat(s, cache, 1), settings(false)).run(es, o -> { }));
        assertTrue(e.getMessage().contains("model not found"), e.getMessage());
        assertEquals(3, cache.size(), "e1-e3 answered before e4 failed; e5, e6 never asked");
        assertEquals(4, s.requests());
      }
      s.script((n, r) -> ScriptedChatServer.answer("ok " + id(r)));
      try (ResponseCache cache = ResponseCache.open(dir.resolve("c.jsonl"))) {
        RationaleGenerator.Result r = new RationaleGenerator(chat(s, cache, 1), settings(false)).run(es, o -> { });
        assertEquals(6, r.accepted().size());
        assertEquals(4 + 3, s.requests(), "only e4, e5, e6 are asked again");
      }
    }
  }
}
