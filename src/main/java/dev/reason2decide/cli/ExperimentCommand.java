// `r2d experiment`: every recipe × seed of a configuration, trained, evaluated and compared, from one command.
package dev.reason2decide.cli;

import dev.reason2decide.experiment.ExperimentConfig;
import dev.reason2decide.experiment.ExperimentRunner;
import dev.reason2decide.experiment.ParallelRuns;
import dev.reason2decide.io.InputOutputPaths;
import dev.reason2decide.runs.RunLock;
import dev.reason2decide.train.PhaseBudget;
import dev.reason2decide.train.Recipe;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
          + "medmcqa, rationale-sources-rules, -nurse, -llm, -llm-noisy, notes-as-written.")
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

  @Option(names = "--break-lock", description = "Take over stale locks of --out and of its runs (their process is "
      + "gone: killed or crashed); a live lock on this machine is never taken.")
  boolean breakLock;

  @Bounded(min = 1, max = 64)
  @Option(names = "--parallel", defaultValue = "1", paramLabel = "N", description = "Runs side by side, each in a "
      + "process of its own with its share of the threads (the configuration's threads, or every core, over N); "
      + "the report is the one the runs give one at a time (default: ${DEFAULT-VALUE}).")
  int parallel;

  @Option(names = "--worker", hidden = true, paramLabel = "RECIPE:SEED",
      description = "Internal: train and evaluate this one run of a parallel experiment.")
  String worker;

  @Bounded(min = 1, max = 1024)
  @Option(names = "--worker-threads", hidden = true, defaultValue = "1", description = "Internal: its threads.")
  int workerThreads;

  @Override
  public Integer call() {
    if (parallel < 1) {
      throw new IllegalArgumentException("--parallel " + parallel + ": give 1 or more runs at a time");
    }
    if (init != null && scratch != null) {
      throw new IllegalArgumentException("give --init DIR or --scratch SIZE, not both");
    }
    ExperimentConfig cfg = ExperimentConfig.load(config);
    if (scratch != null) {
      cfg = cfg.withScratch(scratch);
    }
    for (Recipe recipe : cfg.recipes()) {
      for (long seed : cfg.seeds()) {
        PhaseBudget.check(cfg.training(recipe, seed));
      }
    }
    Path dir = out != null ? out : Path.of("experiments", cfg.name());
    if (worker != null) {
      // the parent holds the experiment's lock; the run's own lock guards its folder
      int colon = worker.lastIndexOf(':');
      new ExperimentRunner(cfg, dir, init, System.out, null).runWorker(worker.substring(0, colon),
          Long.parseLong(worker.substring(colon + 1)), workerThreads);
      return 0;
    }
    new InputOutputPaths().inputFolder("--init", init).outputFolder("--out", dir).check();
    RunLock lock = RunLock.acquire(dir, "r2d experiment", breakLock);
    try {
      if (breakLock) {
        // the experiment's own lock is ours now: a lock left in one of its runs belongs to a process that is gone
        for (RunLock.Owner stale : RunLock.breakStaleBelow(dir)) {
          System.err.println("r2d experiment: took over the stale lock of " + stale.command() + " (pid " + stale.pid()
              + " on " + stale.host() + ")");
        }
      }
      new ExperimentRunner(cfg, dir, init, System.out, null).run(parallel, (job, threads) -> workerCommand(dir, job,
          threads));
    } finally {
      lock.close();
    }
    return 0;
  }

  /** This program again (same java, JVM options and class path), as a worker for {@code job}. */
  private List<String> workerCommand(Path dir, ParallelRuns.Job job, int threads) {
    List<String> cmd = new ArrayList<>();
    cmd.add(ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java")
        .toString()));
    cmd.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(), "experiment",
        "--config", config, "--out", dir.toString()));
    if (init != null) {
      cmd.addAll(List.of("--init", init.toString()));
    }
    if (scratch != null) {
      cmd.addAll(List.of("--scratch", scratch));
    }
    cmd.addAll(List.of("--worker", job.recipe() + ":" + job.seed(), "--worker-threads", String.valueOf(threads)));
    return cmd;
  }
}
