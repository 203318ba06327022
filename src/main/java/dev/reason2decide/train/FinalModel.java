// model/ of a run folder: the last phase's best checkpoint, finished (truecase, trust statistics), put in place whole.
package dev.reason2decide.train;

import dev.reason2decide.io.Folders;
import dev.reason2decide.io.Json;
import dev.reason2decide.runs.ModelFolder;
import dev.reason2decide.runs.PhaseFolder;
import dev.reason2decide.runs.RunFolder;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The final model is a copy of the last phase's {@code best/}, completed by the run's {@link ModelFinisher} under a
 * temporary name and then renamed into {@code model/}, so that a folder called {@code model} is always whole. A
 * model whose tokenizer folds case gets its truecase file first ({@link TruecaseFinisher}), so that the finisher's
 * trust statistics are fitted on recased rationales, as inference will write them. It
 * carries its own {@code provenance.json} ({@link ModelFolder#provenance()}), so that a copied model still says
 * where it came from: {@code from} (the run folder, the phase, the step its best checkpoint was taken at),
 * {@code config} (the run's config.json) and {@code run} (the run's provenance.json).
 */
final class FinalModel {
  private FinalModel() {}

  /** Writes {@code run}'s {@code model/} from {@code last}'s best checkpoint; returns its path. */
  static Path put(RunFolder run, Phase last, TrainingRun.Data data, ModelFinisher finisher) {
    PhaseFolder phase = run.phase(last.kind());
    Map<String, Object> from = new LinkedHashMap<>();
    from.put("run", run.dir().toAbsolutePath().normalize().toString());
    from.put("phase", last.name());
    from.put("step", Json.readObject(phase.done()).get("best_step").getAsInt());
    from.put("checkpoint", run.dir().relativize(phase.best().dir()).toString());
    Map<String, Object> provenance = new LinkedHashMap<>();
    provenance.put("from", from);
    provenance.put("config", Json.readObject(run.config()));
    provenance.put("run", Json.readObject(run.provenance()));
    Path finalModel = run.model().dir();
    Folders.replace(finalModel, tmp -> {
      Folders.copyFiles(phase.best().dir(), tmp);
      Json.writePretty(new ModelFolder(tmp).provenance(), provenance);
      TruecaseFinisher.fitInto(tmp, TruecaseFinisher.rationales(data));
      finisher.finish(tmp, data);
    });
    return finalModel;
  }
}
