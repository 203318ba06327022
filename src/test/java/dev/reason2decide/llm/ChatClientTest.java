// The chat client against a real loopback server: protocol, retries, Retry-After, timeouts, drops, 4xx, concurrency.
package dev.reason2decide.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ChatClientTest {
  private static final String KEY = "sk-test-not-a-real-key-7f3a";
  private final List<Duration> waits = new CopyOnWriteArrayList<>();

  private ChatClient client(ScriptedChatServer s, int attempts, Duration timeout, int concurrency) {
    RetryPolicy p = new RetryPolicy(attempts, Duration.ofMillis(100), Duration.ofMillis(400),
        Duration.ofSeconds(5));
    ChatClientConfig c = new ChatClientConfig(s.baseUrl(), "m1", Optional.of(ApiKey.of(KEY)), concurrency,
        Duration.ofSeconds(2), timeout, p);
    return new ChatClient(c, waits::add, new Random(7));
  }

  private ChatClient client(ScriptedChatServer s, int attempts) {
    return client(s, attempts, Duration.ofSeconds(5), 4);
  }

  private static ChatRequest request(Integer seed) {
    return new ChatRequest("m1", List.of(ChatMessage.system("sys"), ChatMessage.user("hello")), 0.0, 64, seed);
  }

  @Test
  void sendsTheOpenAiRequestAndReadsAnswerAndUsage() throws Exception {
    try (ScriptedChatServer s = new ScriptedChatServer(10,
        (n, r) -> new ScriptedChatServer.Answer("hi there", "stop", 12, 3))) {
      ChatClient c = client(s, 3);
      ChatResponse r = c.chat(request(42));
      assertEquals("hi there", r.content());
      assertEquals("stop", r.finishReason());
      assertEquals(new Usage(12, 3, 15), r.usage());
      JsonObject body = s.received().get(0).body();
      assertEquals("m1", body.get("model").getAsString());
      assertEquals(2, body.getAsJsonArray("messages").size());
      assertEquals("system", body.getAsJsonArray("messages").get(0).getAsJsonObject().get("role").getAsString());
      assertEquals(0.0, body.get("temperature").getAsDouble());
      assertEquals(64, body.get("max_tokens").getAsInt());
      assertEquals(42, body.get("seed").getAsInt());
      assertEquals("Bearer " + KEY, s.received().get(0).authorization());
      c.chat(request(null));
      assertFalse(s.received().get(1).body().has("seed"), "--no-seed sends no seed");
      assertEquals(new Usage(24, 6, 30), c.stats().usage());
    }
  }

  @Test
  void honoursRetryAfterOn429() throws Exception {
    try (ScriptedChatServer s = new ScriptedChatServer(10, (n, r) -> n == 1
        ? new ScriptedChatServer.Status(429, "{\"error\":{\"message\":\"slow down\"}}", Map.of("Retry-After", "3"))
        : ScriptedChatServer.answer("ok"))) {
      assertEquals("ok", client(s, 3).chat(request(1)).content());
      assertEquals(List.of(Duration.ofSeconds(3)), waits, "waits exactly what Retry-After says");
      assertEquals(2, s.requests());
    }
  }

  @Test
  void retryAfterIsReallyWaited() throws Exception {
    try (ScriptedChatServer s = new ScriptedChatServer(10, (n, r) -> n == 1
        ? new ScriptedChatServer.Status(429, "", Map.of("Retry-After", "1"))
        : ScriptedChatServer.answer("ok"))) {
      ChatClient c = new ChatClient(ChatClientConfig.of(s.baseUrl(), "m1", Optional.empty()));
      long t0 = System.nanoTime();
      assertEquals("ok", c.chat(request(1)).content());
      long ms = (System.nanoTime() - t0) / 1_000_000;
      assertTrue(ms >= 1000, "waited " + ms + " ms");
      assertEquals(1, c.stats().retries());
    }
  }

  @Test
  void backsOffExponentiallyWithJitterOn5xx() throws Exception {
    try (ScriptedChatServer s = new ScriptedChatServer(10, (n, r) -> switch (n) {
      case 1 -> new ScriptedChatServer.Status(500, "boom", Map.of());
      case 2 -> new ScriptedChatServer.Status(503, "", Map.of());
      case 3 -> new ScriptedChatServer.Status(502, "", Map.of());
      default -> ScriptedChatServer.answer("ok");
    })) {
      assertEquals("ok", client(s, 5).chat(request(1)).content());
      assertEquals(4, s.requests());
      // initial 100 ms doubling, each wait in [d/2, d]: [50,100], [100,200], [200,400]
      long[][] bounds = {{50, 100}, {100, 200}, {200, 400}};
      assertEquals(3, waits.size());
      for (int i = 0; i < 3; i++) {
        long ms = waits.get(i).toMillis();
        assertTrue(ms >= bounds[i][0] && ms <= bounds[i][1], "wait " + i + " = " + ms);
      }
    }
  }

  @Test
  void givesUpAfterMaxAttempts() throws Exception {
    try (ScriptedChatServer s = new ScriptedChatServer(10,
        (n, r) -> new ScriptedChatServer.Status(500, "down", Map.of()))) {
      ChatException e = assertThrows(ChatException.class, () -> client(s, 3).chat(request(1)));
      assertEquals(3, s.requests());
      assertEquals(3, e.attempts());
      assertEquals(500, e.status());
      assertTrue(e.getMessage().contains("gave up after 3 attempts"), e.getMessage());
    }
  }

  @Test
  void doesNotRetryA400AndSaysWhy() throws Exception {
    try (ScriptedChatServer s = new ScriptedChatServer(10, (n, r) -> new ScriptedChatServer.Status(400,
        "{\"error\":{\"message\":\"unknown parameter: seed\"}}", Map.of()))) {
      ChatException e = assertThrows(ChatException.class, () -> client(s, 5).chat(request(1)));
      assertEquals(1, s.requests(), "a 400 is not retried");
      assertFalse(e.retryable());
      assertTrue(e.getMessage().contains("HTTP 400: unknown parameter: seed"), e.getMessage());
      assertTrue(e.getMessage().contains("--no-seed"), e.getMessage());
      assertTrue(waits.isEmpty());
    }
  }

  @Test
  void neverShowsTheKeyEvenWhenTheServerEchoesIt() throws Exception {
    try (ScriptedChatServer s = new ScriptedChatServer(10, (n, r) -> new ScriptedChatServer.Status(401,
        "{\"error\":{\"message\":\"invalid key " + KEY + "\"}}", Map.of()))) {
      ChatException e = assertThrows(ChatException.class, () -> client(s, 5).chat(request(1)));
      assertFalse(e.getMessage().contains(KEY), e.getMessage());
      assertTrue(e.getMessage().contains("invalid key ***"), e.getMessage());
      assertTrue(e.getMessage().contains("R2D_LLM_API_KEY"), e.getMessage());
      assertEquals("ApiKey[***]", ApiKey.of(KEY).toString());
    }
  }

  @Test
  void retriesASlowAnswerAfterTheTimeout() throws Exception {
    try (ScriptedChatServer s = new ScriptedChatServer(10, (n, r) -> n == 1
        ? new ScriptedChatServer.Delay(3000, ScriptedChatServer.answer("late"))
        : ScriptedChatServer.answer("on time"))) {
      ChatClient c = client(s, 3, Duration.ofMillis(400), 4);
      assertEquals("on time", c.chat(request(1)).content());
      assertEquals(2, s.requests());
    }
  }

  @Test
  void retriesADroppedConnectionAndMalformedBodies() throws Exception {
    try (ScriptedChatServer s = new ScriptedChatServer(10, (n, r) -> switch (n) {
      case 1 -> new ScriptedChatServer.Drop();
      case 2 -> new ScriptedChatServer.Raw("<html>bad gateway</html>");
      case 3 -> new ScriptedChatServer.Raw("{\"choices\": []}");
      default -> ScriptedChatServer.answer("fine");
    })) {
      assertEquals("fine", client(s, 5).chat(request(1)).content());
      assertEquals(4, s.requests());
      assertEquals(3, waits.size());
    }
  }

  @Test
  void refusesARetryAfterLongerThanAllowed() throws Exception {
    try (ScriptedChatServer s = new ScriptedChatServer(10, (n, r) ->
        new ScriptedChatServer.Status(503, "", Map.of("Retry-After", "3600")))) {
      ChatException e = assertThrows(ChatException.class, () -> client(s, 5).chat(request(1)));
      assertEquals(1, s.requests());
      assertTrue(e.getMessage().contains("server asks to wait 3600 s"), e.getMessage());
    }
  }

  @Test
  void boundsRequestsInFlight() throws Exception {
    try (ScriptedChatServer s = new ScriptedChatServer(20,
        (n, r) -> new ScriptedChatServer.Delay(150, ScriptedChatServer.answer("x")))) {
      ChatClient c = client(s, 2, Duration.ofSeconds(5), 2);
      ExecutorService pool = Executors.newFixedThreadPool(8);
      List<Future<ChatResponse>> fs = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        fs.add(pool.submit(() -> c.chat(request(1))));
      }
      for (Future<ChatResponse> f : fs) {
        assertEquals("x", f.get().content());
      }
      pool.shutdown();
      assertEquals(2, s.maxInFlight(), "8 callers, concurrency 2");
      assertEquals(8, s.requests());
    }
  }

  @Test
  void endpointFromBaseUrl() {
    assertEquals("http://h:8000/v1/chat/completions", ChatClientConfig.endpoint("http://h:8000").toString());
    assertEquals("http://h:8000/v1/chat/completions", ChatClientConfig.endpoint("http://h:8000/v1/").toString());
    assertEquals("https://h/api/v1/chat/completions",
        ChatClientConfig.endpoint("https://h/api/v1/chat/completions").toString());
    assertThrows(IllegalArgumentException.class, () -> ChatClientConfig.endpoint("ftp://h/v1"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ChatClientConfig.endpoint("http://user:secret@h/v1"));
    assertFalse(e.getMessage().contains("secret"), e.getMessage());
    IllegalArgumentException noModel = assertThrows(IllegalArgumentException.class,
        () -> ChatClientConfig.of("http://h", " ", Optional.empty()));
    assertTrue(noModel.getMessage().contains("R2D_LLM_MODEL"));
  }

  @Test
  void retryAfterAsHttpDate() {
    ZonedDateTime now = ZonedDateTime.of(2025, 1, 1, 12, 0, 0, 0, ZoneOffset.UTC);
    assertEquals(Duration.ofSeconds(90), ChatClient.parseRetryAfter("Wed, 01 Jan 2025 12:01:30 GMT", now));
    assertEquals(Duration.ZERO, ChatClient.parseRetryAfter("Wed, 01 Jan 2025 11:00:00 GMT", now));
    assertEquals(Duration.ofMillis(2500), ChatClient.parseRetryAfter("2.5", now));
    assertNull(ChatClient.parseRetryAfter("soon", now));
  }
}
