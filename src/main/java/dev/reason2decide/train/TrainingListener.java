// Hooks around training (progress display, tests); the loop itself stays readable.
package dev.reason2decide.train;

import java.util.Map;

/** Called by {@link PhaseTrainer}; every method has a no-op default. */
public interface TrainingListener {
  default void onPhaseStart(Phase phase, int fromStep) {}

  default void onStep(Phase phase, StepRecord record) {}

  default void onEvaluation(Phase phase, int step, Map<String, Object> metrics, boolean improved) {}

  default void onPhaseEnd(Phase phase, int lastStep, boolean stoppedEarly) {}
}
