// The layout of a trained model folder: a Hugging Face T5 folder plus r2d.json, the model card inference reads.
package dev.reason2decide.runs;

import java.nio.file.Path;

/**
 * A Hugging Face T5 folder ({@code config.json}, {@code model.safetensors}, tokenizer files) with {@link ModelCard};
 * a run's final {@code model/} also has {@code provenance.json}: where it came from (run, phase, step), the run's
 * configuration and the run's provenance.
 */
public record ModelFolder(Path dir) {
  public Path card() {
    return dir.resolve(ModelCard.FILE);
  }

  /** Where the model came from (a run's final model; a phase's {@code best/} has none). */
  public Path provenance() {
    return dir.resolve(RunFolder.PROVENANCE);
  }
}
