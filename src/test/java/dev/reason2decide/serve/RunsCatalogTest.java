// The runs view's data: listing, metric series with bad lines skipped and counted, report summaries, safe names.
package dev.reason2decide.serve;

import static dev.reason2decide.serve.DecisionServerTest.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunsCatalogTest {
  @TempDir
  Path tmp;

  @Test
  void listsRunFoldersWithTheirReportSummary() throws Exception {
    List<Map<String, Object>> runs = new RunsCatalog(FakeRuns.write(tmp)).list();
    assertEquals(List.of("broken-run", "r2d-base-seed1", "r2d-small-seed1"),
        runs.stream().map(r -> r.get("name")).toList());
    Map<?, ?> base = (Map<?, ?>) runs.get(1).get("summary");
    assertEquals(0.61, base.get("macro F1"));
    assertEquals(19.5, base.get("SacreBLEU"));
    assertEquals(0.88, base.get("BERTScore F"));
    assertEquals(0.81, base.get("sufficiency"));
    assertEquals(0.77, base.get("gold robustness"));
    Map<?, ?> small = (Map<?, ?>) runs.get(2).get("summary");
    assertEquals(0.66, small.get("macro F1"));
    assertNull(small.get("chrF"), "absent in the report");
    assertNull(runs.get(0).get("summary"), "no report");
  }

  @Test
  void runHasConfigSeriesAndReport() throws Exception {
    Map<String, Object> run = new RunsCatalog(FakeRuns.write(tmp)).run("r2d-base-seed1");
    assertEquals("t5-base", ((JsonObject) run.get("config")).getAsJsonObject("model").get("name").getAsString());
    Map<?, ?> metrics = (Map<?, ?>) run.get("metrics");
    List<?> steps = (List<?>) metrics.get("steps");
    assertEquals(10, steps.size());
    Map<?, ?> last = (Map<?, ?>) steps.get(9);
    assertEquals("stage2", last.get("stage"));
    assertEquals(40.0, last.get("step"));
    assertEquals(1.0, last.get("pi"));
    assertEquals(false, last.containsKey("tokens_per_s"), "null fields are left out");
    assertEquals(false, last.containsKey("kind"));
    List<?> evals = (List<?>) metrics.get("evals");
    assertEquals(0.61, ((Map<?, ?>) evals.get(1)).get("val_macro_f1"));
    assertEquals(0, metrics.get("skipped_lines"));
    assertEquals(List.of(), run.get("problems"));
  }

  @Test
  void badLinesAreSkippedCountedAndExplainedAndBadFilesAreProblems() throws Exception {
    Map<String, Object> run = new RunsCatalog(FakeRuns.write(tmp)).run("broken-run");
    Map<?, ?> metrics = (Map<?, ?>) run.get("metrics");
    // lines 2 (cut short), 3 (not JSON), 4 (no step), 5 (unknown kind) are skipped; 6 is blank
    assertEquals(4, metrics.get("skipped_lines"));
    List<?> reasons = (List<?>) metrics.get("skipped_reasons");
    assertTrue(((String) reasons.get(0)).startsWith("line 2: malformed JSON"), reasons.toString());
    assertEquals("line 4: 'step' must be a number", reasons.get(2));
    assertEquals("line 5: 'kind' must be \"step\", \"eval\" or \"stop\"", reasons.get(3));
    List<?> steps = (List<?>) metrics.get("steps");
    assertEquals(3, steps.size(), "lines 1, 7 (NaN loss dropped, step kept) and 8");
    assertEquals(false, ((Map<?, ?>) steps.get(1)).containsKey("loss"));
    assertNull(run.get("config"));
    List<?> problems = (List<?>) run.get("problems");
    assertEquals(1, problems.size());
    assertTrue(((String) problems.get(0)).startsWith("config.json: malformed JSON"), problems.toString());
  }

  @Test
  void longLogsAreThinnedButKeepTheirLastStep() throws Exception {
    Path run = Files.createDirectories(tmp.resolve("long"));
    StringBuilder m = new StringBuilder();
    for (int s = 0; s < 10_001; s++) {
      m.append("{\"kind\":\"step\",\"stage\":\"stage1\",\"step\":").append(s).append(",\"loss\":1}\n");
    }
    Files.writeString(run.resolve("metrics.jsonl"), m);
    MetricsLog log = MetricsLog.read(run.resolve("metrics.jsonl"));
    assertEquals(3, log.stride()); // ceil(10001 / 4000)
    assertEquals(3335, log.steps().size()); // steps 0, 3, ..., 9999, then 10000
    assertEquals(10_000.0, log.steps().get(log.steps().size() - 1).get("step"));
  }

  @Test
  void aMetricsFileOverItsCapIsAProblemOfItsRunAndIsNotRead() throws Exception {
    Path run = Files.createDirectories(tmp.resolve("big-run"));
    Files.writeString(run.resolve("config.json"), "{\"recipe\": \"r2d\"}");
    // one byte over 64 MiB, as a sparse file: its size is what is checked, nothing of it is written or read
    try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(run.resolve("metrics.jsonl").toFile(), "rw")) {
      f.setLength(64L * 1024 * 1024 + 1);
    }
    Map<String, Object> r = new RunsCatalog(tmp).run("big-run");
    assertEquals(List.of("metrics.jsonl: 67108865 bytes; the limit is 67108864 bytes; not read"), r.get("problems"));
    Map<?, ?> metrics = (Map<?, ?>) r.get("metrics");
    assertEquals(List.of(), metrics.get("steps"));
    assertEquals(List.of(), metrics.get("evals"));
    assertEquals(Map.of("recipe", "r2d"), toMap(r.get("config")));
  }

  private static Object toMap(Object json) {
    return new com.google.gson.Gson().fromJson((JsonObject) json, Map.class);
  }

  @Test
  void namesOutsideTheRunsFolderAreNotFound() throws Exception {
    RunsCatalog catalog = new RunsCatalog(FakeRuns.write(tmp));
    for (String name : List.of("..", "../x", "not-a-run", "missing", "r2d-base-seed1/evaluation", ".hidden")) {
      ApiError e = assertThrows(ApiError.class, () -> catalog.run(name), name);
      assertEquals(404, e.status());
    }
  }

  @Test
  void runsEndpointsOverHttp() throws Exception {
    ServeConfig config = ServeConfig.defaults().withAddress("127.0.0.1", 0).withRunsDir(FakeRuns.write(tmp));
    try (DecisionServer server = DecisionServer.start(new KeywordModel(), config, new RequestLog(l -> { }, false))) {
      TestHttp http = new TestHttp(server);
      JsonObject list = http.get("/v1/runs").json();
      assertEquals(3, list.getAsJsonArray("runs").size());
      assertEquals("accuracy", list.getAsJsonArray("columns").get(0).getAsString());
      JsonObject run = http.get("/v1/runs/r2d-small-seed1").json();
      assertEquals(0.64, run.getAsJsonObject("summary").get("accuracy").getAsDouble(), 0.0);
      assertTrue(run.get("provenance").isJsonNull());
      assertError(http.get("/v1/runs/nope"), 404, "no run named 'nope' in the runs folder");
      assertError(http.get("/v1/runs/%2E%2E"), 404, "no run named '..'");
    }
  }
}
