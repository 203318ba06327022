// A real T5 decision model for tests: the t5-tiny-v1_1 fixture (untrained) with a label set and short outputs.
package dev.reason2decide.testing;

import dev.reason2decide.io.Json;
import dev.reason2decide.prompts.PromptKind;
import dev.reason2decide.prompts.PromptTemplates;
import dev.reason2decide.runs.ModelCard;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Copies the fixture into a model folder with an r2d.json, so that T5DecisionModel.load works on it quickly. */
public final class TinyT5 {
  private TinyT5() {}

  /** The model folder {@code dir}: fixture weights and tokenizer, {@code labels}, ≤ 6 label and 24 rationale tokens. */
  public static Path modelFolder(Path dir, List<String> labels) throws IOException {
    Files.createDirectories(dir);
    Path fixture = Shared.fixture("t5-tiny-v1_1");
    for (String f : List.of("config.json", "model.safetensors", "tokenizer.json", "tokenizer_config.json")) {
      Files.copy(fixture.resolve(f), dir.resolve(f));
    }
    ModelCard card = new ModelCard(labels, PromptTemplates.reference(), 256, 6, 24, "untrained",
        PromptKind.LABELLED);
    Files.writeString(dir.resolve(ModelCard.FILE), Json.PRETTY.toJson(card));
    return dir;
  }
}
