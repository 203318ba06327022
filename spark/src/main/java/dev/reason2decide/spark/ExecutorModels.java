// One decision model per executor JVM: loaded lazily by the first task that needs it, shared by the later ones.
package dev.reason2decide.spark;

import dev.reason2decide.engine.DeviceSpec;
import dev.reason2decide.engine.Engines;
import dev.reason2decide.inference.T5DecisionModel;
import dev.reason2decide.tokens.TextTokenizer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.SparkFiles;

/**
 * A static holder keyed by model folder (and label override): every task of an executor JVM uses the same weights,
 * so memory holds one copy however many tasks run at once ({@link T5DecisionModel} is safe for concurrent callers).
 * The models live until the JVM exits, like the executor itself.
 */
final class ExecutorModels {
  /** {@code --model} value meaning "the files shipped with spark-submit --files". */
  static final String SPARK_FILES = "spark-files:";

  /** A loaded model and a tokenizer to measure inputs with. */
  record Loaded(T5DecisionModel model, TextTokenizer tokenizer) {}

  private static final Map<String, Loaded> MODELS = new ConcurrentHashMap<>();

  private ExecutorModels() {}

  /**
   * The model of {@code dir} on {@code device} in this JVM, loading it on first use (a GPU this executor does not
   * have fails the task with a message naming the device and what the executor has).
   */
  static Loaded get(String dir, List<String> labels, DeviceSpec device) {
    return MODELS.computeIfAbsent(dir + "\n" + labels + "\n" + device, k -> {
      Path folder = resolve(dir);
      T5DecisionModel m = T5DecisionModel.load(folder, labels, device);
      return new Loaded(m, TextTokenizer.load(folder));
    });
  }

  /**
   * Sets PyTorch's intra-op threads for the tasks of this JVM. Spark already runs one task per {@code
   * spark.task.cpus} cores at once, so each task's torch work uses that many threads; with {@code spark.task.cpus}
   * equal to {@code spark.executor.cores} one task at a time gets all the executor's cores.
   */
  static void useThreads(int threads) {
    Engines.setThreads(Math.max(1, threads));
  }

  /**
   * Where the model folder is in this JVM: the path itself when it is a folder here (a shared file system, or an
   * archive unpacked by {@code --archives model.tgz#model} into the working folder); {@value #SPARK_FILES} for
   * the files shipped by {@code --files}; else the name looked up among the shipped files.
   */
  static Path resolve(String dir) {
    if (dir.equals(SPARK_FILES)) {
      return Path.of(SparkFiles.getRootDirectory());
    }
    Path p = Path.of(dir);
    if (Files.isDirectory(p)) {
      return p;
    }
    try {
      Path shipped = Path.of(SparkFiles.get(p.getFileName().toString()));
      if (Files.isDirectory(shipped)) {
        return shipped;
      }
    } catch (RuntimeException e) {
      // no SparkContext or SparkEnv here: only the plain path applies
    }
    throw new IllegalArgumentException("--model " + dir + ": no such folder on this machine (nor among the files "
        + "shipped with --files/--archives); see docs/spark.md");
  }
}
