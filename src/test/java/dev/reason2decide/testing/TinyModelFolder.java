// A trained-model folder for tests: the tiny T5 v1.1 fixture's weights and tokenizer plus an r2d.json.
package dev.reason2decide.testing;

import dev.reason2decide.io.Json;
import dev.reason2decide.prompts.PromptKind;
import dev.reason2decide.prompts.PromptTemplates;
import dev.reason2decide.runs.ModelCard;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Copies {@code t5-tiny-v1_1} into a folder and writes a model card with short generation limits. */
public final class TinyModelFolder {
  public static final List<String> LABELS = List.of("yes", "no", "maybe");

  private TinyModelFolder() {}

  /** {@code dir} with config.json, model.safetensors, tokenizer.json and an r2d.json (inputs ≤ 64 tokens). */
  public static Path create(Path dir) throws IOException {
    return create(dir, 64, 4, 8);
  }

  /** As {@link #create(Path)} with the card's input and decode lengths. */
  public static Path create(Path dir, int maxInputTokens, int labelTokens, int rationaleTokens) throws IOException {
    Files.createDirectories(dir);
    Path src = Shared.fixture("t5-tiny-v1_1");
    for (String f : List.of("config.json", "model.safetensors", "tokenizer.json")) {
      Files.copy(src.resolve(f), dir.resolve(f));
      dir.resolve(f).toFile().setWritable(true);
    }
    ModelCard card = new ModelCard(LABELS, PromptTemplates.reference(), maxInputTokens, labelTokens, rationaleTokens,
        "r2d", PromptKind.LABELLED);
    Files.writeString(dir.resolve(ModelCard.FILE), Json.PRETTY.toJson(card));
    return dir;
  }
}
