// Where the weights a run starts from come from: a Hugging Face folder, or a named size trained from scratch.
package dev.reason2decide.train;

import java.nio.file.Path;

/**
 * Either {@code init} (a T5 / Flan-T5 checkpoint folder with its tokenizer.json) or {@code scratch} (tiny, mini,
 * small, base) with a {@code tokenizer} folder; exactly one of init and scratch is set.
 */
public record ModelSource(Path init, String scratch, Path tokenizer) {
  public ModelSource {
    if ((init == null) == (scratch == null)) {
      throw new IllegalArgumentException("give exactly one of --init DIR or --scratch SIZE");
    }
    if (scratch != null && tokenizer == null) {
      throw new IllegalArgumentException("--scratch needs --tokenizer DIR (build one with `r2d tokenizer build`)");
    }
  }

  public static ModelSource pretrained(Path dir) {
    return new ModelSource(dir, null, null);
  }

  public static ModelSource fromScratch(String size, Path tokenizer) {
    return new ModelSource(null, size, tokenizer);
  }

  /** The folder with tokenizer.json. */
  public Path tokenizerDir() {
    return init != null ? (tokenizer != null ? tokenizer : init) : tokenizer;
  }
}
