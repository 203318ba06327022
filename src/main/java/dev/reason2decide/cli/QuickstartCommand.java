// `r2d quickstart`: the whole method on a laptop in minutes — synthetic triage data, a tokenizer, a small model
// trained from scratch, its decisions with rationales on held-out cases and counterfactual probes, and the goals.
package dev.reason2decide.cli;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import dev.reason2decide.data.DatasetFolder;
import dev.reason2decide.data.Example;
import dev.reason2decide.data.Prediction;
import dev.reason2decide.data.ReadOptions;
import dev.reason2decide.data.synth.FormPolicy;
import dev.reason2decide.data.synth.ShiftSuite;
import dev.reason2decide.data.synth.SynthTriage;
import dev.reason2decide.data.synth.TriageRules;
import dev.reason2decide.data.synth.WrittenPlan;
import dev.reason2decide.eval.faith.CheckInputs;
import dev.reason2decide.eval.faith.CheckSetup;
import dev.reason2decide.eval.faith.ExampleChecks;
import dev.reason2decide.eval.faith.FaithfulnessChecks;
import dev.reason2decide.eval.faith.FaithfulnessSummary;
import dev.reason2decide.eval.faith.UnsupportedNumbers;
import dev.reason2decide.eval.labels.LabelScores;
import dev.reason2decide.eval.report.EvaluationOptions;
import dev.reason2decide.eval.report.EvaluationReport;
import dev.reason2decide.eval.report.PredictionRow;
import dev.reason2decide.experiment.ExperimentConfig;
import dev.reason2decide.experiment.EvaluationRun;
import dev.reason2decide.inference.T5DecisionModel;
import dev.reason2decide.io.AtomicFiles;
import dev.reason2decide.io.Json;
import dev.reason2decide.io.Provenance;
import dev.reason2decide.runs.EvaluationFolder;
import dev.reason2decide.runs.RunFolder;
import dev.reason2decide.tokens.BpeTrainer;
import dev.reason2decide.tokens.CaseFolding;
import dev.reason2decide.tokens.InputNormaliser;
import dev.reason2decide.tokens.TokenizerTrainer;
import dev.reason2decide.train.ModelSource;
import dev.reason2decide.train.Recipe;
import dev.reason2decide.train.TrainConfig;
import dev.reason2decide.train.TrainSetting;
import dev.reason2decide.train.TrainSettings;
import dev.reason2decide.train.TrainingRun;
import dev.reason2decide.trust.fit.TrustFinisher;
import dev.reason2decide.trust.fit.TrustSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Everything in one folder ({@code --out}, default {@code runs/quickstart}); a rerun with the same folder resumes.
 * The training notes are drawn in the rule-balanced mix (every deciding finding with every complaint) and the
 * held-out ones in the natural mix from other seeds. The tokenizer isolates punctuation and makes every number up to
 * 300 one piece; the model ties its output layer to its embeddings, starts number pieces with magnitude coordinates,
 * learns its relative-position biases at 20 times the learning rate, and trains without dropout at a higher learning
 * rate than the reference's. Each setting is a measured lever (docs/results.md says what each bought, and which did
 * not help: digit splitting, a larger vocabulary).
 */
@Command(name = "quickstart", mixinStandardHelpOptions = true,
    description = {"Generate a synthetic emergency-triage set (clearly labelled synthetic), build a tokenizer, train a "
        + "small T5 from scratch on CPU (recipe r2d-gold-only, the grid's most faithful), evaluate on held-out cases "
        + "and on counterfactual probes (one deciding finding edited), show a few decisions with their rationales and "
        + "a verdict per check. About four minutes on 2 cores (docs/performance.md)."})
public final class QuickstartCommand implements Callable<Integer> {
  /** The shipped experiment whose training settings the quickstart uses. */
  static final String SETTINGS_FROM = "synthetic-triage";

  @Option(names = "--out", defaultValue = "runs/quickstart", description = "Folder for data, tokenizer and run "
      + "(a rerun reuses them, and refuses a folder whose notes or tokenizer other options made).")
  Path out;

  @Bounded(min = 1, max = 1e6)
  @Option(names = "--train-examples", defaultValue = "10000", description = "Training notes to generate, "
      + "rule-balanced mix (default: ${DEFAULT-VALUE}).")
  int trainExamples;

  @Bounded(min = 1, max = 1e6)
  @Option(names = "--validation-examples", defaultValue = "200", description = "Validation notes, natural mix "
      + "(default: ${DEFAULT-VALUE}).")
  int validationExamples;

  @Bounded(min = 1, max = 1e6)
  @Option(names = "--test-examples", defaultValue = "400", description = "Held-out test notes, natural mix "
      + "(default: ${DEFAULT-VALUE}).")
  int testExamples;

  @Option(names = "--train-mix", defaultValue = "rule-balanced", description = "natural or rule-balanced "
      + "(default: ${DEFAULT-VALUE}).")
  String trainMix;

  @Bounded(min = 1, max = 2)
  @Option(names = "--grammar", defaultValue = "1", description = "Note grammar of the generated set: 1 (the four "
      + "fixed styles the quickstart's budget and goals were tuned on) or 2 (varied notes, as r2d data synth-triage "
      + "writes by default; docs/data.md) (default: ${DEFAULT-VALUE}).")
  int grammar;

  @Bounded(min = 0, max = 1e6)
  @Option(names = "--varied-notes", defaultValue = "0", paramLabel = "N", description = "Also train on N notes of "
      + "grammar 2 (every form, numbers in words or with a decimal), shuffled into the grammar-1 training notes; "
      + "held-out notes stay grammar 1 (measured at 10000: docs/data.md; default: ${DEFAULT-VALUE}).")
  int variedNotes;

  @Option(names = "--split-digits", negatable = true, defaultValue = "false", fallbackValue = "true",
      description = "Tokenizer with one token per digit (default: off here: whole-number pieces copy and compare "
          + "better at this budget, docs/results.md).")
  boolean splitDigits;

  @Option(names = "--split-punctuation", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "Tokenizer with one token per punctuation character, so '76,' and '76' are one piece (default: "
          + "on).")
  boolean splitPunctuation;

  @Option(names = "--lowercase", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "Tokenizer that folds case (a Lowercase normaliser, as r2d tokenizer build --lowercase): the model "
          + "reads 'HR', 'hr' and 'Hr' as one, so notes in upper or lower case read as the training notes; labels are "
          + "mapped back and rationales recased with the training rationales' letter case (truecase.json) (default: "
          + "on, the winner of docs/data.md's comparison; --no-lowercase keeps case).")
  boolean lowercase;

  @Option(names = "--normalise-inputs", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "Fit an input normaliser on the training notes (input_normaliser.json beside tokenizer.json): the "
          + "model reads every note with its typos corrected towards the training words and spelled-out numbers in "
          + "digits (default: on, measured in docs/data.md; --no-normalise-inputs reads notes as written).")
  boolean normaliseInputs;

  @Bounded(min = 0, max = 100_000)
  @Option(names = "--whole-numbers", defaultValue = "300", paramLabel = "MAX", description = "Tokenizer with every "
      + "number 0..MAX one piece (0: off; default: ${DEFAULT-VALUE}).")
  int wholeNumbers;

  @Bounded(min = 1, max = 1 << 20)
  @Option(names = "--vocab-size", defaultValue = "1500", description = "Tokenizer vocabulary (default: "
      + "${DEFAULT-VALUE}).")
  int vocabSize;

  @Option(names = "--size", defaultValue = "micro", description = "Model size from scratch: micro (d_model 96: a third "
      + "less per step than tiny and as accurate here, docs/performance.md), tiny (d_model 128, the grid's), mini "
      + "(default: ${DEFAULT-VALUE}).")
  String size;

  @Bounded(min = 1, max = 1e9)
  @Option(names = "--steps", defaultValue = "1800", description = "Step budget, a maximum (Stage-1 + Stage-2; "
      + "Stage-2 ends earlier once validation meets the goals twice in a row, --set goal-stop=0 turns that off; "
      + "default: ${DEFAULT-VALUE}).")
  int steps;

  @Bounded(min = Long.MIN_VALUE, max = Long.MAX_VALUE)
  @Option(names = "--seed", defaultValue = "7", description = "Seed of data, model and training.")
  long seed;

  @Option(names = "--set", paramLabel = "NAME=VALUE", description = "Any training setting of r2d train by name "
      + "(e.g. --set lr=2e-3 --set recipe=r2d-gold-only); repeatable.")
  List<String> settings = new ArrayList<>();

  @Bounded(min = 0, max = 1e6)
  @Option(names = "--counterfactual-per-edit", defaultValue = "20", description = "Counterfactual probes per kind of "
      + "edit (0: none; default: ${DEFAULT-VALUE}).")
  int perEdit;

  @Bounded(min = 0, max = 1e6)
  @Option(names = "--show", defaultValue = "4", description = "Decisions to print.")
  int show;

  @Option(names = "--quiet", description = "Only the final figures.")
  boolean quiet;

  @Bounded(min = 0, max = 100_000)
  @Option(names = "--shifted-examples", defaultValue = "200", description = "Notes per kind of the shift suite and "
      + "far-text questions (r2d data shift; 0: none; default: ${DEFAULT-VALUE}).")
  int shifted;

  @Option(names = "--pubmedqa", defaultValue = "../shared/data/pubmedqa_pqal/raw", description = "PubMedQA raw folder "
      + "for the far text (skipped when absent; default: ${DEFAULT-VALUE}).")
  Path pubmedqa;

  @Override
  public Integer call() throws Exception {
    long start = System.nanoTime();
    TrainConfig cfg = config();
    Path data = out.resolve("data");
    if (variedNotes > 0 && grammar != 1) {
      throw new IllegalArgumentException("--varied-notes adds grammar-2 notes to grammar 1's: it needs --grammar 1");
    }
    SynthTriage.Plan plan = new SynthTriage.Plan(trainExamples, validationExamples, testExamples, seed,
        SynthTriage.Mix.of(trainMix), new SynthTriage.Notes(grammar, FormPolicy.ALL));
    if (!Files.exists(data.resolve("dataset.json"))) {
      SynthTriage.write(data, plan, variedNotes);
    } else {
      // a rerun reuses its notes, tokenizer and run: only if they are the ones these options ask for
      WrittenPlan.difference(data, plan, variedNotes).ifPresent(d -> {
        throw new IllegalArgumentException(data + " holds notes written with other options (" + d + "): give "
            + "another --out, or remove " + out + " to start over");
      });
    }
    List<Example> train = DatasetFolder.read(data, DatasetFolder.TRAIN);
    List<Example> val = DatasetFolder.read(data, DatasetFolder.VALIDATION);
    List<Example> test = DatasetFolder.read(data, DatasetFolder.TEST);
    Path tok = out.resolve("tokenizer");
    if (!Files.exists(tok.resolve("tokenizer.json"))) {
      TokenizerTrainer.build(List.of(DatasetFolder.split(data, DatasetFolder.TRAIN)), new BpeTrainer.Config(vocabSize,
          2, 300, splitDigits, splitPunctuation, wholeNumbers, lowercase), ReadOptions.DEFAULT, tok, normaliseInputs);
    } else if (InputNormaliser.read(tok).isIdentity() == normaliseInputs) {
      throw new IllegalArgumentException(tok + (normaliseInputs ? " has no input normaliser, and --normalise-inputs "
          : " has an input normaliser, and --no-normalise-inputs ") + "asks otherwise: give another --out, or remove "
          + out + " to start over");
    } else if (CaseFolding.folds(tok) != lowercase) {
      throw new IllegalArgumentException(tok + " " + (lowercase ? "keeps case, and --lowercase" : "folds case, and "
          + "--no-lowercase") + " asks otherwise: give another --out, or remove " + out + " to start over");
    }
    say("synthetic triage: %d train (%s mix%s) / %d validation / %d test cases (natural mix, other seeds; "
        + "SYNTHETIC, not patient data)%n", train.size(), trainMix, variedNotes > 0 ? ", " + variedNotes
        + " of them grammar 2" : "", val.size(), test.size());
    say("recipe %s, %s model from scratch, at most %d steps%s%n", cfg.recipe().cliName(), size, cfg.optim().steps(),
        cfg.eval().goalStop() > 0 ? " (Stage-2 ends once validation meets the goals " + cfg.eval().goalStop()
            + " times in a row)" : "");
    Path run = out.resolve("run");
    Path model = TrainingRun.run(cfg, new TrainingRun.Data(train, val, null, Map.of(DatasetFolder.TRAIN,
        DatasetFolder.split(data, DatasetFolder.TRAIN), DatasetFolder.VALIDATION,
        DatasetFolder.split(data, DatasetFolder.VALIDATION))),
        ModelSource.fromScratch(size, tok), run, TrainingRun.Start.of(true), new TrainProgress(quiet), 0,
        new TrustFinisher(TrustSettings.defaults(), line -> say("%s%n", line)));
    double trainSeconds = (System.nanoTime() - start) / 1e9;
    List<Prediction> preds;
    List<String> shiftedLines = new ArrayList<>();
    EvaluationReport report;
    EvaluationFolder eval = new EvaluationFolder(out.resolve("evaluation"));
    try (T5DecisionModel m = T5DecisionModel.load(model)) {
      // the held-out notes go the way of r2d predict and r2d evaluate: rows written, read back, evaluated
      preds = PredictionRow.decide(m, test, 32, eval.predictions());
      CheckInputs checks = CheckSetup.simulator(train, "the training split");
      if (perEdit > 0) {
        checks = EvaluationRun.withCounterfactual(checks, preds, m, perEdit, seed, 32, eval);
      }
      report = EvaluationRun.run(preds, EvaluationOptions.defaults(), EvaluationRun.FINITE_PROBABILITIES, null,
          new Provenance.Report().file("predictions", eval.predictions()).file("gold",
              DatasetFolder.split(data, DatasetFolder.TEST)).file("model", model).build(), checks, eval,
          "held-out notes");
      if (shifted > 0) {
        shiftedLines.add(ShiftedSets.line("held-out notes", preds));
        // seeds seed..seed+2 made the splits: the shift suite's notes come from seed+3
        Path shiftDir = out.resolve("shift");
        Map<String, List<Example>> suite = ShiftedSets.write(shiftDir, shifted, seed + 3, pubmedqa);
        shiftedLines.add(ShiftedSets.line("shifted: " + ShiftedSets.KIND.file(), ShiftedSets.predict(m,
            suite.get(ShiftedSets.KIND.file()), shiftDir.resolve(ShiftedSets.KIND.file() + ".predictions.jsonl"))));
        List<Example> far = suite.get(ShiftSuite.FAR);
        shiftedLines.add(far == null ? "far text: skipped (no PubMedQA at " + pubmedqa + ")"
            : ShiftedSets.line("far text: PubMedQA questions", ShiftedSets.predict(m, far,
                shiftDir.resolve(ShiftSuite.FAR + ".predictions.jsonl"))));
      }
    }
    LabelScores scores = report.labels();
    FaithfulnessChecks.Report checks = report.checks();
    double seconds = (System.nanoTime() - start) / 1e9;
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("recipe", cfg.recipe().cliName());
    summary.put("model_size", size);
    summary.put("train_examples", train.size());
    summary.put("train_mix", trainMix);
    summary.put("grammar", grammar);
    summary.put("varied_notes", variedNotes);
    summary.put("test_examples", test.size());
    summary.put("accuracy", scores.accuracy());
    summary.put("macro_f1", scores.macroF1());
    summary.put("seconds", seconds);
    summary.put("training_seconds", trainSeconds);
    summary.put("stopped", stops(new RunFolder(run).metrics()));
    summary.put("model", model.toString());
    summary.put("faithfulness_checks", checks.toMap());
    summary.put("trust_verdicts", shiftedLines);
    List<QuickstartGoals.Verdict> verdicts = QuickstartGoals.verdicts(scores.accuracy(), checks);
    summary.put("goals", verdicts.stream().map(QuickstartGoals.Verdict::toMap).toList());
    AtomicFiles.writeString(out.resolve("summary.json"), Json.PRETTY.toJson(summary) + "\n");
    System.out.println();
    for (int i = 0; i < Math.min(show, test.size()); i++) {
      Prediction d = preds.get(i);
      System.out.println("Note:      " + test.get(i).input());
      System.out.println("Gold:      " + test.get(i).label());
      System.out.printf(Locale.ROOT, "Decision:  %s  (p = %.2f)%n", d.predictedLabel(),
          d.probabilities().getOrDefault(d.predictedLabel(), 0.0));
      System.out.println("Rationale: " + d.predictedRationale());
      ExampleChecks c = ExampleChecks.of(test.get(i).input(), d.predictedLabel(), d.predictedRationale(),
          TriageRules.LABELS);
      System.out.println("Checks:    " + (c.triage() == null ? "" : c.triage().agreesWithDecision()
          ? "states the decision; " : "does NOT state the decision; ") + (c.numbers().unsupported().isEmpty()
          ? "every number is in the note" : "not in the note: " + String.join(", ", c.numbers().unsupported().stream()
          .map(UnsupportedNumbers.Span::text).toList())));
      System.out.println();
    }
    System.out.printf(Locale.ROOT, "Held-out synthetic cases: %d   accuracy %.3f   macro-F1 %.3f   (recipe %s; %.0f s "
        + "in all, %.0f s to train)%n", test.size(), scores.accuracy(), scores.macroF1(), cfg.recipe().cliName(),
        seconds, trainSeconds);
    System.out.println("Faithfulness (docs/metrics.md):" + FaithfulnessSummary.lines(checks).replace("\n", "\n  "));
    if (!shiftedLines.isEmpty()) {
      System.out.println("Trust verdicts (docs/trust.md; shift suite in " + out.resolve("shift") + "):");
      shiftedLines.forEach(l -> System.out.println("  " + l));
    }
    System.out.println("Goals:");
    for (QuickstartGoals.Verdict v : verdicts) {
      System.out.println("  " + v.line());
    }
    System.out.println("Model: " + model + "   (try: ./r2d serve --model " + model + ")");
    return 0;
  }

  /**
   * The quickstart's training settings: the {@code train} settings of the shipped synthetic-triage experiment
   * (measured; see docs/results.md), with the quickstart's own step budget and validation, then any --set. Stage-2 is
   * validated every 100 steps on 100 notes and stops once the goals are met twice in a row (goal-stop;
   * docs/training.md); the quickstart is one run, so it keeps the reference's threads (all cores) and validation
   * batch where the grid runs two one-thread runs at once. The recipe is {@code r2d-gold-only}: in the
   * synthetic-triage grid (docs/experiments.md) it gave the most faithful model of all recipes; {@code --set
   * recipe=r2d} runs the paper's schedule.
   */
  TrainConfig config() {
    TrainConfig reference = TrainConfig.reference(Recipe.R2D_GOLD_ONLY);
    TrainConfig c = TrainSettings.with(ExperimentConfig.shipped(SETTINGS_FROM).training(Recipe.R2D_GOLD_ONLY, seed),
        "steps", steps, "eval-every", 100, "goal-stop", 2, "threads", reference.runtime().threads(),
        "eval-batch-size", reference.data().evalBatchSize());
    JsonObject o = new JsonObject();
    for (String s : settings) {
      int eq = s.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("--set " + s + ": expected NAME=VALUE");
      }
      String name = s.substring(0, eq);
      String value = s.substring(eq + 1);
      TrainSetting<?> setting = TrainSettings.named(name);
      if (setting == null) {
        throw new IllegalArgumentException("--set " + s + ": no training setting named '" + name + "' (see r2d train "
            + "--help)");
      }
      o.add(name, setting.type() == String.class ? new JsonPrimitive(value) : jsonValue(s, value));
    }
    return TrainSettings.apply(c, o, "--set ");
  }

  /** A number or true/false as JSON; anything else is a one-line error naming the --set argument. */
  private static JsonElement jsonValue(String arg, String value) {
    try {
      JsonElement e = JsonParser.parseString(value);
      if (e.isJsonPrimitive()) {
        return e;
      }
    } catch (JsonParseException e) {
      // reported below, without Gson's wording
    }
    throw new IllegalArgumentException("--set " + arg + ": '" + value + "' is not a single value");
  }

  /** The stop records of the run's metrics.jsonl (a phase that ended before its budget, and why). */
  private static List<Object> stops(Path metrics) throws java.io.IOException {
    List<Object> out = new ArrayList<>();
    for (String line : Files.readAllLines(metrics)) {
      if (line.contains("\"kind\":\"stop\"")) {
        out.add(Json.COMPACT.fromJson(line, Map.class));
      }
    }
    return out;
  }

  private void say(String fmt, Object... args) {
    if (!quiet) {
      System.err.printf(Locale.ROOT, fmt, args);
    }
  }
}
