// --device on r2d spark predict: parsed on the driver, carried to every executor, recorded in provenance.
package dev.reason2decide.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import dev.reason2decide.engine.Engines;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeviceOnExecutorsTest {
  @TempDir
  Path tmp;

  private Path notes() throws IOException {
    Path in = tmp.resolve("notes.jsonl");
    Files.write(in, List.of(
        "{\"id\":\"a\",\"question\":\"72yo male, chest pain for 20 minutes, HR 110, BP 150/90.\"}",
        "{\"id\":\"b\",\"question\":\"30yo female, ankle sprain, walking, vital signs normal.\"}"));
    return in;
  }

  @Test
  void theDeviceIsLoggedAndRecordedAndABadOneIsOneLineBeforeSparkStarts() throws IOException {
    TinyTriage t = TinyTriage.get();
    Path out = tmp.resolve("preds");
    Cli run = Cli.spark("predict", "--model", t.model.toString(), "--input", notes().toString(), "--output",
        out.toString(), "--master", "local[1]", "--device", "cpu").ok();
    assertTrue(run.err().contains("r2d spark predict: device cpu on every executor"), run.err());
    String prov = Files.readString(Path.of(out + ".provenance.json"));
    assertEquals("cpu", JsonParser.parseString(prov).getAsJsonObject().get("device").getAsString());
    assertEquals(2, SparkMatchesSingleProcessTest.partLines(out).size());

    Cli bad = Cli.spark("predict", "--model", t.model.toString(), "--input", notes().toString(), "--output",
        tmp.resolve("never").toString(), "--device", "tpu");
    assertEquals(1, bad.code());
    assertEquals(List.of("r2d spark predict: --device: 'tpu' is not cpu, gpu or gpu:N"), bad.err().lines().toList());
  }

  /** The executors load the model on the driver's --device; one without that GPU fails the job, naming it. */
  @Test
  void anExecutorWithoutTheGpuFailsTheJobNamingTheDevice() throws IOException {
    TinyTriage t = TinyTriage.get();
    String gpu = "gpu:" + Engines.pytorch().getGpuCount(); // gpu:0 on a machine without CUDA natives
    Path out = tmp.resolve("preds");
    Cli run = Cli.spark("predict", "--model", t.model.toString(), "--input", notes().toString(), "--output",
        out.toString(), "--master", "local[1]", "--device", gpu);
    assertEquals(1, run.code(), run.err());
    List<String> lines = run.err().lines().filter(l -> l.startsWith("r2d spark predict: ")).toList();
    assertEquals(2, lines.size(), run.err());
    assertEquals("r2d spark predict: device " + gpu + " on every executor", lines.get(0));
    assertTrue(lines.get(1).startsWith("r2d spark predict: device " + gpu + " is not available ("), lines.get(1));
    assertFalse(Files.exists(out.resolve("_SUCCESS")), "a failed job leaves no output that looks complete");
  }
}
