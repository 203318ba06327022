// A bounded load test on loopback: 32 clients, 3,200 requests, no errors, latency percentiles, flat heap.
package dev.reason2decide.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class ServeLoadTest {
  static final int CLIENTS = 32;
  static final int REQUESTS_PER_CLIENT = 100;
  static final long HEAP_GROWTH_LIMIT = 24L << 20;

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void thirtyTwoClientsGetEveryAnswerAndHeapStaysFlat() throws Exception {
    ServeConfig config = ServeConfig.defaults().withAddress("127.0.0.1", 0);
    try (DecisionServer server = DecisionServer.start(new KeywordModel(), config, new RequestLog(l -> { }, false))) {
      HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
          .executor(Executors.newFixedThreadPool(4)).build();
      URI uri = URI.create("http://127.0.0.1:" + server.port() + "/v1/predict");
      round(client, uri, 10); // warm up: JIT, connections, pools
      long heapBefore = heapAfterGc();
      long t0 = System.nanoTime();
      Result r = round(client, uri, REQUESTS_PER_CLIENT);
      double seconds = (System.nanoTime() - t0) / 1e9;
      long heapAfter = heapAfterGc();
      long[] ms = r.latenciesMicros();
      Arrays.sort(ms);
      System.out.printf(Locale.ROOT, "serve load: %d clients x %d requests = %d in %.2f s (%.0f req/s), "
              + "errors %d, latency ms p50 %.2f p95 %.2f p99 %.2f max %.2f, heap after GC %d -> %d KiB%n",
          CLIENTS, REQUESTS_PER_CLIENT, ms.length, seconds, ms.length / seconds, r.errors(),
          pct(ms, 50), pct(ms, 95), pct(ms, 99), ms[ms.length - 1] / 1e3, heapBefore >> 10, heapAfter >> 10);
      assertEquals(0, r.errors(), "every request answered 200: " + r.firstError());
      assertEquals(CLIENTS * REQUESTS_PER_CLIENT, ms.length);
      assertTrue(heapAfter - heapBefore < HEAP_GROWTH_LIMIT,
          "heap after GC grew by " + ((heapAfter - heapBefore) >> 10) + " KiB");
      // a second round must not grow it either: nothing accumulates per request
      round(client, uri, REQUESTS_PER_CLIENT / 2);
      long heapAgain = heapAfterGc();
      assertTrue(heapAgain - heapBefore < HEAP_GROWTH_LIMIT,
          "heap after GC grew by " + ((heapAgain - heapBefore) >> 10) + " KiB after a second round");
    }
  }

  record Result(long[] latenciesMicros, int errors, String firstError) {}

  private static Result round(HttpClient client, URI uri, int perClient) throws Exception {
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    AtomicInteger errors = new AtomicInteger();
    List<String> firstError = new ArrayList<>();
    List<Future<long[]>> futures = new ArrayList<>();
    String[] notes = {"fever and cough", "crushing chest pain since an hour", "repeat prescription please"};
    for (int c = 0; c < CLIENTS; c++) {
      int client0 = c;
      futures.add(clients.submit(() -> {
        long[] lat = new long[perClient];
        for (int i = 0; i < perClient; i++) {
          String body = "{\"text\": \"" + notes[(client0 + i) % notes.length] + " #" + i + "\"}";
          HttpRequest req = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
              .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
          long t = System.nanoTime();
          try {
            HttpResponse<String> res = client.send(req, HttpResponse.BodyHandlers.ofString());
            if (res.statusCode() != 200 || !res.body().contains("\"label\"")) {
              fail(errors, firstError, res.statusCode() + " " + res.body());
            }
          } catch (Exception e) {
            fail(errors, firstError, e.toString());
          }
          lat[i] = (System.nanoTime() - t) / 1000;
        }
        return lat;
      }));
    }
    List<Long> all = new ArrayList<>();
    for (Future<long[]> f : futures) {
      for (long l : f.get(50, TimeUnit.SECONDS)) {
        all.add(l);
      }
    }
    clients.shutdown();
    return new Result(all.stream().mapToLong(Long::longValue).toArray(), errors.get(),
        firstError.isEmpty() ? "" : firstError.get(0));
  }

  private static synchronized void fail(AtomicInteger errors, List<String> first, String what) {
    errors.incrementAndGet();
    if (first.isEmpty()) {
      first.add(what);
    }
  }

  private static double pct(long[] sortedMicros, int p) {
    int i = (int) Math.ceil(p / 100.0 * sortedMicros.length) - 1;
    return sortedMicros[Math.max(0, i)] / 1e3;
  }

  private static long heapAfterGc() throws InterruptedException {
    MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
    long min = Long.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(100);
      min = Math.min(min, mem.getHeapMemoryUsage().getUsed());
    }
    return min;
  }
}
