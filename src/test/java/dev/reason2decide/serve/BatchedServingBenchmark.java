// Benchmark (prints numbers, asserts none): requests/s and latency of r2d serve on a tiny real T5, batched vs not.
package dev.reason2decide.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import dev.reason2decide.cli.Main;
import dev.reason2decide.inference.T5DecisionModel;
import dev.reason2decide.io.Json;
import dev.reason2decide.testing.Shared;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Not part of the suite (the name does not end in Test): run it alone with
 * {@code mvn test -Dtest=BatchedServingBenchmark}. A tiny T5 (the t5-tiny-v1_1 fixture, a few training steps) is
 * served unbatched and with a 5 ms window, and 1, 8 and 32 clients each send single-note requests back to back.
 */
class BatchedServingBenchmark {
  static final int REQUESTS = Integer.getInteger("r2d.bench.requests", 64);

  @TempDir
  Path tmp;

  @Test
  void printsThroughputAndLatencyBatchedAndUnbatched() throws Exception {
    JsonObject ex = new JsonObject();
    ex.addProperty("id", "n1");
    ex.addProperty("question", "67-year-old man with crushing chest pain with sweating, started 30 minutes ago.");
    ex.addProperty("label", "ESI-1");
    ex.addProperty("rationale", "Chest pain with sweating needs immediate care.");
    Path data = tmp.resolve("one.jsonl");
    Files.writeString(data, Json.COMPACT.toJson(ex) + "\n");
    Path run = tmp.resolve("run");
    assertEquals(0, Main.run("train", "--train", data.toString(), "--validation", data.toString(), "--init",
        Shared.fixture("t5-tiny-v1_1").toString(), "--recipe", "r2d-stage2", "--steps", "40", "--lr", "3e-3",
        "--lr-schedule", "constant", "--batch-size", "1", "--eval-batch-size", "1", "--eval-every", "1000",
        "--label-max-new-tokens", "8", "--rationale-max-new-tokens", "32", "--seed", "3", "--threads", "1",
        "--quiet", "--out", run.toString()));
    try (T5DecisionModel model = T5DecisionModel.load(run.resolve("model"))) {
      for (int clients : new int[] {1, 8, 32}) {
        for (BatchPolicy policy : List.of(BatchPolicy.OFF, new BatchPolicy(Duration.ofMillis(5), 32))) {
          ServeConfig config = ServeConfig.defaults().withAddress("127.0.0.1", 0)
              .withConcurrency(policy.enabled() ? 32 : ServeConfig.defaults().workers(), 64)
              .withMaxTokensInFlight(1 << 20);
          try (DecisionServer server = DecisionServer.start(model, config, policy, new RequestLog(l -> { }, false))) {
            measure(server, clients, 4); // warm up
            long t0 = System.nanoTime();
            long[] micros = measure(server, clients, Math.max(1, REQUESTS / clients));
            double s = (System.nanoTime() - t0) / 1e9;
            Arrays.sort(micros);
            System.out.printf(Locale.ROOT, "serve bench: %-9s clients %2d: %d requests in %.2f s = %.1f req/s, "
                    + "p50 %.0f ms, p99 %.0f ms%n", policy.enabled() ? "batched" : "unbatched", clients,
                micros.length, s, micros.length / s, pct(micros, 50), pct(micros, 99));
          }
        }
      }
    }
  }

  private static long[] measure(DecisionServer server, int clients, int perClient) throws Exception {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    URI uri = URI.create("http://127.0.0.1:" + server.port() + "/v1/predict");
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      List<Future<long[]>> all = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        int c0 = c;
        all.add(pool.submit(() -> {
          long[] lat = new long[perClient];
          for (int i = 0; i < perClient; i++) {
            String body = "{\"text\": \"patient " + c0 + "-" + i + ": chest pain and fever since this morning\"}";
            HttpRequest req = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(120))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
            long t = System.nanoTime();
            HttpResponse<String> res = http.send(req, HttpResponse.BodyHandlers.ofString());
            if (res.statusCode() != 200) {
              throw new IllegalStateException(res.statusCode() + " " + res.body());
            }
            lat[i] = (System.nanoTime() - t) / 1000;
          }
          return lat;
        }));
      }
      List<Long> out = new ArrayList<>();
      for (Future<long[]> f : all) {
        for (long l : f.get()) {
          out.add(l);
        }
      }
      return out.stream().mapToLong(Long::longValue).toArray();
    } finally {
      pool.shutdownNow();
    }
  }

  private static double pct(long[] sorted, int p) {
    return sorted[Math.max(0, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e3;
  }
}
