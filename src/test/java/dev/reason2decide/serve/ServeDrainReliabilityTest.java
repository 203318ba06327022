// Reliability of stopping: on SIGTERM the service stops accepting, answers what is in flight, then exits.
package dev.reason2decide.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ServeDrainReliabilityTest {
  @Test
  void waitingClientsGetTheirAnswersWhileTheServerDrains() throws Exception {
    CountDownLatch gate = new CountDownLatch(1);
    Queue<String> log = new ConcurrentLinkedQueue<>();
    DecisionServer server = ServerReliabilityTest.start(new KeywordModel(Duration.ZERO, gate),
        ServeConfig.defaults().withConcurrency(1, 2), log);
    TestHttp http = new TestHttp(server);
    int port = server.port();
    // one decision running, one waiting for the worker
    CompletableFuture<TestHttp.Answer> running = CompletableFuture.supplyAsync(
        () -> http.postJson("/v1/predict", "{\"text\": \"crushing chest pain\"}"));
    AdmissionTest.awaitInFlight(http, 1);
    CompletableFuture<TestHttp.Answer> waiting = CompletableFuture.supplyAsync(
        () -> http.postJson("/v1/predict", "{\"text\": \"mild rash\"}"));
    AdmissionTest.awaitInFlight(http, 2);
    long start = System.nanoTime();
    CompletableFuture<Void> drained = CompletableFuture.runAsync(() -> server.drain(Duration.ofSeconds(5)));
    awaitRefused(port);
    gate.countDown();
    TestHttp.Answer first = running.get(10, TimeUnit.SECONDS);
    TestHttp.Answer second = waiting.get(10, TimeUnit.SECONDS);
    assertEquals(200, first.status(), first.response().body());
    assertEquals("emergency", first.json().get("label").getAsString());
    assertEquals(200, second.status(), second.response().body());
    assertEquals("routine", second.json().get("label").getAsString());
    drained.get(10, TimeUnit.SECONDS);
    double seconds = (System.nanoTime() - start) / 1e9;
    assertTrue(seconds < 4, "the drain ends once the work is answered, not at the grace: " + seconds + " s");
    assertEquals(2, log.stream().filter(l -> l.contains(" POST /v1/predict 200 ")).count(), log.toString());
  }

  @Test
  void aDecisionStillRunningAtTheEndOfTheGraceIsAnswered503() throws Exception {
    CountDownLatch never = new CountDownLatch(1);
    Queue<String> log = new ConcurrentLinkedQueue<>();
    DecisionServer server = ServerReliabilityTest.start(new KeywordModel(Duration.ZERO, never),
        ServeConfig.defaults().withConcurrency(1, 2), log);
    TestHttp http = new TestHttp(server);
    List<CompletableFuture<TestHttp.Answer>> answers = List.of(
        CompletableFuture.supplyAsync(() -> http.postJson("/v1/predict", "{\"text\": \"a\"}")),
        CompletableFuture.supplyAsync(() -> http.postJson("/v1/predict", "{\"text\": \"b\"}")));
    AdmissionTest.awaitInFlight(http, 2);
    long start = System.nanoTime();
    server.drain(Duration.ofMillis(500));
    double seconds = (System.nanoTime() - start) / 1e9;
    assertTrue(seconds < 2.5, "grace plus about a second: " + seconds + " s");
    for (CompletableFuture<TestHttp.Answer> a : answers) {
      TestHttp.Answer answer = a.get(5, TimeUnit.SECONDS);
      assertEquals(503, answer.status(), "the running and the waiting decision are both answered");
      assertEquals("the service is shutting down; retry on another instance or once it is back", answer.message());
      assertEquals("5", answer.header("Retry-After"));
    }
    assertEquals(2, log.stream().filter(l -> l.contains(" POST /v1/predict 503 ")).count(), log.toString());
    assertThrows(ConnectException.class, () -> new Socket("127.0.0.1", server.port()).close(), "nothing listens");
  }

  /** Waits until a new connection to {@code port} is refused (the listening socket is closed). */
  private static void awaitRefused(int port) throws Exception {
    for (int i = 0; i < 200; i++) {
      try {
        new Socket("127.0.0.1", port).close();
        Thread.sleep(10);
      } catch (ConnectException e) {
        return;
      } catch (IOException e) {
        // reset while closing: try again
      }
    }
    throw new AssertionError("the server still accepts connections 2 s after the drain began");
  }
}
