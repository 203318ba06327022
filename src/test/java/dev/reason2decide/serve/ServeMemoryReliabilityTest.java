// Resident memory of the service at its default token budget: bounded during a burst, given back after it.
package dev.reason2decide.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reason2decide.serve.ServerReliabilityTest.T5DecisionModelHolder;
import dev.reason2decide.testing.TinyModelFolder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs in the test JVM with glibc's default allocator settings, as {@code ./r2d serve} runs (the launcher's
 * training settings, which keep freed memory, are not applied to serve).
 */
class ServeMemoryReliabilityTest {
  /** Resident size the idle service may keep above its size before the burst (MiB); docs/limits.md states it. */
  static final long IDLE_AFTER_BURST_MIB = 450;

  @TempDir
  Path tmp;

  @Test
  void aBurstAtTheDefaultTokenBudgetStaysUnderTheDerivedBoundAndIsGivenBack() throws Exception {
    Path dir = TinyModelFolder.create(tmp.resolve("model"), 512, 4, 16);
    try (T5DecisionModelHolder holder = new T5DecisionModelHolder(dir)) {
      int tokens = MemoryBudget.defaultTokensInFlight(holder.model);
      long perToken = holder.model.bytesPerInputToken();
      // the bound stated in docs/limits.md: the budget's tokens at the model's cost per token, plus 256 MiB of heap
      // for the request bodies and their strings
      long boundMib = (tokens * perToken >> 20) + 256;
      ServeConfig config = ServeConfig.defaults().withMaxTokensInFlight(tokens)
          .withRequestTimeout(Duration.ofSeconds(300));
      try (DecisionServer server = ServerReliabilityTest.start(holder.model, config, new ConcurrentLinkedQueue<>())) {
        TestHttp http = new TestHttp(server);
        assertEquals(200, http.postJson("/v1/predict", "{\"text\": \"fever and cough\"}").status(), "warm-up");
        System.gc();
        long before = ServerMemoryProbe.residentMib();
        ServerMemoryProbe.resetPeak();
        // the budget in full-length notes, in one batch (slow on a loaded machine: a long client timeout)
        String body = ServerReliabilityTest.batchOfLongNotes(Math.min(64, tokens / 512), 16_000);
        HttpResponse<String> burst = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + server.port() + "/v1/predict/batch")).timeout(Duration.ofSeconds(300))
            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
            HttpResponse.BodyHandlers.ofString());
        long peak = ServerMemoryProbe.peakMib();
        AdmissionTest.awaitInFlight(http, 0);
        System.gc();
        Thread.sleep(500);
        long idle = ServerMemoryProbe.residentMib();
        System.out.printf("ServeMemoryReliabilityTest: default budget %d tokens, %d KiB per token; before %d MiB, "
            + "peak %d MiB (+%d, bound +%d), idle after %d MiB (+%d), heap committed %d MiB; status %d%n", tokens,
            perToken >> 10, before, peak, peak - before, boundMib, idle, idle - before,
            Runtime.getRuntime().totalMemory() >> 20, burst.statusCode());
        assertEquals(200, burst.statusCode(), burst.body());
        assertEquals(tokens / 512, com.google.gson.JsonParser.parseString(burst.body()).getAsJsonObject()
            .getAsJsonArray("results").size(), "every note decided");
        assertTrue(peak - before < boundMib, "resident size grew from " + before + " MiB to a peak of " + peak
            + " MiB; the bound at the default budget of " + tokens + " tokens is +" + boundMib + " MiB");
        assertTrue(idle - before < IDLE_AFTER_BURST_MIB, "after the burst the idle service keeps " + (idle - before)
            + " MiB above its size before it; the bound is " + IDLE_AFTER_BURST_MIB + " MiB");
      }
    }
  }

  @Test
  void theDefaultBudgetKeepsFlanT5BaseUnder24Gb() {
    // flan-t5-base's config.json: d_model 768, d_ff 2048, 12 + 12 layers, 12 heads; 512-token inputs
    com.google.gson.JsonObject base = com.google.gson.JsonParser.parseString("{\"d_model\": 768, \"d_ff\": 2048, "
        + "\"d_kv\": 64, \"num_layers\": 12, \"num_heads\": 12, \"feed_forward_proj\": \"gated-gelu\", "
        + "\"tie_word_embeddings\": false}").getAsJsonObject();
    long perToken = dev.reason2decide.inference.T5DecisionModel.bytesPerInputToken(
        dev.reason2decide.model.T5Config.fromJson(base), 512);
    // by hand: per encoder layer 6*12*512 + 8*768 + 3*2048 = 49,152 floats; 12 layers, plus 2*12*768 for the
    // decoders' cross-attention keys and values, twice (predict and explain): 1,216,512 floats of 4 bytes
    assertEquals(4_866_048L, perToken);
    int tokens = MemoryBudget.defaultTokensInFlight(perToken, 512);
    assertEquals(1323, tokens, "6 GiB / 4,866,048 bytes");
    long weights = 248_000_000L * 4; // 248 M parameters in F32
    long process = (8L << 30) + weights + tokens * perToken;
    assertTrue(process < 16L << 30, "heap limit + weights + tensors in flight: " + (process >> 20) + " MiB");
    // a model so large that the budget holds less than one note still admits one full note
    assertEquals(512, MemoryBudget.defaultTokensInFlight(20_000_000L, 512));
    // a model that holds no tensors keeps the fixed default
    assertEquals(ServeConfig.DEFAULT_MAX_TOKENS_IN_FLIGHT, MemoryBudget.defaultTokensInFlight(0, 1));
  }
}
