// The dataset folder read back as written, and the training split found beside a gold file (the simulator's).
package dev.reason2decide.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetFolderTest {
  @TempDir
  Path tmp;

  @Test
  void readsWhatItWrote() throws Exception {
    Path dir = tmp.resolve("d");
    Map<String, List<Example>> splits = new LinkedHashMap<>();
    splits.put(DatasetFolder.TRAIN, List.of(new Example("t1", "note one", "yes", "because", "src")));
    splits.put(DatasetFolder.TEST, List.of(new Example("s1", "note two", "no", "calm", "src")));
    DatasetFolder.write(dir, splits, new DatasetCard("test set", "unit test", "none", false, 1L,
        LabelSet.of("yes", "no"), List.of(), Map.of()));
    assertEquals(dir.resolve("train.jsonl"), DatasetFolder.split(dir, DatasetFolder.TRAIN));
    Example back = DatasetFolder.read(dir, DatasetFolder.TRAIN).get(0);
    assertEquals("t1", back.id());
    assertEquals("note one", back.input());
    assertEquals("because", back.rationale());
    assertEquals("no", DatasetFolder.read(dir, DatasetFolder.TEST).get(0).label());
    // the training split beside the test split; none beside the training split itself or outside a dataset folder
    assertEquals(dir.resolve("train.jsonl").toAbsolutePath(), DatasetFolder.trainingSplitBeside(dir.resolve(
        "test.jsonl")));
    assertNull(DatasetFolder.trainingSplitBeside(dir.resolve("train.jsonl")));
    Path loose = tmp.resolve("loose");
    Files.createDirectories(loose);
    Files.copy(dir.resolve("train.jsonl"), loose.resolve("train.jsonl"));
    assertNull(DatasetFolder.trainingSplitBeside(loose.resolve("test.jsonl")));
  }
}
