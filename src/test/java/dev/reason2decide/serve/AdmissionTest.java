// Bounded concurrency: a full service refuses at once with 503 + Retry-After; a slow decision gets 504 and frees
// its slot when its computation ends.
package dev.reason2decide.serve;

import static dev.reason2decide.serve.DecisionServerTest.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reason2decide.serve.TestHttp.Answer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class AdmissionTest {
  static final String BODY = "{\"text\": \"fever\"}";

  @Test
  void fullServiceAnswers503WithRetryAfterAndRecovers() throws Exception {
    CountDownLatch gate = new CountDownLatch(1);
    KeywordModel model = new KeywordModel(Duration.ZERO, gate);
    ServeConfig config = ServeConfig.defaults().withAddress("127.0.0.1", 0).withConcurrency(1, 1);
    try (DecisionServer server = DecisionServer.start(model, config, new RequestLog(l -> { }, false))) {
      TestHttp http = new TestHttp(server);
      // one running, one waiting: both slots taken
      CompletableFuture<Answer> first = CompletableFuture.supplyAsync(() -> http.postJson("/v1/predict", BODY));
      CompletableFuture<Answer> second = CompletableFuture.supplyAsync(() -> http.postJson("/v1/predict", BODY));
      awaitInFlight(http, 2);
      long t0 = System.nanoTime();
      Answer refused = http.postJson("/v1/predict", BODY);
      long refusedMs = (System.nanoTime() - t0) / 1_000_000;
      assertError(refused, 503, "all 2 request slots (--workers + --queue) are taken");
      assertEquals("1", refused.header("Retry-After"));
      assertTrue(refusedMs < 2000, "refused at once, not queued: " + refusedMs + " ms");
      assertEquals(200, http.get("/health").status(), "health answers while decisions are full");
      gate.countDown();
      assertEquals(200, first.get(10, TimeUnit.SECONDS).status());
      assertEquals(200, second.get(10, TimeUnit.SECONDS).status());
      assertEquals(200, http.postJson("/v1/predict", BODY).status(), "accepts again once slots are free");
      assertEquals(3, model.calls.get(), "the refused request never reached the model");
    }
  }

  @Test
  void slowDecisionIs504NamingTheTimeoutAndItsSlotIsFreed() throws Exception {
    KeywordModel model = new KeywordModel(Duration.ofSeconds(30), null);
    ServeConfig config = ServeConfig.defaults().withAddress("127.0.0.1", 0).withConcurrency(1, 0)
        .withRequestTimeout(Duration.ofMillis(300));
    try (DecisionServer server = DecisionServer.start(model, config, new RequestLog(l -> { }, false))) {
      TestHttp http = new TestHttp(server);
      long t0 = System.nanoTime();
      Answer a = http.postJson("/v1/predict", BODY);
      long ms = (System.nanoTime() - t0) / 1_000_000;
      assertError(a, 504, "the decision took longer than the request timeout of 300 ms (--timeout-ms)");
      assertTrue(ms < 5000, "answered near the timeout, not after the model: " + ms + " ms");
      // the slow computation was interrupted, so its slot comes back
      awaitInFlight(http, 0);
    }
  }

  @Test
  void requestWaitingInTheQueueIsAlsoBoundedByTheTimeout() throws Exception {
    CountDownLatch gate = new CountDownLatch(1);
    KeywordModel model = new KeywordModel(Duration.ZERO, gate);
    ServeConfig config = ServeConfig.defaults().withAddress("127.0.0.1", 0).withConcurrency(1, 1)
        .withRequestTimeout(Duration.ofMillis(400));
    try (DecisionServer server = DecisionServer.start(model, config, new RequestLog(l -> { }, false))) {
      TestHttp http = new TestHttp(server);
      CompletableFuture<Answer> running = CompletableFuture.supplyAsync(() -> http.postJson("/v1/predict", BODY));
      CompletableFuture<Answer> queued = CompletableFuture.supplyAsync(() -> http.postJson("/v1/predict", BODY));
      assertEquals(504, running.get(10, TimeUnit.SECONDS).status());
      assertEquals(504, queued.get(10, TimeUnit.SECONDS).status());
      gate.countDown();
      awaitInFlight(http, 0);
      assertEquals(200, http.postJson("/v1/predict", BODY).status());
    }
  }

  static void awaitInFlight(TestHttp http, int expected) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    int seen = -1;
    while (System.nanoTime() < deadline) {
      seen = http.get("/health").json().get("in_flight").getAsInt();
      if (seen == expected) {
        return;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("expected " + expected + " requests in flight, saw " + seen);
  }
}
