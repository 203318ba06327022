// Runs every recipe × seed of an experiment (one at a time or side by side), evaluates each, writes results and charts.
package dev.reason2decide.experiment;

import com.google.gson.JsonObject;
import dev.reason2decide.data.Example;
import dev.reason2decide.engine.Engines;
import dev.reason2decide.io.AtomicFiles;
import dev.reason2decide.io.Json;
import dev.reason2decide.io.Provenance;
import dev.reason2decide.runs.RunFolder;
import dev.reason2decide.train.ModelSource;
import dev.reason2decide.train.Phase;
import dev.reason2decide.train.Recipe;
import dev.reason2decide.train.RecipePlan;
import dev.reason2decide.train.TrainSettings;
import dev.reason2decide.train.StepRecord;
import dev.reason2decide.train.TrainConfig;
import dev.reason2decide.train.TrainingListener;
import dev.reason2decide.train.TrainingRun;
import dev.reason2decide.trust.fit.TrustFinisher;
import dev.reason2decide.trust.fit.TrustSettings;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Output layout: {@code experiment.json} (resolved configuration and provenance), {@code data/} (generated sets
 * only), {@code tokenizer/} (from-scratch runs), {@code runs/<recipe>-seed<k>/} (a training run folder with
 * {@code evaluation/}, and {@code evaluation/held_out_forms/} when the data has held-out note forms),
 * {@code results.json}, {@code results.md} and {@code charts/*.png}. Runs with
 * {@code done.json} and an evaluation are reused, an interrupted run resumes from its last saved state; a finished
 * run made with another configuration or other data is an error, not silently reused.
 */
public final class ExperimentRunner {
  private final ExperimentConfig cfg;
  private final Path out;
  private final Path init;
  private final PrintStream log;
  private final TrainingListener extra;

  /**
   * @param init a Hugging Face T5 folder to start every run from, or null to train {@code cfg.model()} from scratch
   * @param log where progress lines go
   * @param extra also told of every training step and evaluation (tests); may be null
   */
  public ExperimentRunner(ExperimentConfig cfg, Path out, Path init, PrintStream log, TrainingListener extra) {
    this.cfg = cfg;
    this.out = out;
    this.init = init;
    this.log = log;
    this.extra = extra == null ? new TrainingListener() {} : extra;
  }

  /** Runs what is not finished yet, one at a time, and writes the results; returns the runs in table order. */
  public List<RunOutcome> run() {
    return run(1, null);
  }

  /**
   * Runs what is not finished yet, {@code parallel} at a time (above 1: each in a worker process that
   * {@code launcher} describes, with its share of the threads, {@link ParallelRuns}), then writes the one report
   * from the run folders, as the sequential path does; returns the runs in table order.
   */
  public List<RunOutcome> run(int parallel, ParallelRuns.Launcher launcher) {
    long start = System.nanoTime();
    ExperimentData data = ExperimentData.prepare(cfg.data(), out, true);
    ModelSource source = source(data);
    writeExperimentJson(data, source);
    Set<String> trainedByWorkers = new HashSet<>();
    if (parallel > 1) {
      List<ParallelRuns.Job> jobs = new ArrayList<>();
      for (String recipeName : cfg.recipeNames()) {
        for (long seed : cfg.seeds()) {
          RunFolder f = new RunFolder(out.resolve("runs").resolve(RunOutcome.folderName(recipeName, seed)));
          if (!Files.exists(f.done())) {
            trainedByWorkers.add(f.dir().getFileName().toString());
          }
          if (!Files.exists(f.done()) || !RunEvaluation.finished(f.evaluation().dir())
              || data.hasHeldOutForms() && !RunEvaluation.finished(f.heldOutFormsEvaluation().dir())) {
            jobs.add(new ParallelRuns.Job(recipeName, seed));
          }
        }
      }
      int threads = ParallelRuns.threadsPerRun(cfg.training(cfg.recipes().get(0), cfg.seeds().get(0))
          .runtime().threads(), parallel);
      log.printf(Locale.ROOT, "%d runs to do, %d at a time, %d intra-op thread(s) each%n", jobs.size(), parallel,
          threads);
      ParallelRuns.run(jobs, parallel, threads, launcher, log);
    }
    List<RunOutcome> outcomes = new ArrayList<>();
    int total = cfg.recipes().size() * cfg.seeds().size();
    for (Recipe recipe : cfg.recipes()) {
      for (long seed : cfg.seeds()) {
        RunOutcome o = runOne(recipe, recipe.cliName(), seed, data, source, outcomes.size() + 1, total, 0);
        outcomes.add(trainedByWorkers.contains(o.dir().getFileName().toString()) ? new RunOutcome(o.recipe(),
            o.seed(), o.dir(), o.report(), o.history(), o.trainSeconds(), o.evalSeconds(), true) : o);
      }
    }
    double wall = (System.nanoTime() - start) / 1e9;
    ResultsReport.write(out, cfg, outcomes, wall, init != null ? init.toString() : "scratch:" + cfg.model().scratch());
    log.printf(Locale.ROOT, "wrote %s, %s and %s (%.0f s)%n", out.resolve("results.md"), out.resolve("results.json"),
        out.resolve("charts"), wall);
    return outcomes;
  }

  /**
   * A worker's part of {@link #run(int, ParallelRuns.Launcher)}: trains and evaluates the run of {@code recipeName}
   * and {@code seed} with {@code threads} intra-op threads, on the data and tokenizer the parent prepared.
   */
  public void runWorker(String recipeName, long seed, int threads) {
    if (!cfg.recipeNames().contains(recipeName) || !cfg.seeds().contains(seed)) {
      throw new IllegalArgumentException("run " + recipeName + ":" + seed + " is not in the experiment "
          + "(recipes " + cfg.recipeNames() + ", seeds " + cfg.seeds() + ")");
    }
    Engines.setThreads(threads);
    ExperimentData data = ExperimentData.prepare(cfg.data(), out, false);
    int index = cfg.recipeNames().indexOf(recipeName) * cfg.seeds().size() + cfg.seeds().indexOf(seed) + 1;
    runOne(Recipe.parse(recipeName), recipeName, seed, data, source(data), index,
        cfg.recipes().size() * cfg.seeds().size(), threads);
  }

  private ModelSource source(ExperimentData data) {
    return init != null ? ModelSource.pretrained(init)
        : ModelSource.fromScratch(cfg.model().scratch(), cfg.model().tokenizer() != null ? cfg.model().tokenizer()
            : ScratchTokenizer.prepare(out, data.trainFile(), cfg.model().tokenizerVocab(),
                cfg.model().splitDigits(), cfg.model().splitPunctuation(), cfg.model().wholeNumbers(),
                cfg.model().lowercase()));
  }

  /** {@code threads} &gt; 0 overrides the configuration's (a worker's share; config.json records what ran). */
  private RunOutcome runOne(Recipe recipe, String name, long seed, ExperimentData data, ModelSource source, int index,
      int total, int threads) {
    TrainConfig tc = cfg.training(recipe, seed);
    if (threads > 0) {
      tc = TrainSettings.with(tc, "threads", threads);
    }
    Path dir = out.resolve("runs").resolve(RunOutcome.folderName(name, seed));
    String tag = String.format(Locale.ROOT, "[%d/%d %s seed %d]", index, total, name, seed);
    boolean finished = Files.exists(new RunFolder(dir).done());
    if (finished) {
      // the start check of every run: a finished run is reused only with this configuration, source and data
      TrainingRun.run(tc, data.forTraining(), source, dir, TrainingRun.Start.of(true), extra, 0);
      log.println(tag + " finished earlier: " + dir);
    } else {
      log.println(tag + (Files.exists(new RunFolder(dir).config()) ? " resuming" : " training") + " into " + dir);
      long t0 = System.nanoTime();
      double before = trainedSoFar(dir);
      // written at every validation too, so that an interrupted invocation's time is not lost
      Runnable timing = () -> writeTiming(dir, before + (System.nanoTime() - t0) / 1e9);
      TrainingRun.run(tc, data.forTraining(), source, dir, TrainingRun.Start.of(true), new Progress(tag, tc, timing), 0,
          new TrustFinisher(TrustSettings.defaults(), line -> log.println(tag + " " + line)));
      timing.run();
    }
    Path evalDir = new RunFolder(dir).evaluation().dir();
    if (!RunEvaluation.finished(evalDir)) {
      log.println(tag + " evaluating on " + data.test(cfg.evaluation().maxTestExamples()).size() + " test examples");
      RunEvaluation.run(new RunFolder(dir).model().dir(), data.test(cfg.evaluation().maxTestExamples()), data.testFile(),
          cfg.evaluation(), evalDir, data.train(), tc.runtime().device(), true);
    }
    Path heldOutDir = new RunFolder(dir).heldOutFormsEvaluation().dir();
    if (data.hasHeldOutForms() && !RunEvaluation.finished(heldOutDir)) {
      // also for a run reused from an invocation before the split was evaluated: evaluated, not retrained
      List<Example> heldOut = data.heldOutForms(cfg.evaluation().maxTestExamples());
      log.println(tag + " evaluating on " + heldOut.size() + " held-out forms examples");
      RunEvaluation.run(new RunFolder(dir).model().dir(), heldOut, data.heldOutFormsFile(), cfg.evaluation(),
          heldOutDir, data.train(), tc.runtime().device(), false);
    }
    JsonObject report = Json.readObject(new RunFolder(dir).evaluation().report());
    JsonObject timing = Json.readObject(new RunFolder(dir).evaluation().timing());
    RunHistory history = RunHistory.read(new RunFolder(dir).metrics(), RecipePlan.phases(tc));
    Path wall = new RunFolder(dir).experimentTiming();
    double trained = Files.exists(wall) ? Json.readObject(wall).get("train_wall_seconds").getAsDouble()
        : history.stepSeconds();
    RunOutcome o = new RunOutcome(name, seed, dir, report, history, trained,
        timing.get("total_seconds").getAsDouble(), !finished);
    log.printf(Locale.ROOT, "%s test macro-F1 %s  accuracy %s  ROUGE-L %s%n", tag, fmt(o.value(Metric.MACRO_F1)),
        fmt(o.value(Metric.ACCURACY)), fmt(o.value(Metric.ROUGE_L)));
    if (data.hasHeldOutForms()) {
      JsonObject heldOut = Json.readObject(new RunFolder(dir).heldOutFormsEvaluation().report());
      log.printf(Locale.ROOT, "%s held-out forms macro-F1 %s  accuracy %s%n", tag,
          fmt(Metric.MACRO_F1.read(heldOut)), fmt(Metric.ACCURACY.read(heldOut)));
    }
    return o;
  }

  /** Training wall time recorded by earlier invocations (0 for a new run). */
  private static double trainedSoFar(Path dir) {
    Path f = new RunFolder(dir).experimentTiming();
    return Files.exists(f) ? Json.readObject(f).get("train_wall_seconds").getAsDouble() : 0;
  }

  private static void writeTiming(Path dir, double seconds) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("train_wall_seconds", seconds);
    m.put("note", "wall time of TrainingRun.run in this experiment, summed over resumed invocations (an interrupted "
        + "invocation counts up to its last validation)");
    Json.writePretty(new RunFolder(dir).experimentTiming(), m);
  }

  private void writeExperimentJson(ExperimentData data, ModelSource source) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", cfg.name());
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("synthetic_triage", cfg.data().synthetic());
    d.put("train", Provenance.file(data.trainFile()));
    d.put("validation", Provenance.file(data.validationFile()));
    d.put("test", Provenance.file(data.testFile()));
    d.put("counts", Json.ordered("train", data.train().size(), "validation", data.validation().size(), "test",
        data.test().size(), "test_evaluated", data.test(cfg.evaluation().maxTestExamples()).size()));
    if (data.hasHeldOutForms()) {
      Map<String, Object> h = new LinkedHashMap<>();
      h.put("forms", HeldOutFormsResults.forms(cfg));
      h.put("file", Provenance.file(data.heldOutFormsFile()));
      h.put("examples", data.heldOutForms().size());
      h.put("evaluated", data.heldOutForms(cfg.evaluation().maxTestExamples()).size());
      d.put("held_out_forms", h);
    }
    m.put("data", d);
    m.put("recipes", cfg.recipeNames());
    m.put("seeds", cfg.seeds());
    m.put("steps", cfg.steps());
    m.put("train_overrides", cfg.train());
    Map<String, Object> resolved = new LinkedHashMap<>();
    for (Recipe recipe : cfg.recipes()) {
      TrainConfig tc = cfg.training(recipe, cfg.seeds().get(0));
      JsonObject t = TrainSettings.toJson(tc);
      t.remove("seed");
      Map<String, Integer> phases = new LinkedHashMap<>();
      for (Phase p : RecipePlan.phases(tc)) {
        phases.put(p.name(), p.steps());
      }
      t.add("phase_steps", Json.PRETTY.toJsonTree(phases));
      resolved.put(recipe.cliName(), t);
    }
    m.put("train_resolved", resolved);
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("init", source.init() == null ? null : source.init().toAbsolutePath().normalize().toString());
    model.put("scratch", source.scratch());
    model.put("tokenizer", Provenance.file(source.tokenizerDir().resolve("tokenizer.json")));
    m.put("model", model);
    m.put("evaluation", cfg.evaluation());
    m.put("metrics", cfg.metrics().stream().map(Metric::key).toList());
    m.put("provenance", Provenance.base());
    m.put("started", Instant.now().toString());
    Json.writePretty(out.resolve("experiment.json"), m);
  }

  static String fmt(Double v) {
    return v == null ? "n/a" : String.format(Locale.ROOT, "%.4f", v);
  }

  /**
   * Prints a line about ten times per phase and at every validation, records the training time so far at every
   * validation; forwards everything to {@code extra}.
   */
  private final class Progress implements TrainingListener {
    private final String tag;
    private final TrainConfig tc;
    private final Runnable checkpointTiming;

    Progress(String tag, TrainConfig tc, Runnable checkpointTiming) {
      this.tag = tag;
      this.tc = tc;
      this.checkpointTiming = checkpointTiming;
    }

    @Override
    public void onPhaseStart(Phase phase, int fromStep) {
      extra.onPhaseStart(phase, fromStep);
    }

    @Override
    public void onStep(Phase phase, StepRecord r) {
      extra.onStep(phase, r);
      int every = Math.max(1, phase.steps() / 10);
      if (r.step() % every == 0 || r.step() == phase.steps()) {
        log.printf(Locale.ROOT, "%s %s step %d/%d loss %s%s %.2f s/step%n", tag, phase.name(), r.step(),
            phase.steps(), r.loss() == null ? "n/a" : String.format(Locale.ROOT, "%.4f", r.loss()),
            r.pi() == null ? "" : String.format(Locale.ROOT, " pi %.2f pred %.2f", r.pi(), r.predictedFraction()),
            r.seconds());
      }
    }

    @Override
    public void onEvaluation(Phase phase, int step, Map<String, Object> metrics, boolean improved) {
      checkpointTiming.run();
      extra.onEvaluation(phase, step, metrics, improved);
      Map<String, Object> shown = new LinkedHashMap<>(metrics);
      shown.remove("best_step");
      log.printf(Locale.ROOT, "%s %s validation at %d: %s%s%n", tag, phase.name(), step, shown,
          improved ? " (best so far)" : "");
    }

    @Override
    public void onPhaseEnd(Phase phase, int lastStep, boolean stoppedEarly) {
      extra.onPhaseEnd(phase, lastStep, stoppedEarly);
      if (stoppedEarly) {
        log.printf(Locale.ROOT, "%s %s stopped early at step %d of %d (patience %d, seed %d)%n", tag, phase.name(),
            lastStep, phase.steps(), phase.patience(), tc.seed());
      }
    }
  }
}
