// --device on the commands that run a model: the log line, provenance, and one-line errors for bad or absent devices.
package dev.reason2decide.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.reason2decide.engine.Engines;
import dev.reason2decide.io.Json;
import dev.reason2decide.testing.CliRun;
import dev.reason2decide.testing.TinyModelFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeviceOptionTest {
  private static final String BAD = "--device: 'tpu' is not cpu, gpu or gpu:N";

  @TempDir
  Path tmp;

  private Path notes() throws Exception {
    Path in = tmp.resolve("notes.jsonl");
    Files.writeString(in, "{\"id\":\"a\",\"question\":\"is aspirin useful?\",\"label\":\"yes\"}\n"
        + "{\"id\":\"b\",\"question\":\"does sleep help memory?\",\"label\":\"no\"}\n");
    return in;
  }

  @Test
  void predictAndEvaluateLogTheDeviceOnceAndRecordItInProvenance() throws Exception {
    Path model = TinyModelFolder.create(tmp.resolve("model"));
    Path out = tmp.resolve("p.jsonl");
    CliRun r = CliRun.of("predict", "--model", model.toString(), "--input", notes().toString(), "--output",
        out.toString(), "--device", "cpu", "--threads", "1");
    assertEquals(0, r.code(), r.err());
    String line = "r2d predict: device cpu (PyTorch " + Engines.pytorch().getVersion() + ")";
    assertEquals(1, r.errLines().stream().filter(l -> l.contains("device")).count(), r.err());
    assertTrue(r.errLines().contains(line), r.err());
    JsonObject prov = Json.readObject(Path.of(out + ".provenance.json"));
    assertEquals("cpu", prov.get("device").getAsString());
    assertEquals(2, Files.readAllLines(out).size());

    // evaluate runs the model of --model (faithfulness) on its --device and records it in report.json
    CliRun e = CliRun.of("evaluate", "--predictions", out.toString(), "--model", model.toString(), "--device", "cpu",
        "--out", tmp.resolve("eval").toString());
    assertEquals(0, e.code(), e.err());
    assertTrue(e.errLines().contains("r2d evaluate: device cpu (PyTorch " + Engines.pytorch().getVersion() + ")"),
        e.err());
    JsonObject report = Json.readObject(tmp.resolve("eval").resolve("report.json"));
    assertEquals("cpu", report.getAsJsonObject("provenance").get("device").getAsString());
  }

  @Test
  void aBadValueIsOneLineNamingTheOptionOnEveryCommand() throws Exception {
    Path model = TinyModelFolder.create(tmp.resolve("model"));
    Path notes = notes();
    Path predictions = tmp.resolve("p.jsonl");
    Files.writeString(predictions, "{\"id\":\"a\",\"input\":\"x\",\"label\":\"yes\",\"predicted_label\":\"yes\"}\n");
    List<String[]> commands = List.of(
        new String[] {"predict", "--model", model.toString(), "--input", notes.toString(), "--output",
            tmp.resolve("o.jsonl").toString(), "--device", "tpu"},
        new String[] {"train", "--train", notes.toString(), "--validation", notes.toString(), "--init",
            model.toString(), "--out", tmp.resolve("run").toString(), "--device", "tpu"},
        new String[] {"serve", "--model", model.toString(), "--device", "tpu"},
        new String[] {"evaluate", "--predictions", predictions.toString(), "--model", model.toString(), "--out",
            tmp.resolve("eval").toString(), "--device", "tpu"},
        new String[] {"check-hf", model.toString(), "--device", "tpu"});
    for (String[] args : commands) {
      CliRun r = CliRun.of(args);
      assertEquals(1, r.code(), args[0] + ": " + r.err());
      assertEquals(List.of("r2d " + args[0] + ": " + BAD), r.errLines(), args[0]);
    }
    assertTrue(Files.notExists(tmp.resolve("run")), "nothing is created for a bad --device");
  }

  @Test
  void aGpuTheEngineDoesNotHaveNamesItAndWhatIsAvailable() throws Exception {
    Path model = TinyModelFolder.create(tmp.resolve("model"));
    String gpu = "gpu:" + Engines.pytorch().getGpuCount(); // gpu:0 on a machine without CUDA natives
    CliRun r = CliRun.of("predict", "--model", model.toString(), "--input", notes().toString(), "--output",
        tmp.resolve("o.jsonl").toString(), "--device", gpu, "--quiet");
    assertEquals(1, r.code(), r.err());
    assertEquals(1, r.errLines().size(), r.err());
    String e = r.errLines().get(0);
    assertTrue(e.startsWith("r2d predict: device " + gpu + " is not available ("), e);
    assertTrue(e.contains("available: " + String.join(", ", Engines.available())), e);
    assertTrue(Files.notExists(tmp.resolve("o.jsonl")));
  }
}
