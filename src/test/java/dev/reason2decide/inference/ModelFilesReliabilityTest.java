// Reliability against bad model folders: r2d.json and config.json out of bounds, weights that give NaN scores.
package dev.reason2decide.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.reason2decide.model.safetensors.SafeTensorsReader;
import dev.reason2decide.model.safetensors.SafeTensorsWriter;
import dev.reason2decide.model.safetensors.TensorEntry;
import dev.reason2decide.testing.CliRun;
import dev.reason2decide.testing.TinyModelFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFilesReliabilityTest {
  @TempDir
  Path tmp;

  @Test
  void aHugeRationaleLengthInR2dJsonIsRefusedNamingTheField() throws Exception {
    Path model = withCard("rationaleMaxNewTokens", 1_000_000_000);
    assertPredictFails(model, model.resolve("r2d.json")
        + ": rationaleMaxNewTokens is 1000000000; it must be between 1 and 4096");
  }

  @Test
  void aNegativeInputLengthInR2dJsonIsRefusedNamingTheField() throws Exception {
    Path model = withCard("maxInputTokens", -5);
    assertPredictFails(model, model.resolve("r2d.json") + ": maxInputTokens is -5; it must be between 2 and 8192");
  }

  @Test
  void aMillionLayersInConfigJsonIsRefusedBeforeAnyAllocation() throws Exception {
    Path model = withConfig("num_layers", 1_000_000);
    assertPredictFails(model, model.resolve("config.json")
        + ": config.json: num_layers is 1000000; it must be between 1 and 256");
  }

  @Test
  void aLayerCountTheWeightsDoNotHaveIsRefusedNamingBoth() throws Exception {
    Path model = withConfig("num_decoder_layers", 3);
    assertPredictFails(model, model.resolve("config.json")
        + ": num_decoder_layers is 3 but the weights have 2 decoder blocks");
  }

  @Test
  void serveRefusesToStartOnNanWeightsNamingTheModel() throws Exception {
    Path model = nanModel();
    java.util.concurrent.CompletableFuture<CliRun> run = java.util.concurrent.CompletableFuture.supplyAsync(
        () -> CliRun.of("serve", "--model", model.toString(), "--port", "0"));
    CliRun r = run.get(120, java.util.concurrent.TimeUnit.SECONDS); // a server that started would never end
    assertEquals(1, r.code(), r.err());
    String last = r.err().strip().lines().reduce((a, b) -> b).orElse("");
    assertEquals("r2d serve: --model " + model + ": not served: a decision on a test note failed: model nan-model: "
        + "the score of label 'yes' is NaN (not a finite number); its weights may be damaged (NaN or infinite "
        + "values)", last);
    assertFalse(r.err().contains(" at http://"), "never listened: " + r.err());
  }

  private Path nanModel() throws IOException {
    Path model = TinyModelFolder.create(tmp.resolve("nan-model"));
    SafeTensorsReader reader = SafeTensorsReader.open(model.resolve("model.safetensors"));
    SafeTensorsWriter writer = new SafeTensorsWriter();
    for (Map.Entry<String, TensorEntry> e : reader.tensors().entrySet()) {
      float[] values = e.getValue().toFloats();
      if (e.getKey().equals("lm_head.weight")) {
        Arrays.fill(values, Float.NaN);
      }
      writer.put(e.getKey(), e.getValue().shape(), values);
    }
    Path weights = tmp.resolve("nan.safetensors");
    writer.write(weights);
    Files.move(weights, model.resolve("model.safetensors"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    return model;
  }

  @Test
  void nanWeightsAreAnErrorNamingTheModelAndNoOutputIsWritten() throws Exception {
    Path model = nanModel();
    CliRun r = predict(model);
    assertEquals(1, r.code(), r.err());
    assertEquals("r2d predict: model nan-model: the score of label 'yes' is NaN (not a finite number); its "
        + "weights may be damaged (NaN or infinite values)", r.err().strip());
    assertFalse(Files.exists(tmp.resolve("out.jsonl")), "no output with NaN in it");
  }

  @Test
  void everyIntegerOfR2dJsonIsReadStrictlyNamingTheFieldNeverWrapped() throws Exception {
    String[][] cases = {
        {"4294967808", "field 'maxInputTokens' is 4294967808, beyond the largest allowed (2,147,483,647)"},
        {"2147483648", "field 'maxInputTokens' is 2147483648, beyond the largest allowed (2,147,483,647)"},
        {"1e30", "field 'maxInputTokens' is 1e30, beyond the largest allowed (2,147,483,647)"},
        {"\"7\"", "field 'maxInputTokens' must be a whole number, got \"7\""},
        {"512.7", "field 'maxInputTokens' must be a whole number, got 512.7"},
        {"null", "field 'maxInputTokens' must be a whole number, got null"}};
    for (String[] c : cases) {
      Path model = withCardText("maxInputTokens", c[0]);
      assertPredictFails(model, model.resolve("r2d.json") + ": not a valid model card: " + c[1]);
    }
  }

  @Test
  void everyIntegerOfConfigJsonIsReadStrictlyNamingTheFieldNeverWrapped() throws Exception {
    String[][] cases = {
        {"num_layers", "4294967298", "field 'num_layers' is 4294967298, beyond the largest allowed (2,147,483,647)"},
        {"num_heads", "4.5", "field 'num_heads' must be a whole number, got 4.5"},
        {"d_model", "\"64\"", "field 'd_model' must be a whole number, got \"64\""},
        {"num_decoder_layers", "-2147483649",
            "field 'num_decoder_layers' is -2147483649, below the smallest allowed (-2,147,483,648)"}};
    for (String[] c : cases) {
      Path model = withConfigText(c[0], c[1]);
      assertPredictFails(model, model.resolve("config.json") + ": " + c[2]);
    }
  }

  private Path withCardText(String field, String json) throws IOException {
    Path model = withCard(field, 0);
    String card = Files.readString(model.resolve("r2d.json"));
    Files.writeString(model.resolve("r2d.json"), card.replace("\"" + field + "\":0", "\"" + field + "\":" + json));
    return model;
  }

  private Path withConfigText(String field, String json) throws IOException {
    Path model = withConfig(field, 0);
    String config = Files.readString(model.resolve("config.json"));
    Files.writeString(model.resolve("config.json"), config.replace("\"" + field + "\":0", "\"" + field + "\":"
        + json));
    return model;
  }

  private Path withCard(String field, int value) throws IOException {
    deleteModel();
    Path model = TinyModelFolder.create(tmp.resolve("model"));
    JsonObject card = JsonParser.parseString(Files.readString(model.resolve("r2d.json"))).getAsJsonObject();
    card.addProperty(field, value);
    Files.writeString(model.resolve("r2d.json"), card.toString());
    return model;
  }

  private Path withConfig(String field, int value) throws IOException {
    deleteModel();
    Path model = TinyModelFolder.create(tmp.resolve("model"));
    JsonObject config = JsonParser.parseString(Files.readString(model.resolve("config.json"))).getAsJsonObject();
    config.addProperty(field, value);
    Files.writeString(model.resolve("config.json"), config.toString());
    return model;
  }

  private void deleteModel() throws IOException {
    if (Files.exists(tmp.resolve("model"))) {
      try (var files = Files.walk(tmp.resolve("model"))) {
        for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(f);
        }
      }
    }
  }

  private CliRun predict(Path model) throws IOException {
    Path input = tmp.resolve("in.jsonl");
    Files.writeString(input, "{\"id\":\"a\",\"question\":\"fever and cough\"}\n");
    return CliRun.of("predict", "--model", model.toString(), "--input", input.toString(), "--output",
        tmp.resolve("out.jsonl").toString(), "--quiet");
  }

  private void assertPredictFails(Path model, String message) throws IOException {
    CliRun r = predict(model);
    assertEquals(1, r.code(), r.err());
    assertEquals("r2d predict: " + message, r.err().strip(), "one line naming the file and the field");
    assertFalse(Files.exists(tmp.resolve("out.jsonl")), "no output written");
    assertTrue(r.out().isEmpty(), r.out());
  }
}
