// Reliability of what the service shows and accepts: server paths, foreign Host names, bodies that are not JSON.
package dev.reason2decide.serve;

import static dev.reason2decide.serve.ServerReliabilityTest.body;
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
}
