// The tokenizer of from-scratch runs: built once from the training split into <out>/tokenizer/, then reused.
package dev.reason2decide.experiment;

import dev.reason2decide.data.ReadOptions;
import dev.reason2decide.io.AtomicFiles;
import dev.reason2decide.io.Json;
import dev.reason2decide.io.Folders;
import dev.reason2decide.io.Provenance;
import dev.reason2decide.tokens.BpeTrainer;
import dev.reason2decide.tokens.TokenizerTrainer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a BPE tokenizer ({@link TokenizerTrainer}) from the training file only (validation and test text never
 * shape the vocabulary). {@code built-from.json} records the training file's SHA-256 and the vocabulary size; a
 * cached tokenizer built from other data is an error rather than silently replaced, since runs trained with it
 * would no longer match.
 */
final class ScratchTokenizer {
  static final String RECORD = "built-from.json";

  private ScratchTokenizer() {}

  /** The tokenizer folder to train with: {@code <out>/tokenizer}, built if absent. */
  static Path prepare(Path out, Path trainFile, int vocab, boolean splitDigits, boolean splitPunctuation,
      int wholeNumbers, boolean lowercase) {
    Path dir = out.resolve("tokenizer");
    Map<String, Object> from = new LinkedHashMap<>();
    from.put("train_sha256", Provenance.sha256(trainFile));
    from.put("vocab_size", vocab);
    from.put("split_digits", splitDigits);
    from.put("split_punctuation", splitPunctuation);
    if (wholeNumbers > 0) {
      from.put("whole_numbers", wholeNumbers); // absent when off, so folders built before the option still match
    }
    if (lowercase) {
      from.put("lowercase", true); // likewise
    }
    String expected = Json.PRETTY.toJson(from) + "\n";
    if (Files.isRegularFile(dir.resolve("tokenizer.json"))) {
      try {
        String actual = Files.readString(dir.resolve(RECORD));
        if (!actual.equals(expected)) {
          throw new IllegalArgumentException(dir + " was built from other training data or another vocabulary "
              + "size, digit or punctuation splitting or whole numbers (" + RECORD + "); use another --out for this "
              + "configuration");
        }
      } catch (IOException e) {
        throw new UncheckedIOException(dir.resolve(RECORD) + ": " + e.getMessage(), e);
      }
      return dir;
    }
    Path tmp = out.resolve(".tokenizer.tmp");
    try {
      Folders.deleteTree(tmp);
      TokenizerTrainer.build(List.of(trainFile), new BpeTrainer.Config(vocab, 2, 1000, splitDigits, splitPunctuation,
          wholeNumbers, lowercase), ReadOptions.DEFAULT, tmp);
      AtomicFiles.writeString(tmp.resolve(RECORD), expected);
      Folders.deleteTree(dir);
      Files.move(tmp, dir);
    } catch (IOException e) {
      throw new UncheckedIOException(dir + ": " + e.getMessage(), e);
    }
    return dir;
  }
}
