// `r2d experiment`: every recipe × seed of a configuration, trained, evaluated and compared, from one command.
package dev.reason2decide.cli;

import dev.reason2decide.experiment.ExperimentConfig;
import dev.reason2decide.experiment.ExperimentRunner;
import dev.reason2decide.io.InputOutputPaths;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Runs an experiment configuration (a file or a shipped name); see docs/experiments.md. */
@Command(name = "experiment", mixinStandardHelpOptions = true,
    description = "Train every recipe with every seed under one shared step budget, evaluate each final model on "
        + "the test split, and write results.json, results.md (mean ± sd, paired differences to R2D) and charts. "
        + "A rerun reuses finished runs and resumes an interrupted one.")
public final class ExperimentCommand implements Callable<Integer> {
  @Option(names = "--config", required = true, paramLabel = "FILE|NAME",
      description = "Experiment configuration (JSON), or a shipped one: synthetic-triage, pubmedqa, casimedicos, "
          + "medmcqa.")
  String config;

  @Option(names = "--init", paramLabel = "DIR",
      description = "Start every run from this Hugging Face T5 / Flan-T5 folder (with tokenizer.json).")
  Path init;

  @Option(names = "--scratch", paramLabel = "SIZE",
      description = "Train from scratch at this size (tiny, mini, small, base) instead of the configuration's.")
  String scratch;

  @Option(names = "--out", paramLabel = "DIR",
      description = "Output folder (default: experiments/<name> in the working directory).")
  Path out;

  @Override
  public Integer call() {
    if (init != null && scratch != null) {
      throw new IllegalArgumentException("give --init DIR or --scratch SIZE, not both");
    }
    ExperimentConfig cfg = ExperimentConfig.load(config);
    if (scratch != null) {
      cfg = cfg.withScratch(scratch);
    }
    Path dir = out != null ? out : Path.of("experiments", cfg.name());
    new InputOutputPaths().inputFolder("--init", init).outputFolder("--out", dir).check();
    new ExperimentRunner(cfg, dir, init, System.out, null).run();
    return 0;
  }
}
