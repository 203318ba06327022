// The training loop of one phase: batches, steps, clipping, AdamW, evaluation, best checkpoint, early stopping, resume.
package dev.reason2decide.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.reason2decide.batches.BatchOrder;
import dev.reason2decide.engine.Grad;
import dev.reason2decide.io.AtomicFiles;
import dev.reason2decide.io.Folders;
import dev.reason2decide.io.Json;
import dev.reason2decide.model.T5Checkpoint;
import dev.reason2decide.model.T5Model;
import dev.reason2decide.tokens.TextTokenizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Trains one {@link Phase} in {@code phaseDir}: {@code best/} (the selected checkpoint, a Hugging Face folder with
 * {@code r2d.json}), {@code state/} (last saved step: weights, optimiser moments, trainer_state.json) and
 * {@code done.json} when finished. Randomness is a pure function of (seed, phase, step): batch order, dropout
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
  private final Path dir;
  private final MetricsLog log;
  private final TrainingListener listener;
  private final int haltAfter;
  private int badSteps;

  /** Updates are skipped while the gradient is NaN/∞ (logged as such); this many in a row stop the run. */
  static final int MAX_NON_FINITE_STEPS = 10;

  public PhaseTrainer(T5Model model, TextTokenizer tok, Path tokenizerDir, TrainConfig cfg, Phase phase,
      int phaseIndex, EncodedExamples train, EncodedExamples val, List<String> labelSet, Path phaseDir,
      MetricsLog log, TrainingListener listener, int haltAfter) {
    this.model = model;
    this.tok = tok;
    this.tokenizerDir = tokenizerDir;
    this.cfg = cfg;
    this.phase = phase;
    this.phaseIndex = phaseIndex;
    this.train = train;
    this.val = val;
    this.labelSet = labelSet;
    this.dir = phaseDir;
    this.log = log;
    this.listener = listener == null ? new TrainingListener() {} : listener;
    this.haltAfter = haltAfter;
  }

  /** Saved progress of a phase. */
  record State(int step, Double best, int bestStep, int badEvals) {}

  static State readState(Path phaseDir) {
    Path f = phaseDir.resolve("state").resolve("trainer_state.json");
    if (!Files.exists(f)) {
      return null;
    }
    try {
      JsonObject o = JsonParser.parseString(Files.readString(f)).getAsJsonObject();
      return new State(o.get("step").getAsInt(), o.has("best") && !o.get("best").isJsonNull()
          ? o.get("best").getAsDouble() : null, o.get("best_step").getAsInt(), o.get("bad_evals").getAsInt());
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException(f + ": unreadable trainer state: " + e.getMessage(), e);
    }
  }

  /** Trains from {@code resumed} (null = from step 0) to the end of the phase or early stopping. */
  public void run(NDManager root, State resumed) {
    State s = resumed == null ? new State(0, null, 0, 0) : resumed;
    log.openForPhase(phase.name(), s.step());
    listener.onPhaseStart(phase, s.step());
    JointObjective objective = new JointObjective(model, train, tok, cfg, phase, labelSet);
    Map<String, NDArray> params = model.parameters().all();
    model.parameters().requireGradients(true);
    AdamW.zeroGradients(params);
    boolean stopped = false;
    int step = s.step();
    try (AdamW opt = new AdamW(new AdamW.Settings(0.9f, 0.999f, 1e-8f, cfg.weightDecay()), root)) {
      if (resumed != null) {
        opt.load(dir.resolve("state").resolve("optimizer.safetensors"));
      }
      int[] lengths = train.lengths();
      int perEpoch = (train.size() + cfg.batchSize() - 1) / cfg.batchSize();
      List<int[]> order = null;
      int orderEpoch = -1;
      Double best = s.best();
      int bestStep = s.bestStep();
      int bad = s.badEvals();
      for (int t = s.step(); t < phase.steps(); t++) {
        long start = System.nanoTime();
        long seed = mix(cfg.seed(), phaseIndex, t);
        Grad.seed(seed);
        SplittableRandom coins = new SplittableRandom(seed ^ 0x5DEECE66DL);
        double lPred = 0;
        double lRat = 0;
        boolean hasPred = false;
        boolean hasRat = false;
        int predicted = 0;
        int examples = 0;
        long tokens = 0;
        JointObjective.Result last = null;
        double norm;
        float lr = learningRate(t);
        try (NDScope scope = new NDScope(); NDManager m = root.newSubManager()) {
          scope.suppressNotUsedWarning();
          for (int a = 0; a < cfg.gradAccumulation(); a++) {
            long micro = (long) t * cfg.gradAccumulation() + a;
            int epoch = (int) (micro / perEpoch);
            if (epoch != orderEpoch) {
              order = BatchOrder.epoch(train.size(), cfg.batchSize(), cfg.seed(), epoch, cfg.groupByLength(), lengths);
              orderEpoch = epoch;
            }
            int[] batch = order.get((int) (micro % perEpoch));
            last = objective.forwardBackward(m, batch, t, 1f / cfg.gradAccumulation(), coins);
            if (last.lPred() != null) {
              lPred += last.lPred() / cfg.gradAccumulation();
              hasPred = true;
            }
            if (last.lRat() != null) {
              lRat += last.lRat() / cfg.gradAccumulation();
              hasRat = true;
            }
            predicted += last.predicted();
            examples += last.examples();
            tokens += last.tokens();
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
          if (cfg.maxGradNorm() > 0) {
            double coef = cfg.maxGradNorm() / (norm + 1e-6);
            if (coef < 1) {
              for (NDArray g : grads.values()) {
                g.muli((float) coef);
              }
            }
          }
          if (Double.isFinite(norm)) {
            opt.step(params, grads, lr);
            badSteps = 0;
          } else if (++badSteps >= MAX_NON_FINITE_STEPS) {
            throw new IllegalStateException(phase.name() + " step " + (t + 1) + ": the gradient has been non-finite for "
                + badSteps + " steps in a row; lower --lr or check the data");
          }
          AdamW.zeroGradients(params);
        }
        double secs = (System.nanoTime() - start) / 1e9;
        double alpha = last.alpha();
        Double loss = hasPred && hasRat ? alpha * lPred + (1 - alpha) * lRat : hasPred ? lPred : hasRat ? lRat : null;
        StepRecord rec = new StepRecord("step", phase.name(), t + 1, loss, hasPred ? lPred : null,
            hasRat ? lRat : null, alpha, last.pi(), last.pi() == null ? null : (double) predicted / examples, lr, norm,
            tokens / secs, secs);
        log.step(rec);
        listener.onStep(phase, rec);
        step = t + 1;
        if (step % phase.evalEvery() == 0 || step == phase.steps()) {
          model.parameters().requireGradients(false);
          Map<String, Object> metrics = evaluate(root);
          model.parameters().requireGradients(true);
          double score = phase.selection() == Phase.Selection.VALIDATION_LOSS ? -(Double) metrics.get("val_loss")
              : (Double) metrics.get("val_macro_f1");
          boolean improved = best == null || score > best;
          if (improved) {
            best = score;
            bestStep = step;
            bad = 0;
            saveBest();
          } else if (step >= phase.patienceDelay()) {
            bad++;
          }
          metrics.put("best_step", bestStep);
          log.eval(phase.name(), step, metrics);
          listener.onEvaluation(phase, step, metrics, improved);
          saveState(opt, new State(step, best, bestStep, bad));
          if (bad >= phase.patience() && step >= phase.patienceDelay()) {
            stopped = true;
            break;
          }
        }
        if (haltAfter > 0 && step == haltAfter && step < phase.steps()) {
          saveState(opt, new State(step, best, bestStep, bad));
          throw new Halted(step);
        }
      }
      Map<String, Object> done = new LinkedHashMap<>();
      done.put("phase", phase.name());
      done.put("last_step", step);
      done.put("best_step", bestStep);
      done.put("best_score", best);
      done.put("selection", phase.selection().name().toLowerCase(java.util.Locale.ROOT));
      done.put("stopped_early", stopped);
      AtomicFiles.writeString(dir.resolve("done.json"), Json.PRETTY.toJson(done) + "\n");
    } finally {
      model.parameters().requireGradients(false);
    }
    listener.onPhaseEnd(phase, step, stopped);
  }

  private Map<String, Object> evaluate(NDManager root) {
    Map<String, Object> metrics = new LinkedHashMap<>();
    if (phase.selection() == Phase.Selection.VALIDATION_LOSS) {
      metrics.put("val_loss", Validator.rationaleLoss(model, val, phase.rationale(), cfg.evalBatchSize(), root));
    } else {
      metrics.putAll(Validator.labelMetrics(model, val, tok, cfg.evalBatchSize(), cfg.labelMaxNewTokens(), root));
    }
    return metrics;
  }

  /** Linear decay to 0 over the phase (with optional linear warm-up), or constant; t counts steps taken. */
  float learningRate(int t) {
    if (cfg.warmupSteps() > 0 && t < cfg.warmupSteps()) {
      return cfg.learningRate() * t / cfg.warmupSteps();
    }
    if (cfg.lrSchedule().equals("constant")) {
      return cfg.learningRate();
    }
    int w = Math.min(cfg.warmupSteps(), phase.steps());
    return cfg.learningRate() * Math.max(0f, (float) (phase.steps() - t) / Math.max(1, phase.steps() - w));
  }

  static long mix(long seed, int phase, int step) {
    long z = seed * 0x9E3779B97F4A7C15L + phase * 0xBF58476D1CE4E5B9L + step * 0x94D049BB133111EBL;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return (z ^ (z >>> 31)) & Long.MAX_VALUE;
  }

  private void saveBest() {
    ModelCard card = new ModelCard(labelSet, cfg.prompts(), cfg.maxInputTokens(), cfg.labelMaxNewTokens(),
        cfg.rationaleMaxNewTokens(), cfg.recipe().cliName(), phase.name());
    Folders.replace(dir.resolve("best"), tmp -> T5Checkpoint.save(model, tmp, tokenizerDir, Map.of(ModelCard.FILE, card)));
  }

  private void saveState(AdamW opt, State s) {
    Folders.replace(dir.resolve("state"), tmp -> {
      T5Checkpoint.save(model, tmp, tokenizerDir, Map.of());
      opt.save(tmp.resolve("optimizer.safetensors"));
      Map<String, Object> st = new LinkedHashMap<>();
      st.put("phase", phase.name());
      st.put("step", s.step());
      st.put("best", s.best());
      st.put("best_step", s.bestStep());
      st.put("bad_evals", s.badEvals());
      st.put("seed", cfg.seed());
      st.put("rng", "torch and coins re-seeded from (seed, phase, step); batch order from (seed, epoch)");
      AtomicFiles.writeString(tmp.resolve("trainer_state.json"), Json.PRETTY.toJson(st) + "\n");
    });
  }
}
