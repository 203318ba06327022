// Batched serving end to end on loopback: concurrent single-note requests share model calls, answers stay per request.
package dev.reason2decide.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reason2decide.inference.Decision;
import dev.reason2decide.inference.DecisionModel;
import dev.reason2decide.serve.TestHttp.Answer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BatchedServingTest {
  /** Answers each note with a rationale naming the note, and counts its calls and the notes they carried. */
  static final class EchoModel implements DecisionModel {
    final AtomicInteger batchCalls = new AtomicInteger();
    final AtomicInteger singleCalls = new AtomicInteger();
    final AtomicInteger notesInBatches = new AtomicInteger();

    @Override
    public Decision decide(String text) {
      singleCalls.incrementAndGet();
      return answer(text);
    }

    @Override
    public List<Decision> decideAll(List<String> texts) {
      batchCalls.incrementAndGet();
      notesInBatches.addAndGet(texts.size());
      return texts.stream().map(EchoModel::answer).toList();
    }

    private static Decision answer(String text) {
      String label = text.contains("fever") ? "urgent" : "routine";
      return new Decision(label, Map.of("urgent", 0.5, "routine", 0.5), "Because of " + text);
    }

    @Override
    public List<String> labels() {
      return List.of("urgent", "routine");
    }

    @Override
    public String name() {
      return "echo";
    }

    @Override
    public Map<String, Object> describe() {
      return Map.of();
    }
  }

  private static ServeConfig config(int workers) {
    return ServeConfig.defaults().withAddress("127.0.0.1", 0).withConcurrency(workers, 4).withLimits(4096, 100, 3);
  }

  /** Sends {@code bodies} at once from as many client threads, and returns the answers in the same order. */
  private static List<Answer> concurrently(TestHttp http, List<String> bodies) throws Exception {
    ExecutorService clients = Executors.newFixedThreadPool(bodies.size());
    try {
      List<Future<Answer>> answers = new ArrayList<>();
      for (String body : bodies) {
        answers.add(clients.submit(() -> http.postJson("/v1/predict", body)));
      }
      List<Answer> out = new ArrayList<>();
      for (Future<Answer> a : answers) {
        out.add(a.get());
      }
      return out;
    } finally {
      clients.shutdownNow();
    }
  }

  private static String note(int i) {
    return "note " + i + (i % 2 == 0 ? " with fever" : " for a repeat prescription");
  }

  @Test
  void concurrentRequestsShareModelCallsAndEachGetsItsOwnAnswer() throws Exception {
    int n = 8;
    EchoModel model = new EchoModel();
    // a long window and a bound of n: the batch is decided when all n notes are there, not when time passes
    try (DecisionServer server = DecisionServer.start(model, config(n), new BatchPolicy(Duration.ofSeconds(30), n),
        new RequestLog(l -> { }, false))) {
      List<String> bodies = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        bodies.add("{\"text\": \"" + note(i) + "\"}");
      }
      List<Answer> answers = concurrently(new TestHttp(server), bodies);
      for (int i = 0; i < n; i++) {
        Answer a = answers.get(i);
        assertEquals(200, a.status(), a.response().body());
        assertEquals("Because of " + note(i), a.json().get("rationale").getAsString());
        assertEquals(i % 2 == 0 ? "urgent" : "routine", a.json().get("label").getAsString());
        assertTrue(a.json().has("checks"), "each answer has its own checks");
        assertTrue(a.json().has("latency_ms"), "each answer has its own latency");
      }
      assertTrue(model.batchCalls.get() < n, "calls: " + model.batchCalls.get());
      assertEquals(n, model.notesInBatches.get());
      assertEquals(0, model.singleCalls.get());
    }
  }

  @Test
  void aBadRequestGetsItsOwn422AndNeverReachesTheBatch() throws Exception {
    int good = 5;
    EchoModel model = new EchoModel();
    try (DecisionServer server = DecisionServer.start(model, config(good + 1),
        new BatchPolicy(Duration.ofSeconds(30), good), new RequestLog(l -> { }, false))) {
      List<String> bodies = new ArrayList<>();
      for (int i = 0; i < good; i++) {
        bodies.add("{\"text\": \"" + note(i) + "\"}");
      }
      bodies.add(2, "{\"text\": \"" + "x".repeat(101) + "\"}"); // over --max-input-chars 100
      List<Answer> answers = concurrently(new TestHttp(server), bodies);
      assertEquals(422, answers.get(2).status(), answers.get(2).response().body());
      answers.remove(2);
      for (int i = 0; i < good; i++) {
        assertEquals(200, answers.get(i).status(), answers.get(i).response().body());
        assertEquals("Because of " + note(i), answers.get(i).json().get("rationale").getAsString());
      }
      assertEquals(good, model.notesInBatches.get(), "the refused note never reached the model");
    }
  }

  @Test
  void aRequestThatTimesOutWhileWaitingForItsBatchGets504AndIsNeverDecided() throws Exception {
    EchoModel model = new EchoModel();
    ServeConfig config = config(2).withRequestTimeout(Duration.ofMillis(300));
    // a batch of 2 within 60 s: one lone request waits for a partner that never comes, then times out
    try (DecisionServer server = DecisionServer.start(model, config, new BatchPolicy(Duration.ofSeconds(60), 2),
        new RequestLog(l -> { }, false))) {
      Answer a = new TestHttp(server).postJson("/v1/predict", "{\"text\": \"" + note(1) + "\"}");
      assertEquals(504, a.status(), a.response().body());
    }
    assertEquals(0, model.batchCalls.get() + model.singleCalls.get(), "the abandoned note was not decided");
  }

  @Test
  void aZeroWindowDecidesEachRequestAlone() throws Exception {
    EchoModel model = new EchoModel();
    try (DecisionServer server = DecisionServer.start(model, config(4), new BatchPolicy(Duration.ZERO, 8),
        new RequestLog(l -> { }, false))) {
      List<Answer> answers = concurrently(new TestHttp(server), List.of("{\"text\": \"" + note(0) + "\"}",
          "{\"text\": \"" + note(1) + "\"}", "{\"text\": \"" + note(2) + "\"}"));
      for (int i = 0; i < 3; i++) {
        assertEquals("Because of " + note(i), answers.get(i).json().get("rationale").getAsString());
      }
      assertEquals(0, model.batchCalls.get());
      assertEquals(3, model.singleCalls.get());
    }
  }
}
