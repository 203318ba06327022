// Reliability of what the service shows and accepts: server paths, foreign Host names, bodies that are not JSON.
package dev.reason2decide.serve;

import static dev.reason2decide.serve.ServerReliabilityTest.body;
import static dev.reason2decide.serve.ServerReliabilityTest.message;
import static dev.reason2decide.serve.ServerReliabilityTest.raw;
import static dev.reason2decide.serve.ServerReliabilityTest.start;
import static dev.reason2decide.serve.ServerReliabilityTest.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServeExposureReliabilityTest {
  @TempDir
  Path tmp;

  @Test
  void aRunShowsFileNamesNotServerPaths() throws Exception {
    Path runs = Files.createDirectories(tmp.resolve("runs"));
    Path run = Files.createDirectories(runs.resolve("r1"));
    String data = tmp.resolve("data").toAbsolutePath().toString();
    String provenance = "{\"data\": {\"train\": {\"path\": \"" + data + "/train.jsonl\", \"sha256\": \"ab12\"}},"
        + " \"tokenizer\": {\"path\": \"" + data + "/tok/tokenizer.json\"}, \"steps\": 1800}";
    String config = "{\"tokenizer\": \"" + data + "/tok\", \"init\": \"scratch:tiny\", \"train\": {\"lr\": 0.003}}";
    Files.writeString(run.resolve("provenance.json"), provenance);
    Files.writeString(run.resolve("config.json"), config);
    try (DecisionServer server = start(new KeywordModel(), ServeConfig.defaults().withRunsDir(runs),
        new ConcurrentLinkedQueue<>())) {
      String r = raw(server, "GET /v1/runs/r1 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
      assertEquals(200, status(r), r);
      String b = body(r);
      assertFalse(b.contains(tmp.toString()) || b.contains(data), "no server path: " + b);
      JsonObject json = JsonParser.parseString(b).getAsJsonObject();
      JsonObject prov = json.getAsJsonObject("provenance");
      assertEquals("train.jsonl", prov.getAsJsonObject("data").getAsJsonObject("train").get("path").getAsString());
      assertEquals("ab12", prov.getAsJsonObject("data").getAsJsonObject("train").get("sha256").getAsString());
      assertEquals("tokenizer.json", prov.getAsJsonObject("tokenizer").get("path").getAsString());
      assertEquals("1800", prov.get("steps").toString(), "numbers as written");
      assertEquals("tok", json.getAsJsonObject("config").get("tokenizer").getAsString());
      assertEquals("scratch:tiny", json.getAsJsonObject("config").get("init").getAsString());
      assertEquals("0.003", json.getAsJsonObject("config").getAsJsonObject("train").get("lr").toString());
      assertEquals(0, json.getAsJsonArray("problems").size(), b);
    }
    assertEquals(provenance, Files.readString(run.resolve("provenance.json")), "the run's files are left as they were");
    assertEquals(config, Files.readString(run.resolve("config.json")));
  }

  @Test
  void aForeignHostNameIsRefusedAndLoopbackNamesAreServed() throws Exception {
    Queue<String> log = new ConcurrentLinkedQueue<>();
    try (DecisionServer server = start(new KeywordModel(), ServeConfig.defaults()
        .withAllowedHosts(List.of("triage.internal")), log)) {
      for (String host : List.of("evil.example", "evil.example:" + server.port(), "127.0.0.1.evil.example",
          "localhost.evil.example", "10.0.0.8")) {
        String r = raw(server, "GET /health HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n");
        assertEquals(421, status(r), host + ": " + r);
        assertEquals("Host '" + host + "' is not served here; this server answers to localhost, 127.0.0.1, "
            + "triage.internal and the loopback addresses (add names with --allow-host)", message(r));
      }
      String post = raw(server, "POST /v1/predict HTTP/1.1\r\nHost: evil.example\r\nContent-Type: "
          + "application/json\r\nContent-Length: 12\r\nConnection: close\r\n\r\n{\"text\":\"a\"}");
      assertEquals(421, status(post), "refused before the note is decided: " + post);
      String missing = raw(server, "GET /health HTTP/1.0\r\n\r\n");
      assertEquals(400, status(missing), missing);
      assertEquals("the Host header is missing", message(missing));
      for (String host : List.of("localhost", "LOCALHOST:" + server.port(), "127.0.0.1:" + server.port(),
          "127.0.0.2", "[::1]:" + server.port(), "triage.internal")) {
        String r = raw(server, "GET /health HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n");
        assertEquals(200, status(r), host + ": " + r);
      }
      TestHttp.Answer ok = new TestHttp(server).postJson("/v1/predict", "{\"text\": \"chest pain\"}");
      assertEquals(200, ok.status(), "the page's own requests are served");
    }
    assertTrue(log.stream().filter(l -> l.contains(" 421 ")).count() >= 6, "each refusal is logged: " + log);
  }

  @Test
  void aPostWithoutJsonContentTypeIsRefused() throws Exception {
    KeywordModel model = new KeywordModel();
    try (DecisionServer server = start(model, ServeConfig.defaults(), new ConcurrentLinkedQueue<>())) {
      String none = raw(server, "POST /v1/predict HTTP/1.1\r\nHost: localhost\r\nContent-Length: 12\r\n"
          + "Connection: close\r\n\r\n{\"text\":\"a\"}");
      assertEquals(415, status(none), none);
      assertEquals("Content-Type must be application/json, got none", message(none));
      for (String type : List.of("text/plain", "application/x-www-form-urlencoded", "application/jsonp",
          "multipart/form-data; boundary=x")) {
        String r = raw(server, "POST /v1/predict/batch HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + type
            + "\r\nContent-Length: 15\r\nConnection: close\r\n\r\n{\"texts\":[\"a\"]}");
        assertEquals(415, status(r), type + ": " + r);
        assertEquals("Content-Type must be application/json, got '" + type + "'", message(r));
      }
      String charset = raw(server, "POST /v1/predict HTTP/1.1\r\nHost: localhost\r\nContent-Type: "
          + "Application/JSON; charset=utf-8\r\nContent-Length: 12\r\nConnection: close\r\n\r\n{\"text\":\"a\"}");
      assertEquals(200, status(charset), charset);
      assertEquals(1, model.calls.get(), "only the JSON request reached the model");
    }
  }

  @Test
  void bidiAndZeroWidthCharactersAreEscapedInTheLogAlsoWithLogText() throws Exception {
    Queue<String> log = new ConcurrentLinkedQueue<>();
    ServeConfig config = ServeConfig.defaults().withAddress("127.0.0.1", 0).withLogText(true);
    try (DecisionServer server = DecisionServer.start(new KeywordModel(), config, new RequestLog(log::add, true))) {
      String path = raw(server, "GET /x%E2%80%AEfdp.exe%E2%81%A6%E2%80%8B HTTP/1.1\r\nHost: localhost\r\n"
          + "Connection: close\r\n\r\n");
      assertEquals(404, status(path), path);
      TestHttp.Answer note = new TestHttp(server).postJson("/v1/predict",
          "{\"text\": \"chest pain \\u202eesi-5\\u2066\\u200b\\u001b[2J\"}");
      assertEquals(200, note.status());
      ServerReliabilityTest.awaitLines(log, 2);
    }
    List<String> lines = List.copyOf(log);
    assertEquals(2, lines.size(), lines.toString());
    assertTrue(lines.get(0).contains(" GET /x\\u202efdp.exe\\u2066\\u200b 404 "), lines.get(0));
    assertTrue(lines.get(1).contains(" text=\"chest pain \\u202eesi-5\\u2066\\u200b\\x1b[2J\""), lines.get(1));
    for (String line : lines) {
      assertTrue(line.codePoints().noneMatch(c -> c < 0x20 || Character.getType(c) == Character.FORMAT),
          "nothing invisible is written: " + line);
    }
  }
}
