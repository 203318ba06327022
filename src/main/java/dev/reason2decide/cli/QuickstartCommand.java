// `r2d quickstart`: the whole method on a laptop in minutes — synthetic triage data, a tokenizer, a small model
// trained from scratch with the r2d recipe, and its decisions with rationales on held-out cases.
package dev.reason2decide.cli;

import dev.reason2decide.data.Example;
import dev.reason2decide.data.Prediction;
import dev.reason2decide.data.ReadOptions;
import dev.reason2decide.data.synth.SynthTriage;
import dev.reason2decide.data.synth.TriageRules;
import dev.reason2decide.eval.faith.CheckInputs;
import dev.reason2decide.eval.faith.CheckSetup;
import dev.reason2decide.eval.faith.ExampleChecks;
import dev.reason2decide.eval.faith.FaithfulnessChecks;
import dev.reason2decide.eval.faith.FaithfulnessSummary;
import dev.reason2decide.eval.faith.UnsupportedNumbers;
import dev.reason2decide.eval.labels.LabelMetrics;
import dev.reason2decide.eval.labels.LabelScores;
import dev.reason2decide.inference.Decision;
import dev.reason2decide.inference.T5DecisionModel;
import dev.reason2decide.io.AtomicFiles;
import dev.reason2decide.io.Json;
import dev.reason2decide.tokens.BpeTrainer;
import dev.reason2decide.tokens.TokenizerTrainer;
import dev.reason2decide.train.ModelSource;
import dev.reason2decide.train.Recipe;
import dev.reason2decide.train.TrainConfig;
import dev.reason2decide.train.TrainSettings;
import dev.reason2decide.train.TrainingRun;
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

/** Everything in one folder ({@code --out}, default {@code runs/quickstart}); a rerun with the same folder resumes. */
@Command(name = "quickstart", mixinStandardHelpOptions = true,
    description = {"Generate a synthetic emergency-triage set (clearly labelled synthetic), build a tokenizer, train a "
        + "tiny T5 from scratch with the r2d recipe on CPU, evaluate on held-out cases and show a few decisions "
        + "with their rationales. About five minutes on 2 cores."})
public final class QuickstartCommand implements Callable<Integer> {
  @Option(names = "--out", defaultValue = "runs/quickstart", description = "Folder for data, tokenizer and run.")
  Path out;

  @Option(names = "--examples", defaultValue = "1500", description = "Synthetic cases to generate.")
  int examples;

  @Option(names = "--steps", defaultValue = "900", description = "Step budget (Stage-1 + Stage-2).")
  int steps;

  @Option(names = "--seed", defaultValue = "7", description = "Seed of data, model and training.")
  long seed;

  @Option(names = "--show", defaultValue = "4", description = "Decisions to print.")
  int show;

  @Option(names = "--quiet", description = "Only the final figures.")
  boolean quiet;

  @Override
  public Integer call() throws Exception {
    long start = System.nanoTime();
    Path data = out.resolve("data");
    if (!Files.exists(data.resolve("dataset.json"))) {
      SynthTriage.write(data, examples, seed, 0.8, 0.1, 0.1);
    }
    List<Example> train = dev.reason2decide.data.ExampleReader.readDefault(data.resolve("train.jsonl")).examples();
    List<Example> val = dev.reason2decide.data.ExampleReader.readDefault(data.resolve("validation.jsonl")).examples();
    List<Example> test = dev.reason2decide.data.ExampleReader.readDefault(data.resolve("test.jsonl")).examples();
    Path tok = out.resolve("tokenizer");
    if (!Files.exists(tok.resolve("tokenizer.json"))) {
      TokenizerTrainer.build(List.of(data.resolve("train.jsonl")), new BpeTrainer.Config(1000, 2, 300),
          ReadOptions.DEFAULT, tok);
    }
    say("synthetic triage: %d train / %d validation / %d test cases (SYNTHETIC, not patient data)%n", train.size(),
        val.size(), test.size());
    TrainConfig cfg = config();
    Path run = out.resolve("run");
    Path model = TrainingRun.run(cfg, new TrainingRun.Data(train, val, null, Map.of("train",
        data.resolve("train.jsonl"), "validation", data.resolve("validation.jsonl"))),
        ModelSource.fromScratch("tiny", tok), run, true, new TrainProgress(quiet), 0);
    List<Decision> decisions = new ArrayList<>();
    try (T5DecisionModel m = T5DecisionModel.load(model)) {
      for (int i = 0; i < test.size(); i += 32) {
        decisions.addAll(m.decideAll(test.subList(i, Math.min(test.size(), i + 32)).stream().map(Example::input)
            .toList()));
      }
    }
    List<String> gold = test.stream().map(Example::label).toList();
    List<String> pred = decisions.stream().map(Decision::label).toList();
    LabelScores scores = LabelMetrics.score(gold, pred);
    double acc = scores.accuracy();
    double f1 = scores.macroF1();
    double seconds = (System.nanoTime() - start) / 1e9;
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("test_examples", test.size());
    summary.put("accuracy", acc);
    summary.put("macro_f1", f1);
    summary.put("seconds", seconds);
    summary.put("model", model.toString());
    List<Prediction> preds = new ArrayList<>();
    for (int i = 0; i < test.size(); i++) {
      Example e = test.get(i);
      Decision d = decisions.get(i);
      preds.add(new Prediction(e.id(), e.input(), e.label(), e.rationale(), d.label(), d.rationale(),
          d.probabilities()));
    }
    CheckInputs sim = CheckSetup.simulator(train, "the training split");
    FaithfulnessChecks.Report checks = FaithfulnessChecks.compute(preds, sim.simulator(), sim.simulatorNote(), null);
    summary.put("faithfulness_checks", checks.toMap());
    AtomicFiles.writeString(out.resolve("summary.json"), Json.PRETTY.toJson(summary) + "\n");
    System.out.println();
    for (int i = 0; i < Math.min(show, test.size()); i++) {
      Decision d = decisions.get(i);
      System.out.println("Note:      " + test.get(i).input());
      System.out.println("Gold:      " + test.get(i).label());
      System.out.printf(Locale.ROOT, "Decision:  %s  (p = %.2f)%n", d.label(),
          d.probabilities().getOrDefault(d.label(), 0.0));
      System.out.println("Rationale: " + d.rationale());
      ExampleChecks c = ExampleChecks.of(test.get(i).input(), d.label(), d.rationale(), TriageRules.LABELS);
      System.out.println("Checks:    " + (c.triage() == null ? "" : c.triage().agreesWithDecision()
          ? "states the decision; " : "does NOT state the decision; ") + (c.numbers().unsupported().isEmpty()
          ? "every number is in the note" : "not in the note: " + String.join(", ", c.numbers().unsupported().stream()
          .map(UnsupportedNumbers.Span::text).toList())));
      System.out.println();
    }
    System.out.printf(Locale.ROOT, "Held-out synthetic cases: %d   accuracy %.3f   macro-F1 %.3f   (%.0f s in all)%n",
        test.size(), acc, f1, seconds);
    System.out.println("Faithfulness (docs/metrics.md):" + FaithfulnessSummary.lines(checks).replace("\n", "\n  "));
    System.out.println("Model: " + model + "   (try: ./r2d serve --model " + model + ")");
    return 0;
  }

  private TrainConfig config() {
    return TrainSettings.with(TrainConfig.reference(Recipe.R2D), "steps", steps, "stage1-fraction", 0.4,
        "batch-size", 16, "lr", 1e-3f, "stage1-eval-every", 120, "eval-every", 100, "max-input-tokens", 128,
        "max-target-tokens", 64, "label-max-new-tokens", 8, "rationale-max-new-tokens", 64, "seed", seed,
        "max-validation", 120);
  }

  private void say(String fmt, Object... args) {
    if (!quiet) {
      System.err.printf(Locale.ROOT, fmt, args);
    }
  }
}
