// Shows training progress on the terminal: a bar per phase with loss, α, π and ETA; evaluations as lines.
package dev.reason2decide.cli;

import dev.reason2decide.train.Phase;
import dev.reason2decide.train.StepRecord;
import dev.reason2decide.train.TrainingListener;
import java.util.Locale;
import java.util.Map;

/** A {@link TrainingListener} that drives {@link Progress}; silent with {@code --quiet}. */
final class TrainProgress implements TrainingListener {
  private final boolean quiet;
  private Progress bar;

  TrainProgress(boolean quiet) {
    this.quiet = quiet;
  }

  @Override
  public void onPhaseStart(Phase phase, int fromStep) {
    bar = Progress.start(phase.name(), phase.steps(), quiet);
    bar.step(fromStep);
  }

  @Override
  public void onStep(Phase phase, StepRecord r) {
    StringBuilder s = new StringBuilder();
    if (r.loss() != null) {
      s.append(String.format(Locale.ROOT, "loss %.4f", r.loss()));
    }
    if (r.lPred() != null && r.lRat() != null) {
      s.append(String.format(Locale.ROOT, " (pred %.3f, rat %.3f)", r.lPred(), r.lRat()));
    }
    if (r.pi() != null) {
      s.append(String.format(Locale.ROOT, " α %.2f π %.2f", r.alpha(), r.pi()));
    }
    s.append(String.format(Locale.ROOT, " %.0f tok/s", r.tokensPerS()));
    bar.extra(s.toString());
    bar.step(1);
  }

  @Override
  public void onEvaluation(Phase phase, int step, Map<String, Object> metrics, boolean improved) {
    if (!quiet) {
      StringBuilder s = new StringBuilder();
      metrics.forEach((k, v) -> s.append(' ').append(k).append('=')
          .append(v instanceof Double d ? String.format(Locale.ROOT, "%.4f", d) : v));
      System.err.println("\n[" + phase.name() + " step " + step + "]" + s + (improved ? "  (best so far)" : ""));
    }
  }

  @Override
  public void onPhaseEnd(Phase phase, int lastStep, boolean stoppedEarly) {
    bar.close();
    if (!quiet && stoppedEarly) {
      System.err.println("[" + phase.name() + "] early stop at step " + lastStep);
    }
  }
}
