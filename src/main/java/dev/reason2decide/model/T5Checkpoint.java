// A Hugging Face checkpoint folder: config.json + model.safetensors (+ tokenizer files), read and written.
package dev.reason2decide.model;

import ai.djl.ndarray.NDManager;
import com.google.gson.JsonObject;
import dev.reason2decide.io.AtomicFiles;
import dev.reason2decide.io.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Loads and saves T5 checkpoint folders that transformers reads as they are. */
public final class T5Checkpoint {
  /** Tokenizer files copied along with a checkpoint when present. */
  public static final List<String> TOKENIZER_FILES = List.of("tokenizer.json", "tokenizer_config.json",
      "special_tokens_map.json", "spiece.model", "input_normaliser.json");

  private T5Checkpoint() {}

  /** Reads {@code dir/config.json} and the weights into {@code manager}. */
  public static T5Model load(Path dir, NDManager manager) {
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException(dir + ": not a checkpoint folder (no such directory)");
    }
    Path cfg = dir.resolve("config.json");
    if (!Files.isRegularFile(cfg)) {
      throw new IllegalArgumentException(dir + ": no config.json in this folder");
    }
    T5Config config = T5Config.read(cfg);
    return new T5Model(T5Parameters.load(dir, config, manager));
  }

  /**
   * Writes config.json, generation_config.json and model.safetensors into {@code dir}, copies the tokenizer
   * files from {@code tokenizerDir} (may be null), and writes each of {@code extraJson} as a pretty JSON file.
   */
  public static void save(T5Model model, Path dir, Path tokenizerDir, Map<String, Object> extraJson) {
    try {
      Files.createDirectories(dir);
      T5Config c = model.config();
      model.parameters().save(dir.resolve("model.safetensors"));
      JsonObject config = c.toJson();
      config.addProperty("transformers_version", "4.24.0");
      AtomicFiles.writeString(dir.resolve("config.json"), Json.PRETTY.toJson(config) + "\n");
      Map<String, Object> gen = new LinkedHashMap<>();
      gen.put("decoder_start_token_id", c.decoderStartTokenId());
      gen.put("eos_token_id", c.eosTokenId());
      gen.put("pad_token_id", c.padTokenId());
      AtomicFiles.writeString(dir.resolve("generation_config.json"), Json.PRETTY.toJson(gen) + "\n");
      if (tokenizerDir != null && !tokenizerDir.toAbsolutePath().normalize().equals(dir.toAbsolutePath().normalize())) {
        for (String f : TOKENIZER_FILES) {
          Path src = tokenizerDir.resolve(f);
          if (Files.isRegularFile(src)) {
            AtomicFiles.copy(src, dir.resolve(f));
          }
        }
      }
      if (extraJson != null) {
        for (Map.Entry<String, Object> e : extraJson.entrySet()) {
          AtomicFiles.writeString(dir.resolve(e.getKey()), Json.PRETTY.toJson(e.getValue()) + "\n");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(dir + ": cannot write checkpoint: " + e.getMessage(), e);
    }
  }
}
