// `r2d trust fit`: trust statistics for a model folder trained elsewhere (or refitted with other settings).
package dev.reason2decide.cli;

import dev.reason2decide.data.Example;
import dev.reason2decide.data.ExampleReader;
import dev.reason2decide.data.ExampleSet;
import dev.reason2decide.data.RequiredExamples;
import dev.reason2decide.io.InputOutputPaths;
import dev.reason2decide.trust.TrustFeature;
import dev.reason2decide.trust.TrustFile;
import dev.reason2decide.trust.fit.TrustFit;
import dev.reason2decide.trust.fit.TrustSettings;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The trust commands (docs/trust.md). */
@Command(name = "trust", mixinStandardHelpOptions = true,
    description = "Trust verdicts: fit a model folder's trust statistics (what training does when it ends).",
    subcommands = {TrustCommand.FitCmd.class})
public final class TrustCommand implements Runnable {
  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** {@code r2d trust fit --model DIR --train F --validation F}. */
  @Command(name = "fit", mixinStandardHelpOptions = true,
      description = "Fit Gaussians of encoder and decoder states on the training notes and the score threshold on the "
          + "validation notes; writes trust.json and trust.bin into the model folder.")
  static final class FitCmd implements Callable<Integer> {
    @Option(names = "--model", required = true, description = "Model folder (weights, tokenizer.json, r2d.json).")
    Path model;

    @Option(names = "--train", required = true, description = "Training examples (the model's, or like them).")
    Path train;

    @Option(names = "--validation", required = true, description = "Validation examples, never trained on.")
    Path validation;

    @Bounded(min = 0.01, max = 1)
    @Option(names = "--coverage", defaultValue = "0.98",
        description = "Share of validation notes the threshold decides (default: ${DEFAULT-VALUE}).")
    double coverage;

    @Bounded(min = 0.001, max = 1)
    @Option(names = "--max-risk", defaultValue = "0.05",
        description = "Largest share of wrong decisions among the validation notes the threshold decides; the "
            + "threshold is the stricter of this and --coverage (1: no bound; default: ${DEFAULT-VALUE}).")
    double maxRisk;

    @Bounded(min = 0, max = 0.9999)
    @Option(names = "--risk-confidence", defaultValue = "0.95",
        description = "Confidence with which the decided validation notes must show --max-risk: the Clopper-Pearson "
            + "upper bound of their error at this level must not exceed it (0: their error itself; default: "
            + "${DEFAULT-VALUE}; docs/trust.md).")
    double riskConfidence;

    @Bounded(min = 0, max = 1)
    @Option(names = "--shrinkage", defaultValue = "0.1",
        description = "Covariance shrinkage towards the identity, 0 to 1 (default: ${DEFAULT-VALUE}).")
    double shrinkage;

    @Bounded(min = 1, max = 1_000_000)
    @Option(names = "--max-train", defaultValue = "2000",
        description = "At most this many training notes, evenly spaced; 0: all (default: ${DEFAULT-VALUE}).")
    int maxTrain;

    @Option(names = "--features", split = ",", description = "Signals to combine (default: input_rmd, input_md, "
        + "label_surprise, token_md; also output_rmd, output_md, margin_gap, rationale_surprise).")
    List<String> features;

    @Mixin
    ExampleFileOptions files;

    @Override
    public Integer call() {
      new InputOutputPaths().inputFolder("--model", model).input("--train", train).input("--validation", validation)
          .check();
      TrustSettings s = TrustSettings.defaults().withTargetCoverage(coverage).withShrinkage(shrinkage)
          .withMaxTrainNotes(maxTrain).withMaxRisk(maxRisk).withRiskConfidence(riskConfidence);
      if (features != null && !features.isEmpty()) {
        s = s.withFeatures(features.stream().map(String::strip).map(TrustFeature::of).toList());
      }
      ExampleReader reader = new ExampleReader(files.toReadOptions());
      ExampleSet tr = RequiredExamples.atLeastOne(reader.read(train));
      ExampleSet va = RequiredExamples.atLeastOne(reader.read(validation));
      List<Example> trainNotes = tr.examples();
      TrustFile f = TrustFit.fitInto(model, trainNotes, va.examples(), s, System.err::println);
      System.out.println(model.resolve(TrustFile.JSON) + " (" + Arrays.toString(f.rule().references().keySet()
          .stream().map(TrustFeature::key).sorted().toArray()) + ")");
      return 0;
    }
  }
}
