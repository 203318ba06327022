// `r2d train`: runs a recipe (Reason2Decide, its stages and ablations, SFT, DSS) into a run folder.
package dev.reason2decide.cli;

import dev.reason2decide.data.Example;
import dev.reason2decide.data.ExampleReader;
import dev.reason2decide.data.ExampleSet;
import dev.reason2decide.data.RequiredExamples;
import dev.reason2decide.engine.Engines;
import dev.reason2decide.io.InputOutputPaths;
import dev.reason2decide.io.PrintableText;
import dev.reason2decide.llm.RationaleSources;
import dev.reason2decide.train.ModelSource;
import dev.reason2decide.train.PhaseBudget;
import dev.reason2decide.train.PhaseTrainer;
import dev.reason2decide.train.TrainConfig;
import dev.reason2decide.train.TrainingRun;
import dev.reason2decide.trust.fit.TrustFinisher;
import dev.reason2decide.trust.fit.TrustSettings;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;

/** Trains from a Hugging Face T5 folder ({@code --init}) or from scratch ({@code --scratch SIZE --tokenizer DIR}). */
@Command(name = "train", mixinStandardHelpOptions = true, modelTransformer = TrainOptions.class, sortOptions = false,
    description = {"Train a recipe into --out: config.json, provenance.json, metrics.jsonl, one folder per phase "
        + "and model/ (the final Hugging Face folder with r2d.json).",
        "Defaults are the authors' (lr 5e-5, batch 64, α 0.7, W 5%%, π ramp over 60%% to 0.9, ...)."})
public final class TrainCommand implements Callable<Integer> {
  @Option(names = "--train", required = true, description = "Training examples (JSONL or CSV: question,label,rationale).")
  Path train;

  @Option(names = "--validation", required = true, description = "Validation examples.")
  Path validation;

  @Option(names = "--stage1-rationales", description = "Rationales for Stage-1 (matched by id), e.g. LLM-written.")
  Path stage1Rationales;

  @Option(names = "--stage2-rationales", description = "Rationales for Stage-2 and the baselines, e.g. clinicians'.")
  Path stage2Rationales;

  @Option(names = "--init", description = "Start from this Hugging Face T5 / Flan-T5 folder.")
  Path init;

  @Option(names = "--scratch", description = "Train from scratch: tiny, mini, small (flan-t5-small dims), base.")
  String scratch;

  @Option(names = "--tokenizer", description = "Folder with tokenizer.json (required with --scratch).")
  Path tokenizer;

  @Option(names = "--out", required = true, description = "Run folder.")
  Path out;

  @Option(names = "--resume", description = "Continue the run in --out where it stopped.")
  boolean resume;

  @Option(names = "--break-lock", description = "Take over a stale lock of --out (its process is gone: killed, "
      + "crashed, or on a machine that is down); a live lock on this machine is never taken.")
  boolean breakLock;

  @Option(names = "--allow-data-change", description = "With --resume: continue on data other than the run was "
      + "trained on so far (provenance.json records the original and the new files).")
  boolean allowDataChange;

  @Mixin
  QuietOption quiet;

  @Bounded(min = 0, max = 1e9)
  @Option(names = "--halt-after", hidden = true, defaultValue = "0")
  int haltAfter;

  @Bounded(min = 0.01, max = 1)
  @Option(names = "--trust-coverage", defaultValue = "0.98", description = "Share of validation notes the trust "
      + "threshold decides, fitted when training ends (default: ${DEFAULT-VALUE}; docs/trust.md).")
  double trustCoverage;

  @Bounded(min = 0.001, max = 1)
  @Option(names = "--trust-max-risk", defaultValue = "0.05", description = "Largest share of wrong decisions among "
      + "the validation notes the trust threshold decides; the threshold is the stricter of this and --trust-coverage "
      + "(1: no bound; default: ${DEFAULT-VALUE}; as r2d trust fit --max-risk).")
  double trustMaxRisk;

  @Bounded(min = 0, max = 0.9999)
  @Option(names = "--trust-risk-confidence", defaultValue = "0.95", description = "Confidence with which the decided "
      + "validation notes must show --trust-max-risk (Clopper-Pearson upper bound; 0: their error itself; default: "
      + "${DEFAULT-VALUE}; as r2d trust fit --risk-confidence).")
  double trustRiskConfidence;

  @Spec
  CommandSpec spec;

  @Mixin
  ExampleFileOptions files;

  @Override
  public Integer call() {
    new InputOutputPaths().input("--train", train).input("--validation", validation)
        .input("--stage1-rationales", stage1Rationales).input("--stage2-rationales", stage2Rationales)
        .inputFolder("--init", init).inputFolder("--tokenizer", tokenizer).outputFolder("--out", out).check();
    TrainConfig cfg = TrainOptions.toConfig(spec.commandLine().getParseResult());
    if (allowDataChange && !resume) {
      throw new IllegalArgumentException("--allow-data-change only applies with --resume");
    }
    PhaseBudget.check(cfg);
    Engines.check(cfg.runtime().device());
    if (!quiet.on()) {
      System.err.println(DeviceOption.logLine("train", cfg.runtime().device()));
    }
    ModelSource source = new ModelSource(init, scratch, tokenizer);
    ExampleReader reader = new ExampleReader(files.toReadOptions());
    // Both files are checked before anything is created, so a corrected rerun into the same --out is not refused.
    ExampleSet trainSet = RequiredExamples.atLeastOne(reader.read(train));
    ExampleSet valSet = RequiredExamples.atLeastOne(reader.read(validation));
    report(trainSet, train);
    report(valSet, validation);
    List<Example> trainExamples = trainSet.examples();
    List<Example> stage1 = null;
    if (stage2Rationales != null) {
      trainExamples = RationaleSources.apply(trainExamples, stage2Rationales);
    }
    if (stage1Rationales != null) {
      stage1 = RationaleSources.apply(trainSet.examples(), stage1Rationales);
    }
    Map<String, Path> dataFiles = new LinkedHashMap<>();
    dataFiles.put("train", train);
    dataFiles.put("validation", validation);
    if (stage1Rationales != null) {
      dataFiles.put("stage1_rationales", stage1Rationales);
    }
    if (stage2Rationales != null) {
      dataFiles.put("stage2_rationales", stage2Rationales);
    }
    try {
      Path model = TrainingRun.run(cfg, new TrainingRun.Data(trainExamples, valSet.examples(), stage1, dataFiles),
          source, out, new TrainingRun.Start(resume, breakLock, allowDataChange, "r2d train"),
          new TrainProgress(quiet.on()), haltAfter, new TrustFinisher(TrustSettings.defaults()
              .withTargetCoverage(trustCoverage).withMaxRisk(trustMaxRisk)
              .withRiskConfidence(trustRiskConfidence), System.err::println));
      System.out.println(model);
      return 0;
    } catch (PhaseTrainer.Halted h) {
      System.err.println("r2d train: " + PrintableText.escape(h.getMessage()));
      return 3;
    }
  }

  private void report(ExampleSet set, Path file) {
    if (!quiet.on() || !set.report().skipped().isEmpty()) {
      System.err.println(PrintableText.escape(set.report().summary()));
    }
  }
}
