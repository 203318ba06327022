// The splits of an experiment, read from files (generated first for the synthetic triage set), held-out forms included.
package dev.reason2decide.experiment;

import dev.reason2decide.data.DatasetFolder;
import dev.reason2decide.data.Example;
import dev.reason2decide.data.ExampleReader;
import dev.reason2decide.data.synth.SynthTriage;
import dev.reason2decide.train.TrainingRun;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Train, validation and test examples with the files they were read from. A synthetic set is written to
 * {@code <out>/data/} first (deterministic: the same n and seed give the same files), so every run and report can
 * name and hash a real file. A synthetic set with held-out note forms also has the split of notes written only
 * with them ({@code heldOutForms}, from {@code data/test_held_out_forms.jsonl}); otherwise that split is empty and
 * its file null.
 */
public record ExperimentData(List<Example> train, List<Example> validation, List<Example> test, Path trainFile,
    Path validationFile, Path testFile, List<Example> heldOutForms, Path heldOutFormsFile) {

  /**
   * Reads (or, for a synthetic set, generates into {@code out/data}) the splits of {@code spec}; with
   * {@code generate} false a synthetic set is read as generated earlier (a worker of a parallel experiment).
   */
  public static ExperimentData prepare(ExperimentConfig.DataSpec spec, Path out, boolean generate) {
    Path train = spec.train();
    Path validation = spec.validation();
    Path test = spec.test();
    Path heldOut = null;
    if (spec.synthetic() != null) {
      ExperimentConfig.SyntheticSpec s = spec.synthetic();
      Path dir = out.resolve("data");
      if (!generate) {
        // read below, as the parent process wrote it
      } else if (s.plan() != null) {
        SynthTriage.write(dir, s.plan());
      } else {
        SynthTriage.write(dir, s.n(), s.seed(), s.trainFraction(), s.validationFraction(), s.testFraction());
      }
      train = DatasetFolder.split(dir, DatasetFolder.TRAIN);
      validation = DatasetFolder.split(dir, DatasetFolder.VALIDATION);
      test = DatasetFolder.split(dir, DatasetFolder.TEST);
      if (s.plan() != null && !s.plan().notes().forms().heldOut().isEmpty()) {
        heldOut = DatasetFolder.split(dir, SynthTriage.HELD_OUT_FORMS_SPLIT);
      }
    }
    ExperimentData d = new ExperimentData(read(train), read(validation), read(test), train, validation, test,
        heldOut == null ? List.of() : read(heldOut), heldOut);
    if (heldOut != null && d.heldOutForms.isEmpty()) {
      throw new IllegalArgumentException(heldOut + ": the held-out forms split is empty");
    }
    for (var e : Map.of("train", d.train, "validation", d.validation, "test", d.test).entrySet()) {
      if (e.getValue().isEmpty()) {
        throw new IllegalArgumentException(e.getKey() + " split is empty");
      }
    }
    return d;
  }

  private static List<Example> read(Path file) {
    return ExampleReader.readDefault(file).examples();
  }

  /** The training run's view: train and validation, with the files named for provenance. */
  public TrainingRun.Data forTraining() {
    Map<String, Path> files = new LinkedHashMap<>();
    files.put("train", trainFile);
    files.put("validation", validationFile);
    return new TrainingRun.Data(train, validation, null, files);
  }

  /** The first {@code max} test examples (all when {@code max} is 0). */
  public List<Example> test(int max) {
    return first(test, max);
  }

  /** Whether the data has a held-out forms split (evaluated beside the test split). */
  public boolean hasHeldOutForms() {
    return heldOutFormsFile != null;
  }

  /** The first {@code max} held-out forms examples (all when {@code max} is 0; the test split's cap). */
  public List<Example> heldOutForms(int max) {
    return first(heldOutForms, max);
  }

  private static List<Example> first(List<Example> xs, int max) {
    return max > 0 && xs.size() > max ? xs.subList(0, max) : xs;
  }
}
