// `r2d serve` end to end: options become the server's configuration, the model is loaded once, bad options fail.
package dev.reason2decide.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reason2decide.inference.Decision;
import dev.reason2decide.inference.DecisionModel;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ServeCommandTest {
  @TempDir
  Path tmp;

  /** A one-label model that counts how often it was loaded and closed. */
  static final class CountingModel implements DecisionModel {
    final AtomicInteger closed = new AtomicInteger();

    @Override
    public Decision decide(String text) {
      return new Decision("routine", Map.of("routine", 1.0), "Nothing acute in " + text + ".");
    }

    @Override
    public List<String> labels() {
      return List.of("routine");
    }

    @Override
    public String name() {
      return "counting";
    }

    @Override
    public Map<String, Object> describe() {
      return Map.of();
    }

    @Override
    public void close() {
      closed.incrementAndGet();
    }
  }

  @Test
  void servesTheLoadedModelUntilStoppedThenClosesIt() throws Exception {
    ServeCommand serve = new ServeCommand();
    CountingModel model = new CountingModel();
    AtomicInteger loads = new AtomicInteger();
    serve.loader = dir -> {
      assertEquals(tmp, dir);
      loads.incrementAndGet();
      return model;
    };
    StringWriter err = new StringWriter();
    CommandLine cl = new CommandLine(serve).setErr(new PrintWriter(err, true));
    CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(
        () -> cl.execute("--model", tmp.toString(), "--port", "0", "--workers", "2", "--max-input-chars", "50"));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (serve.running == null && System.nanoTime() < deadline && !exit.isDone()) {
      Thread.sleep(20);
    }
    assertTrue(serve.running != null, "server started: " + err);
    HttpClient client = HttpClient.newHttpClient();
    String base = "http://127.0.0.1:" + serve.running.port();
    HttpResponse<String> model1 = client.send(HttpRequest.newBuilder(URI.create(base + "/v1/model")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertTrue(model1.body().contains("\"max_input_chars\":50"), model1.body());
    assertTrue(model1.body().contains("\"workers\":2"), model1.body());
    HttpResponse<String> p = client.send(HttpRequest.newBuilder(URI.create(base + "/v1/predict"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"a rash\"}")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, p.statusCode());
    serve.stop.countDown();
    assertEquals(0, exit.get(10, TimeUnit.SECONDS));
    assertEquals(1, loads.get(), "loaded once");
    assertEquals(1, model.closed.get(), "closed on stop");
    String log = err.toString();
    assertTrue(log.contains("r2d serve: model counting (1 labels) at http://127.0.0.1:"), log);
    assertTrue(log.contains("POST /v1/predict 200"), log);
    assertTrue(!log.contains("a rash"), "no note text in the log: " + log);
  }

  @Test
  void batchingRaisesTheWorkersToTheBatchBoundSoThatABatchCanFill() throws Exception {
    ServeCommand serve = new ServeCommand();
    serve.loader = dir -> new CountingModel();
    StringWriter err = new StringWriter();
    CommandLine cl = new CommandLine(serve).setErr(new PrintWriter(err, true));
    CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> cl.execute("--model", tmp.toString(),
        "--port", "0", "--workers", "2", "--batch-window-ms", "5", "--batch-max-notes", "16"));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (serve.running == null && System.nanoTime() < deadline && !exit.isDone()) {
      Thread.sleep(20);
    }
    assertTrue(serve.running != null, "server started: " + err);
    HttpResponse<String> model = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
        "http://127.0.0.1:" + serve.running.port() + "/v1/model")).build(), HttpResponse.BodyHandlers.ofString());
    serve.stop.countDown();
    assertEquals(0, exit.get(10, TimeUnit.SECONDS));
    assertTrue(model.body().contains("\"workers\":16"), model.body());
    assertTrue(err.toString().contains("r2d serve: batching up to 16 notes per model call: 16 workers instead of 2 "
        + "(a note waiting for its batch holds a worker; --max-tokens-in-flight still bounds memory)"), err.toString());
  }

  @Test
  void badOptionsFailWithAMessageNamingThem() {
    assertFails(new String[] {"--model", tmp.resolve("absent").toString()}, "--model " + tmp.resolve("absent")
        + ": no such folder");
    assertFails(new String[] {"--model", tmp.toString(), "--port", "70000"}, "port must be in 0..65535, got 70000");
    assertFails(new String[] {"--model", tmp.toString(), "--workers", "0"}, "workers must be at least 1, got 0");
    assertFails(new String[] {"--model", tmp.toString(), "--batch-window-ms", "-1"},
        "batch window (--batch-window-ms) must be 0 or more, got -1 ms");
    assertFails(new String[] {"--model", tmp.toString(), "--batch-max-notes", "0"},
        "batch max notes (--batch-max-notes) must be at least 1, got 0");
    assertFails(new String[] {"--model", tmp.toString(), "--runs", tmp.resolve("nope").toString()},
        "--runs " + tmp.resolve("nope") + ": no such folder");
  }

  @Test
  void serveIsASubcommandOfR2d() {
    assertTrue(new CommandLine(new Main()).getSubcommands().containsKey("serve"));
  }

  private static void assertFails(String[] args, String message) {
    StringWriter err = new StringWriter();
    ServeCommand serve = new ServeCommand();
    serve.loader = dir -> {
      throw new AssertionError("must not load the model");
    };
    int code = new CommandLine(serve).setErr(new PrintWriter(err, true)).execute(args);
    assertEquals(2, code, err.toString());
    assertTrue(err.toString().contains(message), err.toString());
  }
}
