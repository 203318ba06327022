// Resident memory of the service at its default token budget: bounded during a burst, given back after it.
package dev.reason2decide.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reason2decide.cli.Main;
import dev.reason2decide.engine.DeviceSpec;
import dev.reason2decide.serve.ServerReliabilityTest.T5DecisionModelHolder;
import dev.reason2decide.testing.TinyModelFolder;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code r2d serve} in a JVM of its own, started as {@code ./r2d serve} starts it (its heap limit, its defaults), so
 * that what is measured is that process alone: not the tests that ran before in this JVM, and with the allocator
 * settings that {@code r2d serve} makes for itself ({@link NativeHeap}). Its resident size is read from /proc. One
 * flag is added: {@code -XX:+AlwaysPreTouch}, so that the committed Java heap is resident from the start. Without it
 * the heap's pages become resident as requests allocate through them (tens of MiB per burst, until the committed
 * heap, ~400 MiB here, is all touched), which says nothing about native memory and would make the bounds flaky; the
 * heap is bounded by its own limit (docs/limits.md).
 */
class ServeMemoryReliabilityTest {
  /** Resident size beyond the model's tensors: thread stacks, the tokenizer's buffers, the allocator's slack. */
  static final long FIXED_MIB = 128;
  /** Resident size the idle service may keep above its size before the burst (MiB); docs/limits.md states it. */
  static final long IDLE_AFTER_BURST_MIB = 64;
  /** Time the service has, after the answer, to give the burst's memory back. */
  static final Duration GIVE_BACK = Duration.ofSeconds(3);

  @TempDir
  Path tmp;

  @Test
  void aBurstAtTheDefaultTokenBudgetStaysUnderTheDerivedBoundAndIsGivenBack() throws Exception {
    Path dir = TinyModelFolder.create(tmp.resolve("model"), 512, 4, 16);
    int tokens;
    long perToken;
    try (T5DecisionModelHolder holder = new T5DecisionModelHolder(dir)) {
      tokens = MemoryBudget.defaultTokensInFlight(holder.model);
      perToken = holder.model.bytesPerInputToken();
    }
    // the bound stated in docs/limits.md: the budget's tokens at the model's cost per token, plus the fixed part
    long boundMib = (tokens * perToken >> 20) + FIXED_MIB;
    List<String> log = new CopyOnWriteArrayList<>();
    Process serve = serve(dir, log);
    try {
      int port = awaitPort(serve, log);
      assertTrue(log.stream().anyMatch(l -> l.contains("--max-tokens-in-flight " + tokens + " ")), log.toString());
      assertTrue(log.stream().anyMatch(l -> l.contains("native allocator: tensors of 1 MiB and more")),
          log.toString());
      HttpClient client = HttpClient.newHttpClient();
      // warm-up: a small batch of the same notes (the JIT, the model threads, the heap for long request bodies)
      assertEquals(200, post(client, port, "/v1/predict/batch", ServerReliabilityTest.batchOfLongNotes(2, 16_000))
          .statusCode());
      Thread.sleep(1000);
      long before = status(serve, "VmRSS:");
      long beforeFile = status(serve, "RssFile:");
      Files.writeString(Path.of("/proc", Long.toString(serve.pid()), "clear_refs"), "5"); // peak := now
      // the budget in full-length notes, in one batch (slow on a loaded machine: a long client timeout)
      String body = ServerReliabilityTest.batchOfLongNotes(Math.min(64, tokens / 512), 16_000);
      HttpResponse<String> burst = post(client, port, "/v1/predict/batch", body);
      long peak = status(serve, "VmHWM:");
      long idle = status(serve, "VmRSS:");
      for (long end = System.nanoTime() + GIVE_BACK.toNanos(); idle - before >= IDLE_AFTER_BURST_MIB
          && System.nanoTime() < end; ) {
        Thread.sleep(100);
        idle = status(serve, "VmRSS:");
      }
      System.out.printf("ServeMemoryReliabilityTest: default budget %d tokens, %d KiB per token; before %d MiB, "
          + "peak %d MiB (+%d, bound +%d), idle after %d MiB (+%d, bound +%d; of which mapped files +%d); "
          + "status %d%n", tokens, perToken >> 10, before, peak, peak - before, boundMib, idle, idle - before,
          IDLE_AFTER_BURST_MIB, status(serve, "RssFile:") - beforeFile, burst.statusCode());
      assertEquals(200, burst.statusCode(), burst.body());
      assertEquals(tokens / 512, com.google.gson.JsonParser.parseString(burst.body()).getAsJsonObject()
          .getAsJsonArray("results").size(), "every note decided");
      assertTrue(peak - before < boundMib, "resident size grew from " + before + " MiB to a peak of " + peak
          + " MiB; the bound at the default budget of " + tokens + " tokens is +" + boundMib + " MiB");
      assertTrue(idle - before < IDLE_AFTER_BURST_MIB, GIVE_BACK.toSeconds() + " s after the burst the idle "
          + "service keeps " + (idle - before) + " MiB above its size before it; the bound is "
          + IDLE_AFTER_BURST_MIB + " MiB");
    } finally {
      serve.destroy(); // SIGTERM: the service drains and exits
      if (!serve.waitFor(30, TimeUnit.SECONDS)) {
        serve.destroyForcibly();
      }
    }
  }

  /** {@code r2d serve} on {@code model}, any free port, in a new JVM with ./r2d's heap limit; stderr into log. */
  private static Process serve(Path model, List<String> log) throws IOException {
    List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx8g",
        "-XX:+AlwaysPreTouch", "-Dai.djl.offline=true", "-D" + DeviceSpec.PROPERTY + "=cpu", "-cp",
        System.getProperty("java.class.path"), Main.class.getName(), "serve", "--model", model.toString(), "--port",
        "0", "--timeout-ms", "300000");
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD);
    pb.environment().put("DJL_OFFLINE", "true");
    pb.environment().put("OPT_OUT_TRACKING", "true");
    for (String glibc : List.of("MALLOC_MMAP_THRESHOLD_", "MALLOC_MMAP_MAX_", "MALLOC_TRIM_THRESHOLD_",
        "MALLOC_TOP_PAD_", "MALLOC_ARENA_MAX", "GLIBC_TUNABLES")) {
      pb.environment().remove(glibc); // as ./r2d starts serve: none of its training settings
    }
    Process p = pb.start();
    Thread reader = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
        for (String line = r.readLine(); line != null; line = r.readLine()) {
          log.add(line);
        }
      } catch (IOException closed) {
        // the process ended
      }
    }, "serve-stderr");
    reader.setDaemon(true);
    reader.start();
    return p;
  }

  /** The port of the "r2d serve: model ... at http://127.0.0.1:PORT/" line. */
  private static int awaitPort(Process serve, List<String> log) throws InterruptedException {
    Pattern at = Pattern.compile(" at http://127\\.0\\.0\\.1:(\\d+)/");
    for (long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(120); System.nanoTime() < end; ) {
      for (String line : log) {
        Matcher m = at.matcher(line);
        if (m.find()) {
          return Integer.parseInt(m.group(1));
        }
      }
      if (!serve.isAlive()) {
        throw new AssertionError("r2d serve exited with " + serve.exitValue() + ": " + log);
      }
      Thread.sleep(100);
    }
    throw new AssertionError("r2d serve did not start within 120 s: " + log);
  }

  private static HttpResponse<String> post(HttpClient client, int port, String path, String json) throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(300)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A size field of /proc/PID/status, MiB. */
  private static long status(Process p, String field) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(p.pid()), "status"))) {
      if (line.startsWith(field)) {
        return Long.parseLong(line.replaceAll("\\D+", "")) / 1024;
      }
    }
    throw new IOException("no " + field + " in /proc/" + p.pid() + "/status");
  }

  @Test
  void theDefaultBudgetKeepsFlanT5BaseUnder24Gb() {
    // flan-t5-base's config.json: d_model 768, d_ff 2048, 12 + 12 layers, 12 heads; 512-token inputs
    com.google.gson.JsonObject base = com.google.gson.JsonParser.parseString("{\"d_model\": 768, \"d_ff\": 2048, "
        + "\"d_kv\": 64, \"num_layers\": 12, \"num_heads\": 12, \"feed_forward_proj\": \"gated-gelu\", "
        + "\"tie_word_embeddings\": false}").getAsJsonObject();
    long perToken = dev.reason2decide.inference.InferenceMemory.bytesPerInputToken(
        dev.reason2decide.model.T5Config.fromJson(base), 512, 5);
    // by hand, five labels: one encoder block 3*12*512 + 12*768 + 4*2048 = 35,840 floats; decoding 768 (encoder
    // output) + 4*768*12 (cross keys and values) + 5*(768 + 2*768) (label scoring) = 49,152; 84,992 floats of 4 bytes
    assertEquals(339_968L, perToken);
    int tokens = MemoryBudget.defaultTokensInFlight(perToken, 512);
    assertEquals(16_384, tokens, "6 GiB / 339,968 bytes = 18,950, at most 16,384");
    long weights = 248_000_000L * 4; // 248 M parameters in F32
    long process = (8L << 30) + weights + tokens * perToken;
    assertTrue(process < 16L << 30, "heap limit + weights + tensors in flight: " + (process >> 20) + " MiB");
    // a model so large that the budget holds less than one note still admits one full note
    assertEquals(512, MemoryBudget.defaultTokensInFlight(20_000_000L, 512));
    // a model that holds no tensors keeps the fixed default
    assertEquals(ServeConfig.DEFAULT_MAX_TOKENS_IN_FLIGHT, MemoryBudget.defaultTokensInFlight(0, 1));
  }
}
