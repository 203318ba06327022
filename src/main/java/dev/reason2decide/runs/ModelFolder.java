// The layout of a trained model folder: a Hugging Face T5 folder plus r2d.json, the model card inference reads.
package dev.reason2decide.runs;

import java.nio.file.Path;

/** A Hugging Face T5 folder ({@code config.json}, {@code model.safetensors}, tokenizer files) with {@link ModelCard}. */
public record ModelFolder(Path dir) {
  public Path card() {
    return dir.resolve(ModelCard.FILE);
  }
}
