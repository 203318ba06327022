// A real HTTP server on the loopback interface that speaks chat completions and answers from a test's script.
package dev.reason2decide.llm;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Listens on 127.0.0.1 (never another interface) on a free port and serves POST /v1/chat/completions. Each
 * request is answered by {@link Script#reply}; the server records every request and counts requests in flight.
 * It refuses to serve more than {@code maxRequests} requests (a runaway retry loop fails the test).
 */
final class ScriptedChatServer implements AutoCloseable {
  /** What the server does with one request. */
  sealed interface Reply {}

  /** A normal answer. */
  record Answer(String content, String finishReason, int promptTokens, int completionTokens) implements Reply {}

  /** An HTTP error (or any status) with a body and headers. */
  record Status(int code, String body, Map<String, String> headers) implements Reply {}

  /** A 200 whose body is the given raw text (malformed protocol JSON). */
  record Raw(String body) implements Reply {}

  /** Close the connection without answering. */
  record Drop() implements Reply {}

  /** Wait, then do {@code then}. */
  record Delay(long millis, Reply then) implements Reply {}

  /** Hold the request until {@link #release()} (or the server closes), then do {@code then}. */
  record Block(Reply then) implements Reply {}

  static Answer answer(String content) {
    return new Answer(content, "stop", 10, 5);
  }

  /** The test's script: {@code n} is the 1-based number of this request at the server. */
  @FunctionalInterface
  interface Script {
    Reply reply(int n, JsonObject request);
  }

  /** A request as received. */
  record Received(JsonObject body, String authorization) {
    String lastUserMessage() {
      JsonArray ms = body.getAsJsonArray("messages");
      for (int i = ms.size() - 1; i >= 0; i--) {
        JsonObject m = ms.get(i).getAsJsonObject();
        if (m.get("role").getAsString().equals("user")) {
          return m.get("content").getAsString();
        }
      }
      return "";
    }

    String firstUserMessage() {
      for (var e : body.getAsJsonArray("messages")) {
        JsonObject m = e.getAsJsonObject();
        if (m.get("role").getAsString().equals("user")) {
          return m.get("content").getAsString();
        }
      }
      return "";
    }
  }

  private final HttpServer server;
  private final ExecutorService pool;
  private final int maxRequests;
  private volatile Script script;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final AtomicInteger count = new AtomicInteger();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger maxInFlight = new AtomicInteger();
  private final ThreadLocal<Boolean> left = ThreadLocal.withInitial(() -> false);
  private final AtomicInteger answered = new AtomicInteger();
  private volatile CountDownLatch gate = new CountDownLatch(1);

  ScriptedChatServer(int maxRequests, Script script) throws IOException {
    this.maxRequests = maxRequests;
    this.script = script;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
    this.pool = Executors.newFixedThreadPool(16);
    server.setExecutor(pool);
    server.createContext("/v1/chat/completions", this::handle);
    server.start();
  }

  /** The base URL clients are given (the /v1 form servers document). */
  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
  }

  void script(Script s) {
    this.script = s;
  }

  List<Received> received() {
    return List.copyOf(received);
  }

  int requests() {
    return count.get();
  }

  /** Requests that got a 200 chat answer. */
  int answered() {
    return answered.get();
  }

  int maxInFlight() {
    return maxInFlight.get();
  }

  /** Lets blocked requests go on. */
  void release() {
    gate.countDown();
  }

  private void handle(HttpExchange ex) throws IOException {
    left.set(false);
    int now = inFlight.incrementAndGet();
    maxInFlight.accumulateAndGet(now, Math::max);
    try {
      if (!ex.getRequestMethod().equals("POST")) {
        send(ex, new Status(405, "{\"error\":{\"message\":\"POST only\"}}", Map.of()));
        return;
      }
      String text = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      JsonObject body = JsonParser.parseString(text).getAsJsonObject();
      received.add(new Received(body, ex.getRequestHeaders().getFirst("Authorization")));
      int n = count.incrementAndGet();
      if (n > maxRequests) {
        send(ex, new Status(400, "{\"error\":{\"message\":\"test server: more than " + maxRequests
            + " requests\"}}", Map.of()));
        return;
      }
      send(ex, script.reply(n, body));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      ex.close();
    } finally {
      leave();
    }
  }

  /**
   * The exchange stops counting as in flight, once: before its response leaves (a client may send its next request
   * as soon as it has read this one's answer, and must not find this one still counted) or when it ends unanswered.
   * An exchange is handled on one thread from start to end, so the flag is the thread's.
   */
  private void leave() {
    if (!left.get()) {
      left.set(true);
      inFlight.decrementAndGet();
    }
  }

  private void send(HttpExchange ex, Reply r) throws IOException, InterruptedException {
    if (r instanceof Delay d) {
      Thread.sleep(d.millis());
      send(ex, d.then());
    } else if (r instanceof Block b) {
      gate.await();
      send(ex, b.then());
    } else if (r instanceof Drop) {
      ex.close(); // no status line sent: the server closes the connection
    } else if (r instanceof Raw raw) {
      write(ex, 200, raw.body(), Map.of());
    } else if (r instanceof Status s) {
      write(ex, s.code(), s.body(), s.headers());
    } else if (r instanceof Answer a) {
      JsonObject o = new JsonObject();
      o.addProperty("id", "chatcmpl-test");
      o.addProperty("object", "chat.completion");
      o.addProperty("model", "scripted");
      JsonObject msg = new JsonObject();
      msg.addProperty("role", "assistant");
      msg.addProperty("content", a.content());
      JsonObject choice = new JsonObject();
      choice.addProperty("index", 0);
      choice.add("message", msg);
      choice.addProperty("finish_reason", a.finishReason());
      JsonArray choices = new JsonArray();
      choices.add(choice);
      o.add("choices", choices);
      JsonObject usage = new JsonObject();
      usage.addProperty("prompt_tokens", a.promptTokens());
      usage.addProperty("completion_tokens", a.completionTokens());
      usage.addProperty("total_tokens", a.promptTokens() + a.completionTokens());
      o.add("usage", usage);
      write(ex, 200, o.toString(), Map.of());
      answered.incrementAndGet();
    }
  }

  private void write(HttpExchange ex, int code, String body, Map<String, String> headers)
      throws IOException {
    leave();
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "application/json");
    headers.forEach((k, v) -> ex.getResponseHeaders().set(k, v));
    ex.sendResponseHeaders(code, bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream os = ex.getResponseBody()) {
      os.write(bytes);
    }
  }

  @Override
  public void close() {
    release();
    server.stop(0);
    pool.shutdownNow();
    try {
      pool.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
