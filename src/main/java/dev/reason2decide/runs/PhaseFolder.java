// The layout of one phase's folder in a run: the selected checkpoint, the resumable state and the end marker.
package dev.reason2decide.runs;

import java.nio.file.Path;

/**
 * {@code best/} (the selected checkpoint, a {@link ModelFolder}), {@code state/} (the last saved step: weights,
 * {@code optimizer.safetensors}, {@code trainer_state.json}) and {@code done.json} when the phase is finished.
 */
public record PhaseFolder(Path dir) {
  public ModelFolder best() {
    return new ModelFolder(dir.resolve("best"));
  }

  public Path state() {
    return dir.resolve("state");
  }

  /** The trainer's counters inside a state folder ({@code state} or the temporary folder it is written in). */
  public static Path trainerState(Path stateDir) {
    return stateDir.resolve("trainer_state.json");
  }

  /** Reason2Decide-C's confidence threshold τ and its window inside a state folder. */
  public static Path confidenceThreshold(Path stateDir) {
    return stateDir.resolve("confidence_threshold.json");
  }

  /** The optimiser moments inside a state folder. */
  public static Path optimizer(Path stateDir) {
    return stateDir.resolve("optimizer.safetensors");
  }

  public Path done() {
    return dir.resolve(RunFolder.DONE);
  }
}
