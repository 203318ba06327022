// Undoes a fresh run's start that failed before its first step: the corrected command then starts cleanly.
package dev.reason2decide.train;

import dev.reason2decide.runs.PhaseKind;
import dev.reason2decide.runs.RunFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A start is refused after config.json is written when the tokenizer, the {@code --init} checkpoint or the data turn
 * out unusable (missing, truncated, a NaN loss at the first step). Left in place, config.json made the corrected
 * rerun "a run already exists here" and its resume "started with another configuration". When the run was fresh
 * (no config.json before this start) and no step reached metrics.jsonl, the files this start made are removed:
 * config.json, provenance.json, metrics.jsonl, the phase folders and model/. The lock then removes the folder
 * itself if that leaves it empty. Nothing else in the folder is touched.
 */
final class RefusedStart {
  private RefusedStart() {}

  /** True when no step of the run was logged. */
  static boolean nothingTrained(RunFolder run) {
    try {
      return !Files.exists(run.metrics()) || Files.size(run.metrics()) == 0;
    } catch (IOException e) {
      return false;
    }
  }

  /** Removes what a fresh start made in {@code run}; {@code phases} are the recipe's phases. */
  static void undo(RunFolder run, List<PhaseKind> phases) {
    List<Path> made = new ArrayList<>(List.of(run.config(), run.provenance(), run.metrics(), run.model().dir()));
    phases.forEach(p -> made.add(run.phase(p).dir()));
    for (Path p : made) {
      try {
        if (Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
          try (Stream<Path> all = Files.walk(p)) {
            for (Path f : all.sorted(Comparator.reverseOrder()).toList()) {
              Files.deleteIfExists(f);
            }
          }
        } else {
          Files.deleteIfExists(p);
        }
      } catch (IOException e) {
        // best effort: the error that refused the start is what the user needs to see
      }
    }
  }
}
