// What an experiment compares: data, recipes, seeds, one shared step budget, training overrides, evaluation, metrics.
package dev.reason2decide.experiment;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.reason2decide.data.DatasetFolder;
import dev.reason2decide.data.synth.FormPolicy;
import dev.reason2decide.data.synth.RationaleSource;
import dev.reason2decide.data.synth.SynthTriage;
import dev.reason2decide.io.StrictJson;
import dev.reason2decide.train.Recipe;
import dev.reason2decide.train.TrainConfig;
import dev.reason2decide.train.TrainSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An experiment configuration, read from JSON (see docs/experiments.md). Every recipe runs once per seed with the
 * same {@code steps} budget (Stage-1 and Stage-2 together), the same {@code train} overrides of the reference
 * training configuration and the same model source; every final model is evaluated on the same test split.
 *
 * @param name a short name, used for the default output folder
 * @param data where the examples come from
 * @param recipes the recipes, in table order (named as {@code r2d train} knows them: {@link #recipeNames()})
 * @param seeds the seeds every recipe runs with
 * @param steps the step budget of every run
 * @param train training settings by name ({@link TrainSettings}, e.g. batch-size), over the reference
 * @param model the model trained from scratch when no {@code --init} is given
 * @param evaluation test-set evaluation settings
 * @param metrics the metrics tabulated and charted, in order
 */
public record ExperimentConfig(String name, DataSpec data, List<Recipe> recipes, List<Long> seeds, int steps,
    JsonObject train, ModelSpec model, EvaluationSpec evaluation, List<Metric> metrics) {

  /** Folder of the configurations shipped with the project (class-path resources). */
  public static final String SHIPPED = "dev/reason2decide/experiments/";
  /** Names of the shipped configurations. */
  public static final List<String> SHIPPED_NAMES = List.of("synthetic-triage", "pubmedqa", "casimedicos", "medmcqa",
      "rationale-sources-rules", "rationale-sources-nurse", "rationale-sources-llm", "rationale-sources-llm-noisy",
      "rationale-sources-llm-long", "notes-as-written");

  /**
   * Examples: three files ({@code train}, {@code validation}, {@code test}; absolute once loaded) or a generated
   * synthetic triage set ({@code synthetic}); exactly one of the two.
   */
  public record DataSpec(Path train, Path validation, Path test, SyntheticSpec synthetic) {}

  /**
   * Synthetic triage examples: either {@code n} from {@code seed}, split stratified by the fractions, or (when
   * {@code plan} is given) splits generated separately by {@link SynthTriage.Plan}.
   */
  public record SyntheticSpec(int n, long seed, double trainFraction, double validationFraction,
      double testFraction, SynthTriage.Plan plan) {}

  /**
   * The from-scratch model: a named size ({@code tiny}, {@code mini}, {@code small}, {@code base}) and either a
   * tokenizer folder or the vocabulary size of a BPE tokenizer built from the training split.
   */
  public record ModelSpec(String scratch, Path tokenizer, int tokenizerVocab, boolean splitDigits,
      boolean splitPunctuation, int wholeNumbers, boolean lowercase) {
    public static final ModelSpec DEFAULT = new ModelSpec("tiny", null, 4000, true, false, 0);

    /** Case kept by the scratch tokenizer. */
    public ModelSpec(String scratch, Path tokenizer, int tokenizerVocab, boolean splitDigits, boolean splitPunctuation,
        int wholeNumbers) {
      this(scratch, tokenizer, tokenizerVocab, splitDigits, splitPunctuation, wholeNumbers, false);
    }
  }

  /**
   * Test evaluation: {@code bertscoreModel} (a BERT/RoBERTa folder, null = no BERTScore) and its layer;
   * {@code maxTestExamples} (0 = all; else the first n of the test file); {@code batchSize} of decoding.
   */
  public record EvaluationSpec(Path bertscoreModel, int bertscoreLayer, int maxTestExamples, int batchSize) {
    public static final EvaluationSpec DEFAULT = new EvaluationSpec(null, 17, 0, 32);
  }

  /** Reads {@code arg}: a file, or the name of a shipped configuration. */
  public static ExperimentConfig load(String arg) {
    Path file = Path.of(arg);
    if (Files.isRegularFile(file)) {
      try {
        return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString(),
            file.toAbsolutePath().getParent());
      } catch (IOException e) {
        throw new UncheckedIOException(file + ": cannot be read: " + e.getMessage(), e);
      }
    }
    String name = arg.endsWith(".json") ? arg.substring(0, arg.length() - 5) : arg;
    if (!SHIPPED_NAMES.contains(name)) {
      throw new IllegalArgumentException("--config " + arg + ": no such file, and not a shipped configuration ("
          + String.join(", ", SHIPPED_NAMES) + ")");
    }
    return shipped(name);
  }

  /** The shipped configuration {@code name} (one of {@link #SHIPPED_NAMES}), whatever the working directory holds. */
  public static ExperimentConfig shipped(String name) {
    try (InputStream in = ExperimentConfig.class.getClassLoader().getResourceAsStream(SHIPPED + name + ".json")) {
      if (in == null) {
        throw new IllegalStateException("this build lacks the shipped configuration " + SHIPPED + name + ".json");
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "shipped configuration " + name, null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Parses configuration text. {@code origin} names it in errors; relative data paths are looked up in
   * {@code baseDir} (the configuration's folder; null for shipped ones) and then in the working directory.
   */
  public static ExperimentConfig parse(String json, String origin, Path baseDir) {
    JsonObject o;
    try {
      JsonElement e = JsonParser.parseString(json);
      if (!e.isJsonObject()) {
        throw new IllegalArgumentException(origin + ": an experiment configuration is a JSON object");
      }
      o = e.getAsJsonObject();
    } catch (JsonParseException e) {
      throw new IllegalArgumentException(origin + ": not valid JSON: " + StrictJson.describe(e), e);
    }
    ConfigFields f = new ConfigFields(o, origin, "");
    f.allow("name", "description", "data", "recipes", "seeds", "steps", "train", "model", "evaluation", "metrics");
    String name = f.string("name", null);
    f.require(name != null && name.matches("[A-Za-z0-9._-]+"), "name",
        "needs a name of letters, digits, '.', '_' or '-'");
    List<String> names = f.strings("recipes", List.of());
    f.require(!names.isEmpty(), "recipes", "needs at least one recipe");
    List<Recipe> recipes = new ArrayList<>();
    for (String r : names) {
      try {
        recipes.add(Recipe.parse(r));
      } catch (IllegalArgumentException e) {
        throw f.error("recipes", e.getMessage());
      }
      f.require(recipes.indexOf(recipes.get(recipes.size() - 1)) == recipes.size() - 1, "recipes", "'" + r
          + "' is listed twice");
    }
    List<Long> seeds = f.longs("seeds", List.of(42L));
    f.require(!seeds.isEmpty() && new HashSet<>(seeds).size() == seeds.size(), "seeds",
        "needs at least one seed and no seed twice");
    int steps = f.integer("steps", -1);
    f.require(steps > 0, "steps", "needs a positive step budget (Stage-1 and Stage-2 together)");
    JsonObject train = o.has("train") ? f.object("train") : new JsonObject();
    for (String reserved : List.of("recipe", "seed", "steps")) {
      f.require(!train.has(reserved), "train." + reserved, "is set by the experiment (recipes, seeds, steps)");
    }
    TrainSettings.apply(TrainConfig.reference(Recipe.R2D), train, origin + ": train."); // fail at load, by name
    List<Metric> metrics = new ArrayList<>();
    for (String m : f.strings("metrics", Metric.DEFAULT_NAMES)) {
      try {
        metrics.add(Metric.parse(m));
      } catch (IllegalArgumentException e) {
        throw f.error("metrics", e.getMessage());
      }
    }
    return new ExperimentConfig(name, dataSpec(f.child("data"), baseDir), List.copyOf(recipes), List.copyOf(seeds),
        steps, train, modelSpec(f.optionalChild("model"), baseDir), evaluationSpec(f.optionalChild("evaluation"),
        baseDir), List.copyOf(metrics));
  }

  private static DataSpec dataSpec(ConfigFields d, Path baseDir) {
    d.allow("synthetic-triage", "dir", "train", "validation", "test");
    if (d.has("synthetic-triage")) {
      d.require(!d.has("dir") && !d.has("train"), "synthetic-triage", "cannot be combined with data files");
      ConfigFields s = d.child("synthetic-triage");
      s.allow("n", "seed", "fractions", "train", "validation", "test", "train_mix", "grammar", "held_out_forms",
          "rationale_source", "noise_rate");
      if (s.has("train") || s.has("validation") || s.has("test")) {
        s.require(s.has("train") && s.has("validation") && s.has("test") && !s.has("n") && !s.has("fractions"),
            "train", "train, validation and test go together, instead of n and fractions");
        SynthTriage.Plan plan;
        try {
          plan = new SynthTriage.Plan(s.integer("train", 0), s.integer("validation", 0), s.integer("test", 0),
              s.longValue("seed", 42L), SynthTriage.Mix.of(s.string("train_mix", "rule-balanced")),
              new SynthTriage.Notes(s.integer("grammar", SynthTriage.GRAMMAR), new FormPolicy(
                  FormPolicy.parse(s.string("held_out_forms", "")), false),
                  RationaleSource.of(s.string("rationale_source", "rules")),
                  s.decimal("noise_rate", RationaleSource.DEFAULT_NOISE_RATE)));
        } catch (IllegalArgumentException e) {
          throw s.error("train", e.getMessage());
        }
        return new DataSpec(null, null, null, new SyntheticSpec(plan.train() + plan.validation() + plan.test(),
            plan.seed(), 0, 0, 0, plan));
      }
      s.require(!s.has("train_mix"), "train_mix", "needs train, validation and test");
      s.require(!s.has("grammar") && !s.has("held_out_forms"), "held_out_forms", "needs train, validation and test");
      s.require(!s.has("rationale_source") && !s.has("noise_rate"), "rationale_source",
          "needs train, validation and test");
      int n = s.integer("n", 2000);
      s.require(n >= 10, "n", "must be at least 10");
      List<Double> fr = s.doubles("fractions", List.of(0.8, 0.1, 0.1));
      s.require(fr.size() == 3 && fr.stream().allMatch(x -> x > 0)
          && Math.abs(fr.get(0) + fr.get(1) + fr.get(2) - 1) < 1e-9, "fractions",
          "must be three positive fractions (train, validation, test) summing to 1");
      return new DataSpec(null, null, null, new SyntheticSpec(n, s.longValue("seed", 42L), fr.get(0), fr.get(1),
          fr.get(2), null));
    }
    Path dir = d.has("dir") ? d.path("dir", baseDir, true) : null;
    Path[] files = new Path[3];
    String[] keys = {DatasetFolder.TRAIN, DatasetFolder.VALIDATION, DatasetFolder.TEST};
    for (int i = 0; i < 3; i++) {
      if (d.has(keys[i])) {
        files[i] = d.path(keys[i], dir != null ? dir : baseDir, false);
      } else {
        d.require(dir != null, keys[i], "is missing: give data.dir, data.train/validation/test files, or "
            + "data.synthetic-triage");
        files[i] = DatasetFolder.split(dir, keys[i]);
        d.require(Files.isRegularFile(files[i]), "dir", "has no " + keys[i] + ".jsonl (" + files[i] + ")");
      }
    }
    return new DataSpec(files[0], files[1], files[2], null);
  }

  private static ModelSpec modelSpec(ConfigFields m, Path baseDir) {
    if (m == null) {
      return ModelSpec.DEFAULT;
    }
    m.allow("scratch", "tokenizer", "tokenizer_vocab", "split_digits", "split_punctuation", "whole_numbers",
        "lowercase");
    String size = m.string("scratch", ModelSpec.DEFAULT.scratch());
    m.require(List.of("micro", "tiny", "mini", "small", "base").contains(size), "scratch",
        "must be micro, tiny, mini, small or base, got '" + size + "'");
    Path tok = m.has("tokenizer") ? m.path("tokenizer", baseDir, true) : null;
    int vocab = m.integer("tokenizer_vocab", ModelSpec.DEFAULT.tokenizerVocab());
    m.require(vocab >= 300, "tokenizer_vocab", "must be at least 300");
    int wholeNumbers = m.integer("whole_numbers", ModelSpec.DEFAULT.wholeNumbers());
    m.require(wholeNumbers >= 0 && wholeNumbers <= dev.reason2decide.tokens.BpeTrainer.MAX_WHOLE_NUMBER,
        "whole_numbers", "must be 0 (off) to " + dev.reason2decide.tokens.BpeTrainer.MAX_WHOLE_NUMBER);
    return new ModelSpec(size, tok, vocab, m.bool("split_digits", ModelSpec.DEFAULT.splitDigits()),
        m.bool("split_punctuation", ModelSpec.DEFAULT.splitPunctuation()), wholeNumbers,
        m.bool("lowercase", ModelSpec.DEFAULT.lowercase()));
  }

  private static EvaluationSpec evaluationSpec(ConfigFields e, Path baseDir) {
    if (e == null) {
      return EvaluationSpec.DEFAULT;
    }
    e.allow("bertscore_model", "bertscore_layer", "max_test_examples", "batch_size");
    EvaluationSpec d = EvaluationSpec.DEFAULT;
    Path bert = e.has("bertscore_model") && !e.isNull("bertscore_model") ? e.path("bertscore_model", baseDir, true)
        : null;
    int layer = e.integer("bertscore_layer", d.bertscoreLayer());
    int max = e.integer("max_test_examples", d.maxTestExamples());
    int batch = e.integer("batch_size", d.batchSize());
    e.require(layer >= 1, "bertscore_layer", "must be >= 1");
    e.require(max >= 0, "max_test_examples", "must be >= 0 (0 = the whole test split)");
    e.require(batch >= 1, "batch_size", "must be >= 1");
    return new EvaluationSpec(bert, layer, max, batch);
  }

  /** The recipes' names as {@code r2d train} knows them, in table order: the tables' and run folders' names. */
  public List<String> recipeNames() {
    return recipes.stream().map(Recipe::cliName).toList();
  }

  /** The training configuration of {@code recipe} with {@code seed}: the reference, the file's settings, its budget. */
  public TrainConfig training(Recipe recipe, long seed) {
    return TrainSettings.with(TrainSettings.apply(TrainConfig.reference(recipe), train, "experiment " + name
        + ": train."), "seed", seed, "steps", steps);
  }

  /** The configuration with a from-scratch size other than the file's (the {@code --scratch} option). */
  public ExperimentConfig withScratch(String size) {
    if (!List.of("micro", "tiny", "mini", "small", "base").contains(size)) {
      throw new IllegalArgumentException("--scratch must be micro, tiny, mini, small or base, got '" + size + "'");
    }
    return new ExperimentConfig(name, data, recipes, seeds, steps, train,
        new ModelSpec(size, model.tokenizer(), model.tokenizerVocab(), model.splitDigits(),
            model.splitPunctuation(), model.wholeNumbers(), model.lowercase()), evaluation, metrics);
  }
}
