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
import dev.reason2decide.testing.CommandRun;
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
  void nanWeightsAreAnErrorNamingTheModelAndNoOutputIsWritten() throws Exception {
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
    CommandRun r = predict(model);
    assertEquals(1, r.code(), r.err());
    assertEquals("r2d predict: model nan-model: the score of label 'yes' is NaN (not a finite number); its "
        + "weights may be damaged (NaN or infinite values)", r.err().strip());
    assertFalse(Files.exists(tmp.resolve("out.jsonl")), "no output with NaN in it");
  }

  private Path withCard(String field, int value) throws IOException {
    Path model = TinyModelFolder.create(tmp.resolve("model"));
    JsonObject card = JsonParser.parseString(Files.readString(model.resolve("r2d.json"))).getAsJsonObject();
    card.addProperty(field, value);
    Files.writeString(model.resolve("r2d.json"), card.toString());
    return model;
  }

  private Path withConfig(String field, int value) throws IOException {
    Path model = TinyModelFolder.create(tmp.resolve("model"));
    JsonObject config = JsonParser.parseString(Files.readString(model.resolve("config.json"))).getAsJsonObject();
    config.addProperty(field, value);
    Files.writeString(model.resolve("config.json"), config.toString());
    return model;
  }

  private CommandRun predict(Path model) throws IOException {
    Path input = tmp.resolve("in.jsonl");
    Files.writeString(input, "{\"id\":\"a\",\"question\":\"fever and cough\"}\n");
    return CommandRun.of("predict", "--model", model.toString(), "--input", input.toString(), "--output",
        tmp.resolve("out.jsonl").toString(), "--quiet");
  }

  private void assertPredictFails(Path model, String message) throws IOException {
    CommandRun r = predict(model);
    assertEquals(1, r.code(), r.err());
    assertEquals("r2d predict: " + message, r.err().strip(), "one line naming the file and the field");
    assertFalse(Files.exists(tmp.resolve("out.jsonl")), "no output written");
    assertTrue(r.out().isEmpty(), r.out());
  }
}
