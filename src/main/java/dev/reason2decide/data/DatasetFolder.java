// A dataset folder: one JSONL file per split (train/validation/test) and its dataset.json; written and read here.
package dev.reason2decide.data;

import dev.reason2decide.io.AtomicFiles;
import dev.reason2decide.io.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The on-disk layout every converter and the synthetic generator produce, and the one place its names are spelled. */
public final class DatasetFolder {
  /** Name of the provenance file. */
  public static final String CARD = "dataset.json";
  /** The split names; a split's file is {@code <split>.jsonl}. */
  public static final String TRAIN = "train";
  public static final String VALIDATION = "validation";
  public static final String TEST = "test";

  private DatasetFolder() {}

  /** Writes {@code <split>.jsonl} for each split and {@code dataset.json}; every file atomically. */
  public static void write(Path dir, Map<String, List<Example>> splits, DatasetCard card) {
    for (var e : splits.entrySet()) {
      ExampleWriter.writeDefault(split(dir, e.getKey()), e.getValue());
    }
    AtomicFiles.writeString(dir.resolve(CARD), Json.PRETTY.toJson(card.toJson(splits)) + "\n");
  }

  /** The file of split {@code name} in {@code dir}. */
  public static Path split(Path dir, String name) {
    return dir.resolve(name + ".jsonl");
  }

  /** The examples of split {@code name} in {@code dir}. */
  public static List<Example> read(Path dir, String name) {
    return ExampleReader.readDefault(split(dir, name)).examples();
  }

  /**
   * The training split of the dataset folder that holds {@code file} (a folder with {@value #CARD}), unless
   * {@code file} is that split; null when there is none. Where evaluation finds the simulator's training examples.
   */
  public static Path trainingSplitBeside(Path file) {
    Path abs = file.toAbsolutePath();
    Path folder = abs.getParent();
    if (folder == null) {
      return null;
    }
    Path train = split(folder, TRAIN);
    return Files.isRegularFile(folder.resolve(CARD)) && Files.isRegularFile(train) && !train.equals(abs) ? train
        : null;
  }
}
