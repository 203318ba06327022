// A client that closes its connection while its decision runs: the decoding stops, alone or in a batch (loopback).
package dev.reason2decide.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.reason2decide.inference.Decision;
import dev.reason2decide.inference.DecisionModel;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * No timing is asserted: the model decodes a note starting with "endless" step by step until it is interrupted (as
 * the greedy decoder does) or released, and the request timeout is ten minutes, so only the client's departure can
 * stop it; the JUnit timeout only keeps a broken build from hanging.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ServeClientGoneTest {
  static final Duration NEVER = Duration.ofMinutes(10);

  /** Decodes "endless" notes one step at a time until interrupted or released; other notes at once. */
  static final class SteppingModel implements DecisionModel {
    final Queue<List<String>> calls = new ConcurrentLinkedQueue<>();
    final CountDownLatch decoding = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    final CompletableFuture<String> stopped = new CompletableFuture<>();
    final AtomicInteger steps = new AtomicInteger();

    @Override
    public Decision decide(String text) {
      return decideAll(List.of(text)).get(0);
    }

    @Override
    public List<Decision> decideAll(List<String> texts) {
      calls.add(List.copyOf(texts));
      if (texts.stream().anyMatch(t -> t.startsWith("endless"))) {
        try {
          while (!release.await(2, TimeUnit.MILLISECONDS)) {
            steps.incrementAndGet();
            decoding.countDown();
            if (Thread.interrupted()) {
              throw new InterruptedException();
            }
          }
          stopped.complete("released");
        } catch (InterruptedException e) {
          stopped.complete("interrupted");
          throw new CancellationException("decoding interrupted");
        }
      }
      return texts.stream().map(t -> new Decision("routine", Map.of("routine", 1.0), "because " + t)).toList();
    }

    @Override
    public List<String> labels() {
      return List.of("routine");
    }

    @Override
    public String name() {
      return "stepping";
    }

    @Override
    public Map<String, Object> describe() {
      return Map.of();
    }
  }

  @BeforeAll
  static void onlyWhereConnectionsCanBeWatched() {
    try (ClientWatch watch = new ClientWatch()) {
      assumeTrue(watch.available(), "no /proc/net/tcp: closed connections cannot be seen on this system");
    }
  }

  @Test
  void aClientThatClosesItsConnectionStopsItsDecodingAndFreesItsSlot() throws Exception {
    SteppingModel model = new SteppingModel();
    Queue<String> log = new ConcurrentLinkedQueue<>();
    ServeConfig config = ServeConfig.defaults().withConcurrency(1, 0).withRequestTimeout(NEVER);
    try (DecisionServer server = ServerReliabilityTest.start(model, config, log)) {
      TestHttp http = new TestHttp(server);
      sendAndLeave(server, "/v1/predict", "{\"text\": \"endless note\"}", model.decoding::await);
      assertEquals("interrupted", model.stopped.get());
      AdmissionTest.awaitInFlight(http, 0);
      awaitLine(log, " POST /v1/predict 499 ");
      TestHttp.Answer next = http.postJson("/v1/predict", "{\"text\": \"short note\"}");
      assertEquals(200, next.status(), "the one worker is free again");
      assertEquals("because short note", next.json().get("rationale").getAsString());
    }
  }

  @Test
  void aBatchRequestWhoseClientLeftStopsToo() throws Exception {
    SteppingModel model = new SteppingModel();
    ServeConfig config = ServeConfig.defaults().withConcurrency(1, 0).withRequestTimeout(NEVER);
    try (DecisionServer server = ServerReliabilityTest.start(model, config, new ConcurrentLinkedQueue<>())) {
      sendAndLeave(server, "/v1/predict/batch", "{\"texts\": [\"a\", \"endless b\"]}", model.decoding::await);
      assertEquals("interrupted", model.stopped.get());
      AdmissionTest.awaitInFlight(new TestHttp(server), 0);
    }
  }

  @Test
  void aGoneClientsNoteIsDroppedFromABatchThatHasNotStarted() throws Exception {
    SteppingModel model = new SteppingModel();
    ServeConfig config = ServeConfig.defaults().withConcurrency(2, 0).withRequestTimeout(NEVER);
    BatchPolicy twoNotes = new BatchPolicy(NEVER, 2); // a batch starts only when it holds two notes
    ExecutorService clients = Executors.newSingleThreadExecutor();
    try (DecisionServer server = DecisionServer.start(model, config.withAddress("127.0.0.1", 0), twoNotes,
        new RequestLog(l -> { }, false))) {
      TestHttp http = new TestHttp(server);
      sendAndLeave(server, "/v1/predict", "{\"text\": \"endless a\"}", () -> AdmissionTest.awaitInFlight(http, 1));
      AdmissionTest.awaitInFlight(http, 0); // its worker gave up waiting for the batch
      Future<TestHttp.Answer> b = clients.submit(() -> http.postJson("/v1/predict", "{\"text\": \"b\"}"));
      assertEquals(200, b.get().status());
      assertEquals("because b", b.get().json().get("rationale").getAsString());
      assertEquals(List.of(List.of("b")), List.copyOf(model.calls), "the gone client's note was never decided");
    } finally {
      clients.shutdownNow();
    }
  }

  @Test
  void aBatchStopsDecodingWhenEveryClientInItHasLeft() throws Exception {
    SteppingModel model = new SteppingModel();
    Queue<String> log = new ConcurrentLinkedQueue<>();
    try (DecisionServer server = batchedServer(model, log)) {
      Socket b = send(server, "/v1/predict", "{\"text\": \"endless b\"}");
      try {
        sendAndLeave(server, "/v1/predict", "{\"text\": \"endless a\"}", model.decoding::await);
        assertEquals(Set.of("endless a", "endless b"), Set.copyOf(model.calls.peek()), "one batch of both");
        awaitLine(log, " 499 ");
        assertFalse(model.stopped.isDone(), "the batch goes on while one of its clients still waits");
      } finally {
        b.close();
      }
      assertEquals("interrupted", model.stopped.get());
      AdmissionTest.awaitInFlight(new TestHttp(server), 0);
      assertEquals(1, model.calls.size(), "no note decided again alone");
    }
  }

  @Test
  void aBatchGoesOnForTheClientsStillWaiting() throws Exception {
    SteppingModel model = new SteppingModel();
    Queue<String> log = new ConcurrentLinkedQueue<>();
    ExecutorService clients = Executors.newSingleThreadExecutor();
    try (DecisionServer server = batchedServer(model, log)) {
      TestHttp http = new TestHttp(server);
      Future<TestHttp.Answer> b = clients.submit(() -> http.postJson("/v1/predict", "{\"text\": \"endless b\"}"));
      sendAndLeave(server, "/v1/predict", "{\"text\": \"endless a\"}", model.decoding::await);
      awaitLine(log, " 499 ");
      model.release.countDown();
      assertEquals(200, b.get().status());
      assertEquals("because endless b", b.get().json().get("rationale").getAsString());
      assertEquals("released", model.stopped.get());
    } finally {
      clients.shutdownNow();
    }
  }

  /** Two workers, batches of exactly two notes, no deadline that could stop anything. */
  private static DecisionServer batchedServer(DecisionModel model, Queue<String> log) throws IOException {
    ServeConfig config = ServeConfig.defaults().withConcurrency(2, 0).withRequestTimeout(NEVER)
        .withAddress("127.0.0.1", 0);
    return DecisionServer.start(model, config, new BatchPolicy(NEVER, 2), new RequestLog(log::add, false));
  }

  /** Opens a connection and sends a whole JSON POST on it; the answer is never read. */
  private static Socket send(DecisionServer server, String path, String json) throws IOException {
    Socket s = new Socket("127.0.0.1", server.port());
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    s.getOutputStream().write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
        + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    s.getOutputStream().write(body);
    s.getOutputStream().flush();
    return s;
  }

  /** Something to wait for before the client leaves. */
  @FunctionalInterface
  private interface Until {
    void await() throws Exception;
  }

  /** Sends a whole JSON POST on a new connection and closes it, unanswered, once {@code until} has happened. */
  private static void sendAndLeave(DecisionServer server, String path, String json, Until until) throws Exception {
    Socket s = send(server, path, json);
    try {
      until.await();
    } finally {
      s.close();
    }
  }

  private static void awaitLine(Queue<String> log, String part) throws InterruptedException {
    while (log.stream().noneMatch(l -> l.contains(part))) {
      Thread.sleep(10);
    }
  }
}
