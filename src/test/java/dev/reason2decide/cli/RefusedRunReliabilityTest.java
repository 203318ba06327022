// Issue 26 items 6 and 8: a refused or failed start of r2d train leaves nothing, and a NaN loss stops the run.
package dev.reason2decide.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reason2decide.io.StrictJson;
import dev.reason2decide.model.safetensors.SafeTensorsReader;
import dev.reason2decide.model.safetensors.SafeTensorsWriter;
import dev.reason2decide.model.safetensors.TensorEntry;
import dev.reason2decide.testing.CliRun;
import dev.reason2decide.testing.Shared;
import dev.reason2decide.testing.TinyModelFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RefusedRunReliabilityTest {
  @TempDir
  Path dir;

  /** 8 short examples with the tiny model's labels. */
  private Path data() throws Exception {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      b.append("{\"id\":\"e").append(i).append("\",\"question\":\"fever ").append(i).append("\",\"label\":\"")
          .append(TinyModelFolder.LABELS.get(i % 3)).append("\",\"rationale\":\"because ").append(i).append("\"}\n");
    }
    return Files.writeString(dir.resolve("train.jsonl"), b.toString());
  }

  private CliRun train(Path data, Path out, String... source) {
    List<String> a = new ArrayList<>(List.of("train", "--train", data.toString(), "--validation", data.toString(),
        "--out", out.toString(), "--recipe", "sft", "--steps", "2", "--batch-size", "4", "--eval-batch-size", "8",
        "--eval-every", "1000", "--max-input-tokens", "32", "--max-target-tokens", "16", "--label-max-new-tokens",
        "4", "--rationale-max-new-tokens", "4", "--threads", "2", "--quiet"));
    a.addAll(List.of(source));
    return CliRun.of(a.toArray(String[]::new));
  }

  @Test
  void refusedStartsLeaveNoRunFolderSoTheCorrectedCommandStartsCleanly() throws Exception {
    Path data = data();
    Path out = dir.resolve("run");
    Path empty = Files.createDirectories(dir.resolve("empty-init"));
    Path truncated = TinyModelFolder.create(dir.resolve("truncated-init"));
    byte[] weights = Files.readAllBytes(truncated.resolve("model.safetensors"));
    Files.write(truncated.resolve("model.safetensors"), Arrays.copyOf(weights, weights.length / 2));
    Path noTokenizer = Files.createDirectories(dir.resolve("no-tokenizer"));
    for (String[] source : new String[][] {{"--init", empty.toString()}, {"--init", truncated.toString()},
        {"--scratch", "tiny", "--tokenizer", noTokenizer.toString()}}) {
      CliRun r = train(data, out, source);
      assertEquals(1, r.code(), String.join(" ", source) + ": " + r.err());
      assertEquals(1, r.errLines().size(), r.err());
      assertTrue(r.errLines().get(0).startsWith("r2d train: "), r.err());
      assertFalse(Files.exists(out), String.join(" ", source) + " left " + out);
    }
    CliRun corrected = train(data, out, "--scratch", "tiny", "--tokenizer",
        Shared.fixture("tokenizer-pubmed-2k").toString());
    assertEquals(0, corrected.code(), corrected.err());
    assertTrue(Files.exists(out.resolve("done.json")));
  }

  @Test
  void aNanLossStopsAtTheFirstStepNamingPhaseAndStepAndLeavesNothing() throws Exception {
    Path model = TinyModelFolder.create(dir.resolve("nan-init"));
    SafeTensorsReader reader = SafeTensorsReader.open(model.resolve("model.safetensors"));
    SafeTensorsWriter writer = new SafeTensorsWriter();
    for (Map.Entry<String, TensorEntry> e : reader.tensors().entrySet()) {
      float[] values = e.getValue().toFloats();
      Arrays.fill(values, Float.NaN);
      writer.put(e.getKey(), e.getValue().shape(), values);
    }
    Path weights = dir.resolve("nan.safetensors");
    writer.write(weights);
    Files.move(weights, model.resolve("model.safetensors"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Path out = dir.resolve("run");
    CliRun r = train(data(), out, "--init", model.toString());
    assertEquals(1, r.code(), r.err());
    assertEquals(List.of("r2d train: sft step 1: the loss is NaN (not a finite number); the weights may be damaged "
        + "(NaN or infinite values in --init) or training diverged (lower --lr); this step was not saved"),
        r.errLines());
    assertFalse(Files.exists(out), "no config.json, done.json or metrics.jsonl of a run that trained nothing");
  }

  @Test
  void metricsLinesAreStrictJsonEvenForANonFiniteGradientNorm() {
    String line = dev.reason2decide.train.MetricsWriter.strict(
        "{\"kind\":\"step\",\"stage\":\"sft\",\"step\":3,\"loss\":1.5,\"grad_norm\":Infinity,\"x\":NaN}");
    assertEquals("{\"kind\":\"step\",\"stage\":\"sft\",\"step\":3,\"loss\":1.5,\"grad_norm\":\"Infinity\","
        + "\"x\":\"NaN\"}", line);
    StrictJson.parse(line); // RFC 8259: throws on a bare NaN or Infinity
  }
}
