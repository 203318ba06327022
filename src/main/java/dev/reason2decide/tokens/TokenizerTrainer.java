// Builds a tokenizer folder for models trained from scratch: reads a corpus, trains BPE, writes tokenizer.json.
package dev.reason2decide.tokens;

import dev.reason2decide.data.Example;
import dev.reason2decide.data.ExampleReader;
import dev.reason2decide.data.FileFormat;
import dev.reason2decide.data.ReadOptions;
import dev.reason2decide.io.InvalidUtf8;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@code r2d tokenizer build}. Corpus files are either example files ({@code .jsonl}, {@code .csv}, {@code .tsv}:
 * input, label and rationale texts are used, plus the prompt words of Reason2Decide once per example) or plain
 * text (any other extension, one text per line).
 */
public final class TokenizerTrainer {
  /** The words the training prompts add ({@code predict: x}, {@code explain: x}, {@code given label: y, explain: x}). */
  public static final List<String> PROMPT_WORDS = List.of("predict:", "explain:", "given label:");

  /** What was built: the corpus size and the vocabulary; the input normaliser when one was asked for, else null. */
  public record Report(Path dir, int files, long texts, int distinctWords, int vocabSize, int merges,
      int totalSize, InputNormaliser normaliser) {}

  private TokenizerTrainer() {}

  /** Reads the corpus, trains, and writes the tokenizer folder. */
  public static Report build(List<Path> corpus, BpeTrainer.Config config, ReadOptions exampleOptions, Path outDir) {
    return build(corpus, config, exampleOptions, outDir, false);
  }

  /**
   * As above; with {@code normaliseInputs} also fits an {@link InputNormaliser} on the corpus's inputs (example
   * files: the input column; text files: every line), read in the same pass, and writes it into {@code outDir}.
   */
  public static Report build(List<Path> corpus, BpeTrainer.Config config, ReadOptions exampleOptions, Path outDir,
      boolean normaliseInputs) {
    if (corpus.isEmpty()) {
      throw new IllegalArgumentException("no corpus files given");
    }
    WordCounts words = new WordCounts(config.splitDigits(), config.splitPunctuation(), config.lowercase());
    long texts = 0;
    List<String> inputs = normaliseInputs ? new java.util.ArrayList<>() : null;
    for (Path file : corpus) {
      texts += add(file, words, exampleOptions, inputs);
    }
    if (texts == 0) {
      throw new IllegalArgumentException("the corpus has no texts (every file is empty or has only blank lines or a"
          + " header): " + corpus + "; nothing written");
    }
    if (words.isEmpty()) {
      throw new IllegalArgumentException("the corpus has no words: " + corpus);
    }
    BpeTrainer.Vocab vocab = BpeTrainer.train(words.counts(), config);
    TokenizerFiles.write(outDir, vocab, config.splitDigits(), config.splitPunctuation(), config.lowercase());
    InputNormaliser normaliser = null;
    if (inputs != null) {
      normaliser = InputNormaliser.fit(inputs);
      normaliser.write(outDir);
    }
    return new Report(outDir, corpus.size(), texts, words.counts().size(), vocab.pieces().size(),
        vocab.merges().size(), vocab.pieces().size() + TokenizerFiles.SENTINELS, normaliser);
  }

  /** Counts {@code file}'s words; adds its inputs to {@code inputs} unless that is null. */
  private static long add(Path file, WordCounts words, ReadOptions options, List<String> inputs) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(file + ": no such corpus file");
    }
    if (isExampleFile(file)) {
      List<Example> examples = new ExampleReader(options).read(file).examples();
      for (Example e : examples) {
        if (inputs != null) {
          inputs.add(e.input());
        }
        words.addText(e.input(), 1);
        words.addText(e.label(), 1);
        words.addText(e.rationale(), 1);
      }
      for (String p : PROMPT_WORDS) {
        words.addText(p, examples.size());
      }
      return 3L * examples.size();
    }
    long n = 0;
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (String line; (line = r.readLine()) != null; ) {
        if (inputs != null) {
          inputs.add(line);
        }
        words.addText(line, 1);
        n++;
      }
    } catch (java.nio.charset.CharacterCodingException e) {
      InvalidUtf8.Location bad = InvalidUtf8.find(file);
      throw new IllegalArgumentException(file + (bad == null ? ": not valid UTF-8 text" : ":" + bad.line() + ": "
          + bad.describe()), e);
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": cannot be read: " + e.getMessage(), e);
    }
    return n;
  }

  private static boolean isExampleFile(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".jsonl") || name.endsWith(".csv") || name.endsWith(".tsv")) {
      FileFormat.of(file);
      return true;
    }
    return false;
  }
}
