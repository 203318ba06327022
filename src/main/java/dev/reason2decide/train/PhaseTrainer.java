// The training loop of one phase: batch order, accumulation, clipping, the NaN guard, AdamW and the learning rate.
package dev.reason2decide.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import dev.reason2decide.batches.BatchOrder;
import dev.reason2decide.engine.Grad;
import dev.reason2decide.model.T5Model;
import dev.reason2decide.runs.ModelCard;
import dev.reason2decide.runs.PhaseFolder;
import dev.reason2decide.runs.PhaseKind;
import dev.reason2decide.tokens.TextTokenizer;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.IntFunction;

/**
 * Trains one {@link Phase} into its {@link PhaseFolder}. The trainer owns the step loop; selection and early
 * stopping ({@link EarlyStopping}), checkpointing ({@link PhaseCheckpoints}: best/, state/, done.json) and logging
 * ({@link MetricsWriter}, the caller's {@link TrainingListener}) are listeners it tells of each step and validation.
 * Randomness is a pure function of (seed, phase, step): batch order, dropout
 * masks (torch is re-seeded every step) and the scheduled-sampling coins. So a run resumed from {@code state/}
 * repeats the uninterrupted run's steps exactly.
 */
public final class PhaseTrainer {
  /** Thrown when a run is halted on purpose after a step (tests; {@code --halt-after}). */
  public static final class Halted extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public Halted(int step) {
      super("halted after step " + step + " (resume with --resume)");
    }
  }

  private final T5Model model;
  private final TextTokenizer tok;
  private final Path tokenizerDir;
  private final TrainConfig cfg;
  private final Phase phase;
  private final int phaseIndex;
  private final EncodedExamples train;
  private final EncodedExamples val;
  private final List<String> labelSet;
  private final PhaseFolder folder;
  private final MetricsWriter log;
  private final TrainingListener listener;
  private final int haltAfter;
  private int badSteps;
  private JointObjective objective;
  private ConfidenceThreshold threshold;
  private Map<String, NDArray> params;
  private List<int[]> order;
  private int orderEpoch = -1;
  private IntFunction<Map<String, Object>> scriptedValidation;

  /** Updates are skipped while the gradient is NaN/∞ (logged as such); this many in a row stop the run. */
  static final int MAX_NON_FINITE_STEPS = 10;

  public PhaseTrainer(T5Model model, TextTokenizer tok, Path tokenizerDir, TrainConfig cfg, Phase phase,
      int phaseIndex, EncodedExamples train, EncodedExamples val, List<String> labelSet, PhaseFolder folder,
      MetricsWriter log, TrainingListener listener, int haltAfter) {
    this.model = model;
    this.tok = tok;
    this.tokenizerDir = tokenizerDir;
    this.cfg = cfg;
    this.phase = phase;
    this.phaseIndex = phaseIndex;
    this.train = train;
    this.val = val;
    this.labelSet = labelSet;
    this.folder = folder;
    this.log = log;
    this.listener = listener == null ? new TrainingListener() {} : listener;
    this.haltAfter = haltAfter;
  }

  /**
   * Trains from {@code resumed} (null = from step 0) to the end of the phase or early stopping. Each step is
   * {@link #step}; after it the metrics log and the listener hear of it; every {@code evalEvery} steps (and at the
   * end) the model is validated, {@link EarlyStopping} decides, and the log, {@link PhaseCheckpoints} (best/,
   * state/) and the listener hear of the validation, in that order.
   */
  public void run(NDManager root, PhaseCheckpoints.State resumed) {
    PhaseCheckpoints.State s = resumed == null ? PhaseCheckpoints.State.START : resumed;
    log.openForPhase(phase.name(), s.step());
    listener.onPhaseStart(phase, s.step());
    threshold = phase.adaptive() ? ConfidenceThreshold.of(cfg.schedules().consistency(), phase.steps()) : null;
    if (threshold != null && resumed != null) {
      threshold.restore(PhaseFolder.confidenceThreshold(folder.state()));
    }
    objective = new JointObjective(model, train, tok, cfg, phase, labelSet, threshold);
    params = model.parameters().all();
    model.parameters().requireGradients(true);
    AdamW.zeroGradients(params);
    boolean stopped = false;
    int step = s.step();
    EarlyStopping stopping = new EarlyStopping(phase.patience(), phase.patienceDelay(),
        s.countersFor(phase, PhaseFolder.trainerState(folder.state())));
    GoalStop goalStop = new GoalStop(goalChecks() ? cfg.eval().goalStop() : 0, s.goalStreak());
    String stopReason = null;
    try (AdamW opt = new AdamW(new AdamW.Settings(0.9f, 0.999f, 1e-8f, cfg.optim().weightDecay()), root)) {
      if (resumed != null) {
        opt.load(PhaseFolder.optimizer(folder.state()));
      }
      ModelCard card = new ModelCard(labelSet, cfg.prompts(), cfg.data().maxInputTokens(),
          cfg.decode().labelMaxNewTokens(), cfg.decode().rationaleMaxNewTokens(), cfg.recipe().cliName(),
          phase.kind().prompt());
      PhaseCheckpoints checkpoints = new PhaseCheckpoints(folder, model, tokenizerDir, card, cfg.seed(), opt, stopping,
          goalStop, threshold);
      List<TrainingListener> listeners = List.of(log, checkpoints, listener);
      for (int t = s.step(); t < phase.steps(); t++) {
        StepRecord rec = step(root, opt, t);
        listeners.forEach(l -> l.onStep(phase, rec));
        step = t + 1;
        if (step % phase.evalEvery() == 0 || step == phase.steps()) {
          model.parameters().requireGradients(false);
          Map<String, Object> metrics = evaluate(root, step);
          model.parameters().requireGradients(true);
          double score = phase.selection() == Phase.Selection.VALIDATION_LOSS ? -(Double) metrics.get("val_loss")
              : (Double) metrics.get("val_macro_f1");
          boolean goalsReached = false;
          if (goalChecks()) {
            boolean met = GoalStop.Goals.QUICKSTART.metBy(metrics);
            goalsReached = goalStop.observe(met);
            score = GoalStop.selectionScore(score, met);
            metrics.put("goals_met", met);
            metrics.put("goal_streak", goalStop.streak());
          }
          EarlyStopping.Decision decision = stopping.observe(step, score);
          metrics.put("best_step", stopping.bestStep());
          int at = step;
          listeners.forEach(l -> l.onEvaluation(phase, at, metrics, decision.improved()));
          if (goalsReached || decision.stop()) {
            stopped = true;
            stopReason = goalsReached ? GoalStop.REASON_GOALS : GoalStop.REASON_PATIENCE;
            break;
          }
        }
        if (haltAfter > 0 && step == haltAfter && step < phase.steps()) {
          checkpoints.saveState(phase, step);
          throw new Halted(step);
        }
      }
      int last = step;
      boolean early = stopped;
      if (stopped) {
        log.stop(phase.name(), last, phase.steps(), stopReason, stopReason.equals(GoalStop.REASON_GOALS)
            ? cfg.eval().goalStop() + " validations in a row met the goals" : "no improvement in " + phase.patience()
            + " validations");
      }
      listeners.forEach(l -> l.onPhaseEnd(phase, last, early));
    } finally {
      model.parameters().requireGradients(false);
    }
  }

  /**
   * Optimiser step {@code t} (0-based): its micro-batches in the seeded batch order, forward and backward, the
   * gradient clipped to max-grad-norm, AdamW at the scheduled learning rate unless the gradient is not finite.
   */
  private StepRecord step(NDManager root, AdamW opt, int t) {
    long start = System.nanoTime();
    long seed = mix(cfg.seed(), phaseIndex, t);
    Grad.seed(seed);
    SplittableRandom coins = new SplittableRandom(seed ^ 0x5DEECE66DL);
    int accumulation = cfg.optim().gradAccumulation();
    int perEpoch = (train.size() + cfg.data().batchSize() - 1) / cfg.data().batchSize();
    StepLosses sum = StepLosses.NONE;
    double norm;
    float lr = learningRate(t);
    try (NDScope scope = new NDScope(); NDManager m = root.newSubManager()) {
      scope.suppressNotUsedWarning();
      for (int a = 0; a < accumulation; a++) {
        long micro = (long) t * accumulation + a;
        int epoch = (int) (micro / perEpoch);
        if (epoch != orderEpoch) {
          order = BatchOrder.epoch(train.size(), cfg.data().batchSize(), cfg.seed(), epoch,
              cfg.data().groupByLength(), train.lengths());
          orderEpoch = epoch;
        }
        int[] batch = order.get((int) (micro % perEpoch));
        sum = sum.plus(objective.forwardBackward(m, batch, t, 1f / accumulation, coins), accumulation);
      }
      if (threshold != null) {
        threshold.endStep(t);
      }
      Map<String, NDArray> grads = new LinkedHashMap<>();
      // torch's clip_grad_norm_: the 2-norm of the per-tensor 2-norms (one pass over each gradient)
      NDList norms = new NDList();
      for (Map.Entry<String, NDArray> e : params.entrySet()) {
        NDArray g = e.getValue().getGradient();
        grads.put(e.getKey(), g);
        norms.add(g.norm());
      }
      norm = NDArrays.stack(norms).norm().getFloat();
      if (cfg.optim().maxGradNorm() > 0) {
        double coef = cfg.optim().maxGradNorm() / (norm + 1e-6);
        if (coef < 1) {
          for (NDArray g : grads.values()) {
            g.muli((float) coef);
          }
        }
      }
      if (Double.isFinite(norm)) {
        opt.step(params, grads, lr, cfg.optim()::lrScale);
        badSteps = 0;
      } else if (++badSteps >= MAX_NON_FINITE_STEPS) {
        throw new IllegalStateException(phase.name() + " step " + (t + 1) + ": the gradient has been non-finite for "
            + badSteps + " steps in a row; lower --lr or check the data");
      }
      AdamW.zeroGradients(params);
    }
    double secs = (System.nanoTime() - start) / 1e9;
    Double loss = sum.loss();
    if (loss != null && !Double.isFinite(loss)) {
      // a NaN loss never recovers (NaN weights, a diverged step): stop before it reaches the log or a checkpoint
      throw new IllegalStateException(phase.name() + " step " + (t + 1) + ": the loss is " + loss + " (not a finite "
          + "number); the weights may be damaged (NaN or infinite values in --init) or training diverged (lower "
          + "--lr); this step was not saved");
    }
    return new StepRecord(phase.name(), t + 1, sum, lr, norm, secs);
  }

  /**
   * Replaces validation by {@code metricsAt} (step → the validation's metrics: {@code val_loss} or
   * {@code val_macro_f1}), so that tests can feed scripted validation curves through the real loop.
   */
  PhaseTrainer scriptValidation(IntFunction<Map<String, Object>> metricsAt) {
    this.scriptedValidation = metricsAt;
    return this;
  }

  private Map<String, Object> evaluate(NDManager root, int step) {
    Map<String, Object> metrics = new LinkedHashMap<>();
    if (scriptedValidation != null) {
      metrics.putAll(scriptedValidation.apply(step));
      return metrics;
    }
    if (goalChecks()) {
      metrics.putAll(Validator.goalMetrics(model, val, tok, cfg, GoalStop.Goals.QUICKSTART, root));
    } else if (phase.selection() == Phase.Selection.VALIDATION_LOSS) {
      metrics.put("val_loss", Validator.rationaleLoss(model, val, phase.rationale(), cfg.data().evalBatchSize(), root));
    } else {
      metrics.putAll(Validator.labelMetrics(model, val, tok, cfg.data().evalBatchSize(), cfg.decode().labelMaxNewTokens(), root));
    }
    return metrics;
  }

  /** Whether this phase checks the goals at each validation: Stage-2 with goal-stop on ({@link GoalStop}). */
  private boolean goalChecks() {
    return cfg.eval().goalStop() > 0 && phase.kind() == PhaseKind.STAGE2;
  }

  /** Linear decay to 0 over the phase (with optional linear warm-up), or constant; t counts steps taken. */
  float learningRate(int t) {
    if (cfg.optim().warmupSteps() > 0 && t < cfg.optim().warmupSteps()) {
      return cfg.optim().learningRate() * t / cfg.optim().warmupSteps();
    }
    if (cfg.optim().lrSchedule() == OptimConfig.LrSchedule.CONSTANT) {
      return cfg.optim().learningRate();
    }
    int w = Math.min(cfg.optim().warmupSteps(), phase.steps());
    return cfg.optim().learningRate() * Math.max(0f, (float) (phase.steps() - t) / Math.max(1, phase.steps() - w));
  }

  static long mix(long seed, int phase, int step) {
    long z = seed * 0x9E3779B97F4A7C15L + phase * 0xBF58476D1CE4E5B9L + step * 0x94D049BB133111EBL;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return (z ^ (z >>> 31)) & Long.MAX_VALUE;
  }
}
