// `r2d tokenizer build`: trains a BPE tokenizer for models trained from scratch and writes a tokenizer folder.
package dev.reason2decide.cli;

import dev.reason2decide.io.InputOutputPaths;
import dev.reason2decide.io.Json;
import dev.reason2decide.tokens.BpeTrainer;
import dev.reason2decide.tokens.TokenizerTrainer;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Tokenizer tools. */
@Command(name = "tokenizer", mixinStandardHelpOptions = true, description = "Build tokenizers.",
    subcommands = {TokenizerCommand.Build.class})
public final class TokenizerCommand implements Runnable {
  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  @Command(name = "build", mixinStandardHelpOptions = true,
      description = "Train a BPE tokenizer (T5 layout: <pad>=0, </s>=1, <unk>=2, 100 sentinels) from a corpus and "
          + "write tokenizer.json, tokenizer_config.json and special_tokens_map.json.")
  static final class Build implements Callable<Integer> {
    @Option(names = "--corpus", required = true, arity = "1..*", paramLabel = "FILE",
        description = "Example files (.jsonl/.csv/.tsv: input, label, rationale) or text files (one text a line).")
    List<Path> corpus;

    @Bounded(min = 1, max = 1 << 20)
    @Option(names = "--vocab-size", defaultValue = "8000",
        description = "Model vocabulary incl. 3 specials and 256 byte pieces; 100 sentinels come on top "
            + "(default: ${DEFAULT-VALUE}).")
    int vocabSize;

    @Bounded(min = 0, max = Integer.MAX_VALUE)
    @Option(names = "--min-frequency", defaultValue = "2", description = "Least pair count to merge "
        + "(default: ${DEFAULT-VALUE}).")
    int minFrequency;

    @Bounded(min = 1, max = 0x110000)
    @Option(names = "--max-alphabet", defaultValue = "1000", description = "Most characters with their own piece; "
        + "rarer ones use byte pieces (default: ${DEFAULT-VALUE}).")
    int maxAlphabet;

    @Option(names = "--split-digits", negatable = true, defaultValue = "true", fallbackValue = "true",
        description = "Every digit its own token, so numbers are copied digit by digit (default: on; "
            + "--no-split-digits gives the whole-word layout of tokenizers built before this option).")
    boolean splitDigits;

    @Option(names = "--split-punctuation", negatable = true, defaultValue = "false", fallbackValue = "true",
        description = "Every punctuation character its own token, so '76,' and '76' share their pieces (default: "
            + "off).")
    boolean splitPunctuation;

    @Bounded(min = 0, max = 100_000)
    @Option(names = "--whole-numbers", defaultValue = "0", paramLabel = "MAX", description = "With "
        + "--no-split-digits: every number 0..MAX after a space (and every bare one below 100) is one piece whatever "
        + "the corpus, so a model copies a value as one token and learns one embedding per value (0: off, the "
        + "default; at most " + BpeTrainer.MAX_WHOLE_NUMBER + ").")
    int wholeNumbers;

    @Option(names = "--lowercase", description = "Fold case: a Lowercase normaliser after NFKC in tokenizer.json, so "
        + "'HR', 'hr' and 'Hr' encode alike (default: off, case kept).")
    boolean lowercase;

    @Option(names = "--normalise-inputs", description = "Also fit an input normaliser on the corpus's inputs "
        + "(input_normaliser.json, copied into every checkpoint): models trained with this tokenizer read their "
        + "inputs with typos corrected towards the corpus's words and spelled-out numbers as digits (default: off; "
        + "docs/data.md).")
    boolean normaliseInputs;

    @Mixin
    OutputFolderOption out;

    @Mixin
    ExampleFileOptions files;

    @Override
    public Integer call() {
      InputOutputPaths paths = new InputOutputPaths().outputFolder("--out", out.path());
      corpus.forEach(f -> paths.input("--corpus", f));
      paths.check();
      TokenizerTrainer.Report r = TokenizerTrainer.build(corpus,
          new BpeTrainer.Config(vocabSize, minFrequency, maxAlphabet, splitDigits,
          splitPunctuation, wholeNumbers, lowercase), files.toReadOptions(), out.path(), normaliseInputs);
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("out", r.dir().toString());
      if (r.normaliser() != null) {
        m.put("input_normaliser", r.normaliser().describe());
      }
      m.put("corpus_files", r.files());
      m.put("texts", r.texts());
      m.put("distinct_words", r.distinctWords());
      m.put("model_vocab", r.vocabSize());
      m.put("merges", r.merges());
      m.put("split_digits", splitDigits);
      m.put("split_punctuation", splitPunctuation);
      m.put("whole_numbers", wholeNumbers);
      m.put("lowercase", lowercase);
      m.put("total_with_sentinels", r.totalSize());
      System.out.println(Json.COMPACT.toJson(m));
      return 0;
    }
  }
}
