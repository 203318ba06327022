// The one check a run start passes before anything is written: same configuration, same data, finished or not.
package dev.reason2decide.train;

import dev.reason2decide.runs.RunFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A run folder is identified by its {@code config.json} ({@link RunConfig}: recipe, model source, every training
 * setting) and by the data recorded in {@code provenance.json} ({@link DataChange}: {@code data}, then the latest
 * entry of {@code data_changes}). A start into a folder that has a run is refused unless it resumes; a resume is
 * refused when the configuration differs, or when the data differ and the change is not allowed. A finished run
 * ({@code done.json}) passes the same check: it is handed back only when it is the run that was asked for, and
 * other data are refused even when allowed, since a finished run is not trained further. Experiments reuse their
 * finished runs through this check too ({@link TrainingRun#run}).
 */
final class RunStart {
  private RunStart() {}

  /** Throws (one line) unless {@code start} may work in {@code run}; returns the data now given against the run's. */
  static DataChange check(RunFolder run, RunConfig now, Map<String, Path> files, TrainingRun.Start start) {
    Path configFile = run.config();
    if (Files.exists(configFile)) {
      if (!start.resume()) {
        throw new IllegalArgumentException(run.dir() + ": a run already exists here; pass --resume to continue it "
            + "or choose another --out");
      }
      List<String> changed = now.differences(RunConfig.read(configFile));
      if (!changed.isEmpty()) {
        throw new IllegalArgumentException(configFile + ": the existing run was started with another configuration ("
            + String.join(", ", changed) + "); resume it with the same options or choose another --out");
      }
    }
    DataChange data = DataChange.of(run, files);
    if (Files.exists(run.done())) {
      data.requireUnchangedWhenFinished(run);
    } else {
      data.requireAllowed(run, start.allowDataChange());
    }
    return data;
  }
}
