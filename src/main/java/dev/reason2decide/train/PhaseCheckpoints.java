// Checkpointing of one phase: the selected model in best/, the resumable state in state/, done.json at the end.
package dev.reason2decide.train;

import com.google.gson.JsonObject;
import dev.reason2decide.io.Folders;
import dev.reason2decide.io.Json;
import dev.reason2decide.model.T5Checkpoint;
import dev.reason2decide.model.T5Model;
import dev.reason2decide.runs.ModelCard;
import dev.reason2decide.runs.PhaseFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes a {@link PhaseFolder}: {@code best/} (a Hugging Face folder with {@code r2d.json}) after every improving
 * validation, {@code state/} (weights, optimiser moments and the counters of {@link State}) after every validation
 * and before a halt, {@code done.json} when the phase ends. Each folder is replaced whole (written under a temporary
 * name, then renamed).
 */
final class PhaseCheckpoints implements TrainingListener {
  /**
   * Saved progress of a phase: the last step taken, the early-stopping counters and the goal stop's streak
   * ({@link GoalStop}; 0 in files written before it). {@code oldFile}: written before
   * the stopping rule kept its own baseline (no {@code stop_failures}); its counters read as the plain rule's.
   */
  record State(int step, EarlyStopping.Counters counters, boolean oldFile, int goalStreak) {
    static final State START = new State(0, EarlyStopping.Counters.START, false, 0);

    /**
     * The counters to resume {@code phase} with. An old file's are exact for a phase without an arming delay (the
     * plain rule's baseline is the best) and for a delayed phase not yet armed (nothing counted yet); past the
     * arming step the baseline of the delayed rule cannot be rebuilt from it, which is refused.
     */
    EarlyStopping.Counters countersFor(Phase phase, Path file) {
      if (!oldFile || phase.patienceDelay() == 0) {
        return counters;
      }
      if (step < phase.patienceDelay()) {
        return new EarlyStopping.Counters(counters.best(), counters.bestStep(), null, 0);
      }
      throw new IllegalArgumentException(file + ": written before " + phase.name() + "'s early stopping kept its own "
          + "baseline, at step " + step + ", past the arming step " + phase.patienceDelay() + "; its stopping "
          + "counters cannot be rebuilt: resume it with the version that wrote it, or start " + phase.name()
          + " afresh (remove its folder)");
    }
  }

  private final PhaseFolder folder;
  private final T5Model model;
  private final Path tokenizerDir;
  private final ModelCard card;
  private final long seed;
  private final AdamW optimizer;
  private final EarlyStopping stopping;
  private final GoalStop goalStop;
  private final ConfidenceThreshold threshold;

  /** {@code threshold}: the τ tracker of a confidence-adaptive phase, saved with the state; null otherwise. */
  PhaseCheckpoints(PhaseFolder folder, T5Model model, Path tokenizerDir, ModelCard card, long seed, AdamW optimizer,
      EarlyStopping stopping, GoalStop goalStop, ConfidenceThreshold threshold) {
    this.goalStop = goalStop;
    this.threshold = threshold;
    this.folder = folder;
    this.model = model;
    this.tokenizerDir = tokenizerDir;
    this.card = card;
    this.seed = seed;
    this.optimizer = optimizer;
    this.stopping = stopping;
  }

  /** The state saved in {@code folder}, or null when it has none. */
  static State readState(PhaseFolder folder) {
    Path f = PhaseFolder.trainerState(folder.state());
    if (!Files.exists(f)) {
      return null;
    }
    try {
      JsonObject o = Json.readObject(f);
      Double best = number(o, "best");
      int bestStep = o.get("best_step").getAsInt();
      if (!o.has("stop_failures")) { // written before issue 13: bad_evals counted against the best
        return new State(o.get("step").getAsInt(), new EarlyStopping.Counters(best, bestStep, best,
            o.get("bad_evals").getAsInt()), true, 0);
      }
      return new State(o.get("step").getAsInt(), new EarlyStopping.Counters(best, bestStep, number(o, "stop_baseline"),
          o.get("stop_failures").getAsInt()), false, o.has("goal_streak") ? o.get("goal_streak").getAsInt() : 0);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(f + ": unreadable trainer state: " + e.getMessage(), e);
    }
  }

  private static Double number(JsonObject o, String key) {
    return o.has(key) && !o.get(key).isJsonNull() ? o.get(key).getAsDouble() : null;
  }

  @Override
  public void onEvaluation(Phase phase, int step, Map<String, Object> metrics, boolean improved) {
    if (improved) {
      Folders.replace(folder.best().dir(), tmp -> T5Checkpoint.save(model, tmp, tokenizerDir,
          Map.of(ModelCard.FILE, card)));
    }
    saveState(phase, step);
  }

  /** Saves {@code state/} as of {@code step}. */
  void saveState(Phase phase, int step) {
    Folders.replace(folder.state(), tmp -> {
      T5Checkpoint.save(model, tmp, tokenizerDir, Map.of());
      optimizer.save(PhaseFolder.optimizer(tmp));
      if (threshold != null) {
        threshold.save(PhaseFolder.confidenceThreshold(tmp));
      }
      Map<String, Object> st = new LinkedHashMap<>();
      st.put("phase", phase.name());
      st.put("step", step);
      st.put("best", stopping.best());
      st.put("best_step", stopping.bestStep());
      st.put("stop_baseline", stopping.counters().baseline());
      st.put("stop_failures", stopping.counters().failures());
      st.put("goal_streak", goalStop.streak());
      st.put("seed", seed);
      st.put("rng", "torch and coins re-seeded from (seed, phase, step); batch order from (seed, epoch)");
      Json.writePretty(PhaseFolder.trainerState(tmp), st);
    });
  }

  @Override
  public void onPhaseEnd(Phase phase, int lastStep, boolean stoppedEarly) {
    Map<String, Object> done = new LinkedHashMap<>();
    done.put("phase", phase.name());
    done.put("last_step", lastStep);
    done.put("best_step", stopping.bestStep());
    done.put("best_score", stopping.best());
    done.put("selection", phase.selection().name().toLowerCase(java.util.Locale.ROOT));
    done.put("stopped_early", stoppedEarly);
    Json.writePretty(folder.done(), done);
  }
}
