// Benchmark (prints numbers, asserts none): requests/s and latency of r2d serve on a real T5, batched vs not.
package dev.reason2decide.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDManager;
import com.google.gson.JsonObject;
import dev.reason2decide.cli.Main;
import dev.reason2decide.engine.Engines;
import dev.reason2decide.inference.T5DecisionModel;
import dev.reason2decide.io.Json;
import dev.reason2decide.model.T5Checkpoint;
import dev.reason2decide.model.T5Config;
import dev.reason2decide.model.T5Init;
import dev.reason2decide.prompts.PromptKind;
import dev.reason2decide.prompts.PromptTemplates;
import dev.reason2decide.runs.ModelCard;
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
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Not part of the suite (the name does not end in Test): run it alone with
 * {@code mvn test -Dtest=BatchedServingBenchmark}. A T5 is served unbatched and with a 5 ms window, and 1, 8 and 32
 * clients each send single-note requests back to back. System properties:
 * <ul>
 *   <li>{@code r2d.bench.model}: {@code tiny} (default: the t5-tiny-v1_1 fixture after 40 training steps on one
 *       note) or {@code small} (flan-t5-small's architecture from config: d_model 512, d_ff 1024, 8 + 8 layers,
 *       6 heads, d_kv 64, gated-gelu, vocabulary 32,128, untied; random weights, since no checkpoint can be
 *       downloaded here, so every rationale runs to its 32-token limit; the fixture's tokenizer);
 *   <li>{@code r2d.bench.workers}: {@code --workers} on both sides (default 32, the batch bound, which batching
 *       needs); {@code r2d.bench.unbatched.workers} gives the unbatched side another count (e.g. 2, the default on
 *       2 cores, as measured first);
 *   <li>{@code r2d.bench.clients} (default {@code 1,8,32}), {@code r2d.bench.requests} per row (default 64),
 *       {@code r2d.bench.warmup} requests per client before each row (default 4).
 * </ul>
 */
class BatchedServingBenchmark {
  static final int REQUESTS = Integer.getInteger("r2d.bench.requests", 64);
  static final int WARMUP = Integer.getInteger("r2d.bench.warmup", 4);
  static final String MODEL = System.getProperty("r2d.bench.model", "tiny");
  static final int WORKERS = Integer.getInteger("r2d.bench.workers", 32);
  static final int UNBATCHED_WORKERS = Integer.getInteger("r2d.bench.unbatched.workers", WORKERS);
  static final int[] CLIENTS = Arrays.stream(System.getProperty("r2d.bench.clients", "1,8,32").split(","))
      .mapToInt(c -> Integer.parseInt(c.trim())).toArray();
  static final BatchPolicy BATCHED = new BatchPolicy(Duration.ofMillis(5), 32);

  @TempDir
  Path tmp;

  @Test
  void printsThroughputAndLatencyBatchedAndUnbatched() throws Exception {
    Path dir = switch (MODEL) {
      case "tiny" -> trainedTinyModel();
      case "small" -> randomSmallModel(tmp.resolve("small"));
      default -> throw new IllegalArgumentException("r2d.bench.model must be tiny or small, got '" + MODEL + "'");
    };
    System.out.printf(Locale.ROOT, "serve bench: model %s, workers %d batched / %d unbatched, window %d ms, "
        + "batches of at most %d%n", MODEL, WORKERS, UNBATCHED_WORKERS, BATCHED.window().toMillis(),
        BATCHED.maxNotes());
    try (T5DecisionModel model = T5DecisionModel.load(dir)) {
      for (int clients : CLIENTS) {
        for (BatchPolicy policy : List.of(BatchPolicy.OFF, BATCHED)) {
          ServeConfig config = ServeConfig.defaults().withAddress("127.0.0.1", 0)
              .withConcurrency(policy.enabled() ? WORKERS : UNBATCHED_WORKERS, 64)
              .withRequestTimeout(Duration.ofMinutes(10))
              .withMaxTokensInFlight(1 << 20);
          try (DecisionServer server = DecisionServer.start(model, config, policy, new RequestLog(l -> { }, false))) {
            if (WARMUP > 0) {
              measure(server, clients, WARMUP);
            }
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

  /** The t5-tiny-v1_1 fixture after 40 steps on one note (label up to 8 new tokens, rationale up to 32). */
  private Path trainedTinyModel() throws Exception {
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
    return run.resolve("model");
  }

  /**
   * A model folder with flan-t5-small's architecture ({@code T5Init.named("small", 32128)}) and seeded random
   * weights, the fixture's tokenizer, five triage labels, inputs up to 512 tokens, label up to 8 new tokens,
   * rationale up to 32.
   */
  static Path randomSmallModel(Path dir) {
    T5Config c = T5Init.named("small", 32_128);
    try (NDManager m = Engines.newManager()) {
      ModelCard card = new ModelCard(List.of("ESI-1", "ESI-2", "ESI-3", "ESI-4", "ESI-5"),
          PromptTemplates.reference(), 512, 8, 32, "r2d", PromptKind.LABELLED);
      T5Checkpoint.save(T5Init.create(c, 7, m), dir, Shared.fixture("t5-tiny-v1_1"), Map.of(ModelCard.FILE, card));
    }
    return dir;
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
