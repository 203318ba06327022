// The JSON API end to end on loopback: answers, every refused request and its message, logging without notes.
package dev.reason2decide.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.reason2decide.serve.TestHttp.Answer;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DecisionServerTest {
  static final String NOTE = "58 year old man, crushing chest pain radiating to the left arm for 30 minutes.";
  static DecisionServer server;
  static TestHttp http;

  @BeforeAll
  static void start() throws Exception {
    ServeConfig config = ServeConfig.defaults().withAddress("127.0.0.1", 0).withLimits(4096, 200, 3);
    server = DecisionServer.start(new KeywordModel(), config, new RequestLog(l -> { }, false));
    http = new TestHttp(server);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void predictAnswersLabelProbabilitiesRationaleModelAndLatency() {
    Answer a = http.postJson("/v1/predict", "{\"text\": \"" + NOTE + "\"}");
    assertEquals(200, a.status(), a.response().body());
    JsonObject d = a.json();
    assertEquals("emergency", d.get("label").getAsString());
    assertEquals(KeywordModel.EMERGENCY_RATIONALE, d.get("rationale").getAsString());
    assertEquals("keyword-triage", d.get("model").getAsString());
    assertTrue(d.get("latency_ms").getAsDouble() >= 0);
    JsonObject p = d.getAsJsonObject("probabilities");
    assertEquals(List.of("emergency", "urgent", "routine"), new ArrayList<>(p.keySet()), "model's label order");
    assertEquals(0.86, p.get("emergency").getAsDouble(), 0.0);
    assertEquals(0.04, p.get("routine").getAsDouble(), 0.0);
  }

  @Test
  void batchAnswersEveryNoteInOrder() {
    Answer a = http.postJson("/v1/predict/batch", "{\"texts\": [\"fever since yesterday\", \"" + NOTE
        + "\", \"repeat prescription\"]}");
    assertEquals(200, a.status(), a.response().body());
    var results = a.json().getAsJsonArray("results");
    assertEquals(3, results.size());
    assertEquals("urgent", results.get(0).getAsJsonObject().get("label").getAsString());
    assertEquals("emergency", results.get(1).getAsJsonObject().get("label").getAsString());
    assertEquals("routine", results.get(2).getAsJsonObject().get("label").getAsString());
    assertEquals(0.7, results.get(0).getAsJsonObject().getAsJsonObject("probabilities").get("urgent")
        .getAsDouble(), 0.0);
  }

  @Test
  void modelDescribesLabelsCheckpointAndLimits() {
    JsonObject m = http.get("/v1/model").json();
    assertEquals("keyword-triage", m.get("name").getAsString());
    assertEquals(3, m.getAsJsonArray("labels").size());
    assertEquals("test", m.getAsJsonObject("checkpoint").getAsJsonObject("provenance").get("source").getAsString());
    assertEquals(200, m.getAsJsonObject("limits").get("max_input_chars").getAsInt());
    assertEquals(4096, m.getAsJsonObject("limits").get("max_body_bytes").getAsInt());
  }

  @Test
  void healthSaysOk() {
    Answer a = http.get("/health");
    assertEquals(200, a.status());
    assertEquals("ok", a.json().get("status").getAsString());
  }

  @Test
  void pagesAndAssetsAreServedByTheProcessWithAContentSecurityPolicy() {
    Answer page = http.get("/");
    assertEquals(200, page.status());
    assertTrue(page.header("Content-Type").startsWith("text/html"));
    assertTrue(page.header("Content-Security-Policy").startsWith("default-src 'self'"));
    assertFalse(page.response().body().contains("http://") || page.response().body().contains("https://"),
        "the page names no outside host");
    for (String asset : List.of("/runs", "/assets/app.css", "/assets/decide.js", "/assets/runs.js",
        "/assets/charts.js", "/assets/common.js", "/assets/icon.svg")) {
      Answer a = http.get(asset);
      assertEquals(200, a.status(), asset);
      assertFalse(a.response().body().contains("https://"), asset + " loads nothing from elsewhere");
    }
  }

  @Test
  void malformedJsonIs400SayingWhere() {
    Answer a = http.postJson("/v1/predict", "{\"text\": \"chest pain\"");
    assertEquals(400, a.status());
    assertEquals("malformed JSON: End of input at line 1 column 22 path $.text", a.message());
    assertError(http.postJson("/v1/predict", "{\"text\": \"chest pain\" \"x\": 1}"), 400,
        "malformed JSON: Unterminated object at line 1 column 24 path $.text");
    Answer lenient = http.postJson("/v1/predict", "{text: 'chest pain'}");
    assertError(lenient, 400, "malformed JSON: invalid syntax at line 1 column 3");
    assertFalse(lenient.message().contains("JsonReader"), "no library internals: " + lenient.message());
    Answer trailing = http.postJson("/v1/predict", "{\"text\": \"chest pain\"} {}");
    assertEquals(400, trailing.status());
    assertTrue(trailing.message().contains("unexpected data after the object"), trailing.message());
  }

  @Test
  void missingOrMistypedFieldsAre400NamingTheField() {
    assertError(http.postJson("/v1/predict", "{\"note\": \"chest pain\"}"), 400, "missing field 'text'");
    assertError(http.postJson("/v1/predict", "{\"text\": 42}"), 400, "field 'text' must be a string, got a number");
    assertError(http.postJson("/v1/predict", "{\"text\": null}"), 400, "field 'text' must be a string, got null");
    assertError(http.postJson("/v1/predict", "[\"chest pain\"]"), 400, "expected a JSON object, got an array");
    assertError(http.postJson("/v1/predict/batch", "{\"text\": \"x\"}"), 400, "missing field 'texts'");
    assertError(http.postJson("/v1/predict/batch", "{\"texts\": \"x\"}"), 400,
        "field 'texts' must be an array of strings, got a string");
    assertError(http.postJson("/v1/predict/batch", "{\"texts\": [\"fever\", true]}"), 400,
        "field 'texts[1]' must be a string, got a boolean");
    assertError(http.post("/v1/predict", "application/json", BodyPublishers.noBody()), 400,
        "request body is empty");
  }

  @Test
  void unusableValuesAre422NamingTheLimit() {
    assertError(http.postJson("/v1/predict", "{\"text\": \"   \"}"), 422, "field 'text' is blank");
    assertError(http.postJson("/v1/predict", "{\"text\": \"" + "a".repeat(201) + "\"}"), 422,
        "field 'text' has 201 characters; the limit is 200 characters (--max-input-chars)");
    assertError(http.postJson("/v1/predict/batch", "{\"texts\": []}"), 422, "field 'texts' is empty");
    assertError(http.postJson("/v1/predict/batch", "{\"texts\": [\"a\", \"b\", \"c\", \"d\"]}"), 422,
        "field 'texts' has 4 notes; the limit is 3 per request (--max-batch)");
    assertError(http.postJson("/v1/predict/batch", "{\"texts\": [\"a\", \"" + "b".repeat(201) + "\"]}"), 422,
        "field 'texts[1]' has 201 characters");
  }

  @Test
  void bodiesOverTheLimitAre413WithOrWithoutContentLength() {
    String big = "{\"text\": \"" + "a".repeat(5000) + "\"}";
    assertError(http.postJson("/v1/predict", big), 413,
        "request body is too large: 5012 bytes; the limit is 4096 bytes (--max-body-bytes)");
    // no Content-Length (chunked): the limit is enforced while reading
    Answer chunked = http.post("/v1/predict", "application/json",
        BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big.getBytes())));
    assertError(chunked, 413, "request body is too large: more than 4096 bytes");
  }

  @Test
  void otherMediaTypesAndBrokenEncodingAreRefused() {
    assertError(http.post("/v1/predict", "text/plain", BodyPublishers.ofString("chest pain")), 415,
        "Content-Type must be application/json, got 'text/plain'");
    byte[] latin1 = {'{', '"', 't', 'e', 'x', 't', '"', ':', '"', (byte) 0xE9, '"', '}'};
    assertError(http.post("/v1/predict", "application/json", BodyPublishers.ofByteArray(latin1)), 400,
        "request body is not valid UTF-8");
  }

  @Test
  void wrongMethodIs405WithAllowAndUnknownPathIs404() {
    Answer a = http.get("/v1/predict");
    assertError(a, 405, "method GET is not allowed on /v1/predict; use POST");
    assertEquals("POST", a.header("Allow"));
    assertError(http.postJson("/health", "{}"), 405, "use GET");
    assertError(http.get("/v2/predict"), 404, "no such endpoint: /v2/predict");
    assertError(http.get("/assets/../pom.xml"), 404, "no such endpoint");
    assertError(http.get("/v1/runs/anything"), 404, "this server has no runs folder (start it with --runs DIR)");
  }

  @Test
  void requestLogHasOneLinePerRequestWithoutTheNote() throws Exception {
    Queue<String> log = new ConcurrentLinkedQueue<>();
    ServeConfig config = ServeConfig.defaults().withAddress("127.0.0.1", 0);
    List<String> lines;
    try (DecisionServer s = DecisionServer.start(new KeywordModel(), config, new RequestLog(log::add, false))) {
      TestHttp own = new TestHttp(s);
      own.postJson("/v1/predict", "{\"text\": \"SECRET-NAME has fever\"}");
      own.postJson("/v1/predict", "{\"text\": \"SECRET-NAME\"");
      lines = awaitLines(log, 2);
    }
    assertEquals(2, lines.size(), lines.toString());
    assertTrue(lines.get(0).contains("POST /v1/predict 200 "), lines.get(0));
    assertTrue(lines.get(0).endsWith(" inputs=1 chars=21"), lines.get(0));
    assertTrue(lines.get(1).contains("POST /v1/predict 400 "), lines.get(1));
    assertTrue(lines.stream().noneMatch(l -> l.contains("SECRET")), "no note text in the log: " + lines);
  }

  @Test
  void logTextFlagPutsTheNoteInTheLog() throws Exception {
    Queue<String> log = new ConcurrentLinkedQueue<>();
    ServeConfig config = ServeConfig.defaults().withAddress("127.0.0.1", 0).withLogText(true);
    try (DecisionServer s = DecisionServer.start(new KeywordModel(), config, new RequestLog(log::add, true))) {
      new TestHttp(s).postJson("/v1/predict", "{\"text\": \"has \\\"fever\\\"\"}");
      awaitLines(log, 1);
    }
    assertEquals(1, log.size());
    assertTrue(log.peek().endsWith(" inputs=1 chars=11 text=\"has \\\"fever\\\"\""), log.peek());
  }

  @Test
  void openApiDocumentsExactlyTheRoutedPaths() {
    Answer a = http.get("/openapi.json");
    assertEquals(200, a.status());
    Set<String> documented = new TreeSet<>(a.json().getAsJsonObject("paths").keySet());
    Set<String> routed = new TreeSet<>(server.routedPaths());
    routed.add("/v1/runs/{name}"); // the one prefix route
    routed.removeIf(p -> p.startsWith("/assets/"));
    assertEquals(routed, documented);
    assertEquals("3.0.3", a.json().get("openapi").getAsString());
  }

  @Test
  void serverBindsLoopbackByDefault() {
    assertEquals("127.0.0.1", ServeConfig.defaults().host());
    assertTrue(server.url().startsWith("http://127.0.0.1:"), server.url());
  }

  /** The log's lines once it has {@code n} (a line is written just after its answer is sent). */
  static List<String> awaitLines(Queue<String> log, int n) throws InterruptedException {
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (log.size() < n && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    Thread.sleep(50); // and no more than n
    return List.copyOf(log);
  }

  static void assertError(Answer a, int status, String messagePart) {
    assertEquals(status, a.status(), a.response().body());
    JsonObject e = a.json();
    assertEquals(status, e.get("status").getAsInt());
    assertNotNull(e.get("error"));
    assertTrue(e.get("message").getAsString().contains(messagePart),
        "message '" + e.get("message").getAsString() + "' should contain '" + messagePart + "'");
  }
}
