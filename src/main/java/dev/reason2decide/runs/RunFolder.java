// The layout of a training run folder: every file and folder name the trainer, experiments and the runs view share.
package dev.reason2decide.runs;

import java.nio.file.Path;

/**
 * A run folder: {@code config.json} (what the run was started with), {@code provenance.json}, {@code metrics.jsonl}
 * (one line per step and per validation, {@link MetricsFile}), one {@link PhaseFolder} per phase ({@code stage1/},
 * {@code stage2/}, {@code sft/}, {@code dss/}), {@code model/} (the final {@link ModelFolder}) and {@code done.json}
 * when finished; experiments add {@code evaluation/} (with {@code evaluation/held_out_forms/} when their data has
 * held-out note forms) and {@code experiment-timing.json}. {@code run.lock}
 * ({@link RunLock}) exists while a process trains into the folder (an experiment folder has one too).
 */
public record RunFolder(Path dir) {
  public static final String CONFIG = "config.json";
  public static final String PROVENANCE = "provenance.json";
  public static final String METRICS = "metrics.jsonl";
  public static final String DONE = "done.json";
  public static final String MODEL = "model";
  public static final String EVALUATION = "evaluation";
  /** The sub-folder of {@code evaluation/} with the evaluation on the held-out note forms split. */
  public static final String HELD_OUT_FORMS_EVALUATION = "held_out_forms";
  public static final String EXPERIMENT_TIMING = "experiment-timing.json";
  public static final String LOCK = "run.lock";

  public Path config() {
    return dir.resolve(CONFIG);
  }

  public Path provenance() {
    return dir.resolve(PROVENANCE);
  }

  public Path metrics() {
    return dir.resolve(METRICS);
  }

  /** Written last: the run is finished. */
  public Path done() {
    return dir.resolve(DONE);
  }

  public ModelFolder model() {
    return new ModelFolder(dir.resolve(MODEL));
  }

  public EvaluationFolder evaluation() {
    return new EvaluationFolder(dir.resolve(EVALUATION));
  }

  /** The evaluation on the held-out forms split ({@code evaluation/held_out_forms/}), next to the test one. */
  public EvaluationFolder heldOutFormsEvaluation() {
    return new EvaluationFolder(dir.resolve(EVALUATION).resolve(HELD_OUT_FORMS_EVALUATION));
  }

  public Path experimentTiming() {
    return dir.resolve(EXPERIMENT_TIMING);
  }

  /** Present while a process writes into the folder ({@link RunLock}). */
  public Path lock() {
    return dir.resolve(LOCK);
  }

  /** The folder of a phase of {@code kind}. */
  public PhaseFolder phase(PhaseKind kind) {
    return new PhaseFolder(dir.resolve(kind.folder()));
  }
}
