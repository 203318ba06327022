// The answer cache: durable across reopen, tolerant of a torn last line, strict elsewhere, locked, keyed by everything.
package dev.reason2decide.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResponseCacheTest {
  @TempDir
  Path dir;

  private static ChatResponse resp(String text) {
    return new ChatResponse(text, "stop", new Usage(3, 2, 5), "m");
  }

  @Test
  void answersSurviveReopening() {
    Path f = dir.resolve("c.jsonl");
    try (ResponseCache c = ResponseCache.open(f)) {
      assertEquals(0, c.loaded());
      c.put("k1", "ex1", resp("one"));
      c.put("k2", "ex2", resp("two"));
      c.put("k1", "ex1", resp("again")); // already there: kept as first stored
    }
    try (ResponseCache c = ResponseCache.open(f)) {
      assertEquals(2, c.loaded());
      assertEquals("one", c.get("k1").orElseThrow().content());
      assertEquals(new Usage(3, 2, 5), c.get("k2").orElseThrow().usage());
      assertTrue(c.get("k3").isEmpty());
    }
  }

  @Test
  void dropsATornLastLineAndAppendsCleanlyAfterIt() throws Exception {
    Path f = dir.resolve("c.jsonl");
    try (ResponseCache c = ResponseCache.open(f)) {
      c.put("k1", "ex1", resp("one"));
    }
    Files.writeString(f, "{\"key\":\"k2\",\"ref\":\"ex2\",\"resp", StandardOpenOption.APPEND);
    try (ResponseCache c = ResponseCache.open(f)) {
      assertTrue(c.tornLineDropped());
      assertEquals(1, c.loaded());
      c.put("k3", "ex3", resp("three"));
    }
    List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
    assertEquals(2, lines.size(), lines.toString());
    try (ResponseCache c = ResponseCache.open(f)) {
      assertFalse(c.tornLineDropped());
      assertEquals("three", c.get("k3").orElseThrow().content());
    }
  }

  @Test
  void aDamagedLineInTheMiddleIsAnError() throws Exception {
    Path f = dir.resolve("c.jsonl");
    try (ResponseCache c = ResponseCache.open(f)) {
      c.put("k1", "ex1", resp("one"));
    }
    Files.writeString(f, "garbage\n", StandardOpenOption.APPEND);
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> ResponseCache.open(f));
    assertTrue(e.getMessage().startsWith(f + ":2: cache record is damaged"), e.getMessage());
  }

  @Test
  void twoRunsCannotShareACache() {
    Path f = dir.resolve("c.jsonl");
    try (ResponseCache c = ResponseCache.open(f)) {
      c.put("k", "ex", resp("held"));
      IllegalStateException e = assertThrows(IllegalStateException.class, () -> ResponseCache.open(f));
      assertTrue(e.getMessage().contains("in use by another run"), e.getMessage());
    }
    try (ResponseCache again = ResponseCache.open(f)) { // free again once closed
      assertEquals(1, again.loaded());
    }
  }

  @Test
  void keyChangesWithPromptModelParametersAndPurpose() {
    List<ChatMessage> m = List.of(ChatMessage.user("case A, label yes"));
    ChatRequest base = new ChatRequest("m", m, 0.0, 256, 42);
    String k = ResponseCache.key("rationale", base);
    assertEquals(64, k.length());
    assertEquals(k, ResponseCache.key("rationale", new ChatRequest("m", List.of(ChatMessage.user(
        "case A, label yes")), 0.0, 256, 42)), "same request, same key");
    assertNotEquals(k, ResponseCache.key("judge", base));
    assertNotEquals(k, ResponseCache.key("rationale", new ChatRequest("m2", m, 0.0, 256, 42)));
    assertNotEquals(k, ResponseCache.key("rationale", new ChatRequest("m", m, 0.5, 256, 42)));
    assertNotEquals(k, ResponseCache.key("rationale", new ChatRequest("m", m, 0.0, 128, 42)));
    assertNotEquals(k, ResponseCache.key("rationale", new ChatRequest("m", m, 0.0, 256, 7)));
    assertNotEquals(k, ResponseCache.key("rationale", new ChatRequest("m", m, 0.0, 256, null)));
    assertNotEquals(k, ResponseCache.key("rationale", new ChatRequest("m",
        List.of(ChatMessage.user("case B, label yes")), 0.0, 256, 42)));
  }
}
