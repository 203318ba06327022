// Writes a dataset folder: one JSONL file per split (train/validation/test) and its dataset.json.
package dev.reason2decide.data;

import dev.reason2decide.io.AtomicFiles;
import dev.reason2decide.io.Json;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The on-disk layout every converter and the synthetic generator produce. */
public final class DatasetFolder {
  /** Name of the provenance file. */
  public static final String CARD = "dataset.json";

  private DatasetFolder() {}

  /** Writes {@code <split>.jsonl} for each split and {@code dataset.json}; every file atomically. */
  public static void write(Path dir, Map<String, List<Example>> splits, DatasetCard card) {
    for (var e : splits.entrySet()) {
      ExampleWriter.writeDefault(dir.resolve(e.getKey() + ".jsonl"), e.getValue());
    }
    AtomicFiles.writeString(dir.resolve(CARD), Json.PRETTY.toJson(card.toJson(splits)) + "\n");
  }
}
