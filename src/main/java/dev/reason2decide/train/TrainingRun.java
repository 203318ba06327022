// A whole recipe in a run folder: configuration and provenance, each phase in turn, the final model, resume.
package dev.reason2decide.train;

import ai.djl.ndarray.NDManager;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.reason2decide.data.Example;
import dev.reason2decide.engine.DeviceSpec;
import dev.reason2decide.engine.Engines;
import dev.reason2decide.io.AtomicFiles;
import dev.reason2decide.io.Json;
import dev.reason2decide.io.Provenance;
import dev.reason2decide.model.NumberEmbeddings;
import dev.reason2decide.model.T5Checkpoint;
import dev.reason2decide.model.T5Config;
import dev.reason2decide.model.T5Init;
import dev.reason2decide.model.T5Model;
import dev.reason2decide.runs.ModelFolder;
import dev.reason2decide.runs.PhaseFolder;
import dev.reason2decide.runs.PhaseKind;
import dev.reason2decide.runs.RunFolder;
import dev.reason2decide.runs.RunLock;
import dev.reason2decide.tokens.InputNormaliser;
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

  /** The steps of a run, each named: check the start, record it, train what is left, put the final model in place. */
  private static Path runLocked(TrainConfig cfg, Data data, ModelSource source, Path out, Start start,
      TrainingListener listener, int haltAfter, ModelFinisher finisher) {
    RunFolder run = new RunFolder(out);
    RunConfig runConfig = RunConfig.of(cfg, source);
    DataChange dataChange = RunStart.check(run, runConfig, data.files(), start);
    if (Files.exists(run.done())) {
      return run.model().dir();
    }
    boolean fresh = !Files.exists(run.config());
    if (fresh) {
      AtomicFiles.writeString(run.config(), runConfig.toJson(out));
    }
    try {
      return train(cfg, data, source, run, dataChange, start.resume(), listener, haltAfter, finisher);
    } catch (RuntimeException | Error e) {
      if (fresh && RefusedStart.nothingTrained(run)) {
        RefusedStart.undo(run, RecipePlan.phases(cfg).stream().map(Phase::kind).toList());
      }
      throw e;
    }
  }

  /** The training and validation sets as token ids; {@code stage1} is {@code train} unless given its own set. */
  private record Encoded(EncodedExamples train, EncodedExamples stage1, EncodedExamples validation) {
    static Encoded of(Data data, InputNormaliser normaliser, TextTokenizer tok, TrainConfig cfg) {
      DataConfig d = cfg.data();
      EncodedExamples train = encode(data.train(), normaliser, tok, cfg);
      EncodedExamples stage1 = data.stage1Train() == null ? train : encode(data.stage1Train(), normaliser, tok, cfg);
      List<Example> val = data.validation();
      if (d.maxValidationExamples() > 0 && val.size() > d.maxValidationExamples()) {
        val = val.subList(0, d.maxValidationExamples());
      }
      return new Encoded(train, stage1, encode(val, normaliser, tok, cfg));
    }

    private static EncodedExamples encode(List<Example> examples, InputNormaliser normaliser, TextTokenizer tok,
        TrainConfig cfg) {
      return new EncodedExamples(examples, normaliser, tok, cfg.prompts(), cfg.data().maxInputTokens(),
          cfg.data().maxTargetTokens(), true);
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
      Encoded encoded = Encoded.of(data, InputNormaliser.read(source.tokenizerDir()), tok, cfg);
      writeProvenance(run, cfg, dataChange, source, tok, labels, encoded.train(), encoded.validation());
      List<Phase> phases = RecipePlan.phases(cfg);
      try (MetricsWriter log = new MetricsWriter(run.metrics())) {
        trainPhases(cfg, source, tok, root, phases, encoded, labels, run, log, resume, listener, haltAfter);
      }
      Path finalModel = FinalModel.put(run, phases.get(phases.size() - 1), data, finisher);
      writeDone(run, cfg, finalModel);
      return finalModel;
    }
  }

  /** Each phase in turn, from the best model of the one before; a finished phase is skipped, a started one resumed. */
  private static void trainPhases(TrainConfig cfg, ModelSource source, TextTokenizer tok, NDManager root,
      List<Phase> phases, Encoded encoded, List<String> labels, RunFolder run, MetricsWriter log, boolean resume,
      TrainingListener listener, int haltAfter) {
    ModelFolder previousBest = null;
    int offset = 0;
    for (int i = 0; i < phases.size(); i++) {
      Phase phase = phases.get(i);
      PhaseFolder phaseDir = run.phase(phase.kind());
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
        EncodedExamples phaseTrain = phase.kind() == PhaseKind.STAGE1 ? encoded.stage1() : encoded.train();
        new PhaseTrainer(model, tok, source.tokenizerDir(), cfg, phase, i, phaseTrain, encoded.validation(), labels,
            phaseDir, log, listener, phaseHalt).run(m, state);
      }
      previousBest = phaseDir.best();
    }
  }

  private static void writeDone(RunFolder run, TrainConfig cfg, Path finalModel) {
    Map<String, Object> done = new LinkedHashMap<>();
    done.put("recipe", cfg.recipe().cliName());
    done.put("model", finalModel.toString());
    done.put("finished", java.time.Instant.now().toString());
    Json.writePretty(run.done(), done);
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
    p.put("examples", Json.ordered("train", train.size(), "validation", val.size()));
    p.put("truncated", Json.ordered("train_inputs", train.truncatedInputs, "train_targets", train.truncatedTargets,
        "validation_inputs", val.truncatedInputs, "validation_targets", val.truncatedTargets));
    p.put("labels", labels);
    p.put("prompts", cfg.prompts());
    p.put("tokenizer", Provenance.file(tok.source()));
    Path normaliser = InputNormaliser.file(tok.source());
    if (Files.isRegularFile(normaliser)) {
      p.put("input_normaliser", Provenance.file(normaliser)); // every input was read through it
    }
    p.put("init", source.init() == null ? "scratch:" + source.scratch() : source.init().toString());
    p.put("device", cfg.runtime().device().toString());
    p.put("devices", devices(data.previous(), cfg.runtime().device()));
    Json.writePretty(run.provenance(), p);
  }
}
