// `r2d evaluate`: all metrics on a predictions file, written as report.json and report.md.
package dev.reason2decide.cli;

import dev.reason2decide.data.DatasetFolder;
import dev.reason2decide.data.ExampleReader;
import dev.reason2decide.data.Prediction;
import dev.reason2decide.data.ReadOptions;
import dev.reason2decide.engine.DeviceSpec;
import dev.reason2decide.eval.RationaleLabeler;
import dev.reason2decide.eval.bertscore.Baseline;
import dev.reason2decide.eval.faith.CheckInputs;
import dev.reason2decide.eval.faith.CheckSetup;
import dev.reason2decide.eval.faith.FaithfulnessSummary;
import dev.reason2decide.eval.faith.ModelRationaleLabeler;
import dev.reason2decide.eval.labels.ProbabilitySource;
import dev.reason2decide.eval.report.EvaluationOptions;
import dev.reason2decide.eval.report.EvaluationReport;
import dev.reason2decide.eval.report.PredictionFile;
import dev.reason2decide.eval.selective.SelectiveReport;
import dev.reason2decide.experiment.EvaluationRun;
import dev.reason2decide.inference.DecisionModel;
import dev.reason2decide.inference.T5DecisionModel;
import dev.reason2decide.io.InputOutputPaths;
import dev.reason2decide.io.Provenance;
import dev.reason2decide.runs.EvaluationFolder;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Evaluates predictions against gold labels and rationales; see docs/metrics.md. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
    description = "Label metrics, calibration, rationale metrics (BLEU, sacreBLEU, chrF, ROUGE, BERTScore) and "
        + "faithfulness of a predictions file; writes report.json and report.md.")
public final class EvaluateCommand implements Callable<Integer> {
  @Option(names = "--predictions", required = true, description = "Output of r2d predict (JSONL, or the authors' CSV).")
  Path predictions;

  @Option(names = "--gold", description = "Examples with question (or input), label and optional rationale (JSONL, "
      + "CSV or TSV); matched by id, else line by line. Without it the gold fields of the predictions file are used.")
  Path gold;

  @Option(names = "--model", description = "Trained model folder: computes faithfulness (label from own rationale).")
  Path model;

  @Option(names = "--bertscore-model", description = "BERT/RoBERTa folder for BERTScore (the paper: roberta-large).")
  Path bertscoreModel;

  @Bounded(min = 0, max = 256)
  @Option(names = "--bertscore-layer", defaultValue = "17", description = "BERTScore layer (default: ${DEFAULT-VALUE}, "
      + "the paper's for roberta-large).")
  int bertscoreLayer;

  @Option(names = "--bertscore-idf", description = "BERTScore with idf weights from the references.")
  boolean bertscoreIdf;

  @Bounded(min = -1, max = 1)
  @Option(names = "--bertscore-baseline", description = "Rescale BERTScore with (x - B)/(1 - B).")
  Double bertscoreBaseline;

  @Option(names = "--label-set", split = ",", description = "Score against this fixed label set (comma-separated); "
      + "other predictions count as wrong.")
  List<String> labelSet;

  @Bounded(min = 1, max = 1000)
  @Option(names = "--ece-bins", defaultValue = "10", description = "Calibration bins (default: ${DEFAULT-VALUE}).")
  int eceBins;

  @Option(names = "--perturbation", description = "Also run the faithfulness perturbation probe (needs --model).")
  boolean perturbation;

  @Bounded(min = 0, max = 1e6)
  @Option(names = "--worst", defaultValue = "10", description = "Worst examples listed (default: ${DEFAULT-VALUE}).")
  int worst;

  @Option(names = "--simulator-train", description = "Examples with gold rationales (the training split) to train "
      + "the simulator check on; default: train.jsonl beside --gold when that is a dataset folder.")
  Path simulatorTrain;

  @Option(names = "--counterfactual", description = "Synthetic triage set only: edit one deciding finding of each note "
      + "and run the model (needs --model); see docs/metrics.md.")
  boolean counterfactual;

  @Bounded(min = 0, max = 1e6)
  @Option(names = "--counterfactual-per-edit", defaultValue = "50", description = "Probes per kind of edit at most "
      + "(default: ${DEFAULT-VALUE}).")
  int counterfactualPerEdit;

  @Bounded(min = Long.MIN_VALUE, max = Long.MAX_VALUE)
  @Option(names = "--counterfactual-seed", defaultValue = "1", description = "Seed of the edited values (default: "
      + "${DEFAULT-VALUE}).")
  long counterfactualSeed;

  @Option(names = "--out", description = "Output folder (default: <predictions-stem>.eval beside the predictions).")
  Path out;

  private final Function<Path, RationaleLabeler> labelers;
  @Mixin
  DeviceOption devices;

  /** The device of --device (the --model and BERTScore models), resolved at the start of {@link #call}. */
  private DeviceSpec device = DeviceSpec.CPU;

  private Function<Path, DecisionModel> decisionModels = dir -> T5DecisionModel.load(dir, null, device);

  /** Labels rationales with the T5 model of --model. */
  public EvaluateCommand() {
    this.labelers = dir -> ModelRationaleLabeler.open(dir, device);
  }

  /** With an explicit way to open a rationale labeler (tests, embedding applications). */
  public EvaluateCommand(Function<Path, RationaleLabeler> labelers) {
    this.labelers = labelers;
  }

  /** With an explicit way to open the decision model of --counterfactual (tests). */
  public EvaluateCommand withDecisionModels(Function<Path, DecisionModel> models) {
    this.decisionModels = models;
    return this;
  }

  @Override
  public Integer call() {
    if (perturbation && model == null) {
      throw new IllegalArgumentException("--perturbation needs --model");
    }
    Path dir = out != null ? out : defaultOut(predictions);
    new InputOutputPaths().input("--predictions", predictions).input("--gold", gold).inputFolder("--model", model)
        .inputFolder("--bertscore-model", bertscoreModel).outputFolder(out != null ? "--out" : "the report folder", dir)
        .check();
    if (counterfactual && model == null) {
      throw new IllegalArgumentException("--counterfactual needs --model");
    }
    if (model != null || bertscoreModel != null) {
      device = devices.resolve();
      System.err.println(DeviceOption.logLine("evaluate", device));
    }
    List<Prediction> preds = PredictionFile.read(predictions);
    Provenance.Report prov = new Provenance.Report().file("predictions", predictions);
    if (gold != null) {
      preds = PredictionFile.withGold(preds, predictions, new ExampleReader(ReadOptions.LLM).read(gold).examples(),
          gold);
      prov.file("gold", gold);
    }
    EvaluationOptions opt = EvaluationOptions.defaults().withEceBins(eceBins).withWorst(worst)
        .withLabelSet(labelSet).withPerturbation(perturbation).withDevice(device);
    if (bertscoreModel != null) {
      opt = opt.withBertScore(bertscoreModel, bertscoreLayer, bertscoreIdf,
          bertscoreBaseline == null ? null : Baseline.constant(bertscoreBaseline));
      prov.file("bertscore_model", bertscoreModel);
    }
    CheckInputs checks = simulatorInputs(prov);
    EvaluationFolder folder = new EvaluationFolder(dir);
    if (counterfactual) {
      try (DecisionModel m = decisionModels.apply(model)) {
        checks = EvaluationRun.withCounterfactual(checks, preds, m, counterfactualPerEdit, counterfactualSeed, 16,
            folder);
      }
    }
    if (model != null) {
      prov.file("model", model);
    }
    Map<String, Object> provenance = prov.build();
    if (model != null || bertscoreModel != null) {
      provenance.put("device", device.toString());
    }
    String what = predictions.getFileName().toString();
    EvaluationReport report;
    if (model != null) {
      try (RationaleLabeler labeler = labelers.apply(model)) {
        report = EvaluationRun.run(preds, opt, ProbabilitySource.fromPredictions(), labeler, provenance, checks,
            folder, what);
      }
    } else {
      report = EvaluationRun.run(preds, opt, ProbabilitySource.fromPredictions(), null, provenance, checks, folder,
          what);
    }
    System.out.println(summary(report, folder));
    return 0;
  }

  /** The simulator from --simulator-train, else from train.jsonl beside a --gold inside a dataset folder. */
  private CheckInputs simulatorInputs(Provenance.Report prov) {
    Path train = simulatorTrain != null ? simulatorTrain
        : gold != null ? DatasetFolder.trainingSplitBeside(gold) : null;
    if (train == null) {
      return CheckInputs.NONE;
    }
    prov.file("simulator_train", train);
    return CheckSetup.simulator(new ExampleReader(ReadOptions.LLM).read(train).examples(), train.toString());
  }

  /** One line: coverage, error when deciding, AURC and AUROC, or why they are not available. */
  static String selectiveLine(EvaluationReport r) {
    if (r.selective() == null || !r.selective().available()) {
      return "selective prediction: " + (r.selective() == null ? "not computed" : r.selective().note());
    }
    var s = r.selective().scores();
    return String.format(Locale.ROOT, "selective prediction: coverage %.4f  error when deciding %s  AURC %.4f  "
        + "AUROC %s", s.coverage(), SelectiveReport.f(s.errorWhenDeciding()), s.aurc(), SelectiveReport.f(s.auroc()));
  }

  /** {@code <predictions-stem>.eval} beside the predictions file. */
  static Path defaultOut(Path predictions) {
    String name = predictions.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String stem = dot > 0 ? name.substring(0, dot) : name;
    Path parent = predictions.toAbsolutePath().getParent();
    return parent.resolve(stem + ".eval");
  }

  private static String summary(EvaluationReport r, EvaluationFolder folder) {
    StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "accuracy %.4f  macro-F1 %.4f  (n=%d)",
        r.labels().accuracy(), r.labels().macroF1(), r.labels().n()));
    if (r.rationales() != null) {
      s.append(String.format(Locale.ROOT, "\nBLEU(nltk) %.4f  sacreBLEU %.2f  ROUGE-L F %.4f",
          r.rationales().nltkBleu().score(), r.rationales().sacreBleu().corpus().score(),
          r.rationales().rouge().mean().rougeL().f()));
      if (r.rationales().bertscore() != null) {
        s.append(String.format(Locale.ROOT, "  BERTScore F %.4f", r.rationales().bertscore().f()));
      }
    }
    s.append(FaithfulnessSummary.lines(r.checks()));
    s.append("\n").append(selectiveLine(r));
    s.append("\nwrote ").append(Arrays.asList(folder.report(), folder.reportMarkdown()));
    return s.toString();
  }
}
