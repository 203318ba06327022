// A whole recipe in a run folder: configuration and provenance, each phase in turn, the final model, resume.
package dev.reason2decide.train;

import ai.djl.ndarray.NDManager;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.reason2decide.data.Example;
import dev.reason2decide.engine.DeviceSpec;
import dev.reason2decide.engine.Engines;
import dev.reason2decide.io.AtomicFiles;
import dev.reason2decide.io.Folders;
import dev.reason2decide.io.Json;
import dev.reason2decide.io.Provenance;
import dev.reason2decide.model.NumberEmbeddings;
import dev.reason2decide.model.T5Checkpoint;
import dev.reason2decide.model.T5Config;
import dev.reason2decide.model.T5Init;
import dev.reason2decide.model.T5Model;
import dev.reason2decide.runs.ModelFolder;
import dev.reason2decide.runs.PhaseFolder;
import dev.reason2decide.runs.RunFolder;
import dev.reason2decide.runs.RunLock;
import dev.reason2decide.tokens.TextTokenizer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Fills a {@link RunFolder}: {@code config.json} ({@link RunConfig}), {@code provenance.json}, {@code metrics.jsonl},
 * one {@link PhaseFolder} per phase, {@code model/} (the final model: the best checkpoint of the last phase) and
 * {@code done.json}. A phase with {@code done.json} is skipped on resume; an unfinished one continues from its
 * {@code state/}. The folder is locked ({@link RunLock}) while the run works in it; a configuration that would give a
 * phase no step is refused before anything is created ({@link PhaseBudget}); a resume on other data than
 * provenance.json records is refused unless allowed ({@link DataChange}).
 */
public final class TrainingRun {
  /** Training and validation examples; separate Stage-1 / Stage-2 rationale sets are optional. */
  public record Data(List<Example> train, List<Example> validation, List<Example> stage1Train,
      Map<String, Path> files) {}

  /**
   * How a run starts: {@code resume} continues an existing run, {@code breakLock} takes over a stale lock,
   * {@code allowDataChange} lets a resume continue on data other than provenance.json records.
   */
  public record Start(boolean resume, boolean breakLock, boolean allowDataChange, String command) {
    public Start {
      if (command == null || command.isBlank()) {
        throw new IllegalArgumentException("a run start needs the command that locks the folder");
      }
    }

    /** A new run ({@code false}) or a resume ({@code true}), no lock broken, no data change allowed. */
    public static Start of(boolean resume) {
      return new Start(resume, false, false, "r2d");
    }
  }

  private TrainingRun() {}

  /**
   * Runs (or resumes) {@code cfg.recipe()} into {@code out}; returns the final model folder. {@code haltAfter} &gt; 0
   * stops (as if interrupted) after that many steps of the whole recipe, state saved.
   */
  public static Path run(TrainConfig cfg, Data data, ModelSource source, Path out, boolean resume,
      TrainingListener listener, int haltAfter) {
    return run(cfg, data, source, out, Start.of(resume), listener, haltAfter);
  }

  /** As above, with the start options of {@code start}; the folder is locked for the whole run. */
  public static Path run(TrainConfig cfg, Data data, ModelSource source, Path out, Start start,
      TrainingListener listener, int haltAfter) {
    return run(cfg, data, source, out, start, listener, haltAfter, ModelFinisher.NONE);
  }

  /** As above; {@code finisher} completes the final model folder before it is put in place. */
  public static Path run(TrainConfig cfg, Data data, ModelSource source, Path out, Start start,
      TrainingListener listener, int haltAfter, ModelFinisher finisher) {
    PhaseBudget.check(cfg);
    int odd = cfg.eval().goalStop() > 0 ? Validator.firstNonTriage(data.validation()) : -1;
    if (odd >= 0) {
      throw new IllegalArgumentException("goal-stop: validation example " + (odd + 1) + " (" + data.validation()
          .get(odd).id() + ") is not a synthetic-triage note with an ESI label; the goals' checks need that set");
    }
    RunLock lock = RunLock.acquire(out, start.command(), start.breakLock());
    try {
      return runLocked(cfg, data, source, out, start, listener, haltAfter, finisher);
    } finally {
      lock.close();
    }
  }

  private static Path runLocked(TrainConfig cfg, Data data, ModelSource source, Path out, Start start,
      TrainingListener listener, int haltAfter, ModelFinisher finisher) {
    boolean resume = start.resume();
    RunFolder run = new RunFolder(out);
    Path configFile = run.config();
    RunConfig runConfig = RunConfig.of(cfg, source);
    if (Files.exists(run.done()) && resume) {
      return run.model().dir();
    }
    if (Files.exists(configFile)) {
      if (!resume) {
        throw new IllegalArgumentException(out + ": a run already exists here; pass --resume to continue it or "
            + "choose another --out");
      }
      List<String> changed = runConfig.differences(RunConfig.read(configFile));
      if (!changed.isEmpty()) {
        throw new IllegalArgumentException(configFile + ": the existing run was started with another configuration ("
            + String.join(", ", changed) + "); resume it with the same options or choose another --out");
      }
    }
    DataChange dataChange = DataChange.of(run, data.files());
    dataChange.requireAllowed(run, start.allowDataChange());
    boolean fresh = !Files.exists(configFile);
    if (fresh) {
      AtomicFiles.writeString(configFile, runConfig.toJson(out));
    }
    try {
      return train(cfg, data, source, run, dataChange, resume, listener, haltAfter, finisher);
    } catch (RuntimeException | Error e) {
      if (fresh && RefusedStart.nothingTrained(run)) {
        RefusedStart.undo(run, RecipePlan.phases(cfg).stream().map(Phase::name).toList());
      }
      throw e;
    }
  }

  private static Path train(TrainConfig cfg, Data data, ModelSource source, RunFolder run, DataChange dataChange,
      boolean resume, TrainingListener listener, int haltAfter, ModelFinisher finisher) {
    if (cfg.runtime().threads() > 0) {
      Engines.setThreads(cfg.runtime().threads());
    }
    List<String> labels = labelSet(data.train());
    // the model's device: every tensor of the run (weights, batches, masks, noise, optimiser moments) is made in a
    // sub-manager of this root
    try (TextTokenizer tok = TextTokenizer.load(source.tokenizerDir());
        NDManager root = Engines.newManager(cfg.runtime().device())) {
      EncodedExamples train = new EncodedExamples(data.train(), tok, cfg.prompts(), cfg.data().maxInputTokens(),
          cfg.data().maxTargetTokens(), true);
      EncodedExamples stage1 = data.stage1Train() == null ? train : new EncodedExamples(data.stage1Train(), tok,
          cfg.prompts(), cfg.data().maxInputTokens(), cfg.data().maxTargetTokens(), true);
      List<Example> valList = data.validation();
      if (cfg.data().maxValidationExamples() > 0 && valList.size() > cfg.data().maxValidationExamples()) {
        valList = valList.subList(0, cfg.data().maxValidationExamples());
      }
      EncodedExamples val = new EncodedExamples(valList, tok, cfg.prompts(), cfg.data().maxInputTokens(),
          cfg.data().maxTargetTokens(), true);
      writeProvenance(run, cfg, dataChange, source, tok, labels, train, val);
      List<Phase> phases = RecipePlan.phases(cfg);
      ModelFolder previousBest = null;
      int offset = 0;
      try (MetricsWriter log = new MetricsWriter(run.metrics())) {
        for (int i = 0; i < phases.size(); i++) {
          Phase phase = phases.get(i);
          PhaseFolder phaseDir = run.phase(phase.name());
          int phaseHalt = haltAfter > offset ? haltAfter - offset : 0;
          offset += phase.steps();
          if (Files.exists(phaseDir.done())) {
            previousBest = phaseDir.best();
            continue;
          }
          PhaseCheckpoints.State state = resume ? PhaseCheckpoints.readState(phaseDir) : null;
          try (NDManager m = root.newSubManager()) {
            T5Model model;
            if (state != null) {
              model = T5Checkpoint.load(phaseDir.state(), m);
            } else if (previousBest != null) {
              model = T5Checkpoint.load(previousBest.dir(), m);
            } else {
              model = initialModel(source, tok, cfg, m);
            }
            EncodedExamples phaseTrain = phase.name().equals("stage1") ? stage1 : train;
            new PhaseTrainer(model, tok, source.tokenizerDir(), cfg, phase, i, phaseTrain, val, labels, phaseDir, log,
                listener, phaseHalt).run(m, state);
          }
          previousBest = phaseDir.best();
        }
      }
      Path finalModel = run.model().dir();
      Folders.replace(finalModel, tmp -> {
        Folders.copyFiles(run.phase(phases.get(phases.size() - 1).name()).best().dir(), tmp);
        finisher.finish(tmp, data);
      });
      Map<String, Object> done = new LinkedHashMap<>();
      done.put("recipe", cfg.recipe().cliName());
      done.put("model", finalModel.toString());
      done.put("finished", java.time.Instant.now().toString());
      Json.writePretty(run.done(), done);
      return finalModel;
    }
  }

  /** Sorted distinct gold labels of the training set. */
  public static List<String> labelSet(List<Example> train) {
    TreeSet<String> s = new TreeSet<>();
    for (Example e : train) {
      s.add(e.label().strip());
    }
    return new ArrayList<>(s);
  }

  static T5Model initialModel(ModelSource source, TextTokenizer tok, TrainConfig cfg, NDManager m) {
    T5Model model;
    if (source.init() != null) {
      model = T5Checkpoint.load(source.init(), m);
    } else {
      T5Config c = T5Init.named(source.scratch(), tok.vocabSize());
      if (cfg.optim().scratchTied()) {
        c = c.withTiedEmbeddings();
      }
      OptimConfig.ScratchInit init = cfg.optim().scratchInit();
      model = T5Init.create(c, cfg.seed(), m, init != OptimConfig.ScratchInit.TRANSFORMERS,
          init == OptimConfig.ScratchInit.SCALED_HEAD_NUMBERS ? NumberEmbeddings.rows(tok.vocab(), c.dModel())
              : Map.of());
    }
    if (cfg.optim().dropout() != null) {
      model = new T5Model(dev.reason2decide.model.T5Parameters.of(model.config().withDropout(cfg.optim().dropout()),
          model.parameters().all()));
    }
    return model;
  }

  /**
   * The device of every start of the run, oldest first: {@code devices} of the provenance.json so far (a run started
   * before devices were recorded ran on the CPU) and this start's.
   */
  static List<String> devices(JsonObject previous, DeviceSpec now) {
    List<String> out = new ArrayList<>();
    if (previous != null) {
      JsonElement d = previous.get("devices");
      if (d != null && d.isJsonArray()) {
        d.getAsJsonArray().forEach(e -> out.add(e.getAsString()));
      } else {
        out.add(DeviceSpec.CPU.toString());
      }
    }
    out.add(now.toString());
    return out;
  }

  private static void writeProvenance(RunFolder run, TrainConfig cfg, DataChange data, ModelSource source,
      TextTokenizer tok, List<String> labels, EncodedExamples train, EncodedExamples val) {
    Map<String, Object> p = new LinkedHashMap<>(Provenance.base());
    p.put("seed", cfg.seed());
    data.record(p);
    p.put("examples", Map.of("train", train.size(), "validation", val.size()));
    p.put("truncated", Map.of("train_inputs", train.truncatedInputs, "train_targets", train.truncatedTargets,
        "validation_inputs", val.truncatedInputs, "validation_targets", val.truncatedTargets));
    p.put("labels", labels);
    p.put("prompts", cfg.prompts());
    p.put("tokenizer", Provenance.file(tok.source()));
    p.put("init", source.init() == null ? "scratch:" + source.scratch() : source.init().toString());
    p.put("device", cfg.runtime().device().toString());
    p.put("devices", devices(data.previous(), cfg.runtime().device()));
    Json.writePretty(run.provenance(), p);
  }
}
