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
import org.apache.spark.SparkEnv;
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
      SparkEnv env = SparkEnv.get();
      if (env != null && !"driver".equals(env.executorId()) /* SparkContext.DRIVER_IDENTIFIER */) {
        // one line in the executor's stderr (a cluster's executor log) per load: how to see one model per JVM
        System.err.println("r2d spark: executor " + env.executorId() + " (pid " + ProcessHandle.current().pid()
            + ") loaded the model from " + folder.toAbsolutePath() + " on " + device + " (DJL_OFFLINE="
            + System.getenv("DJL_OFFLINE") + ", OPT_OUT_TRACKING=" + System.getenv("OPT_OUT_TRACKING")
            + ", ai.djl.offline=" + System.getProperty("ai.djl.offline") + ")");
      }
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
   * Where the model folder is in this JVM: the path itself when it is a folder here (a shared file system, or, on
   * an executor, an archive unpacked by {@code --archives model.tgz#m} into its working folder); {@value
   * #SPARK_FILES} for the files shipped by {@code --files}; else the relative path, then its last name, under the
   * folder Spark ships files and archives into ({@link SparkFiles#getRootDirectory()}: the working folder on an
   * executor, a temporary folder on a client-mode driver, where {@code m/model} of {@code model.tgz#m} is found).
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
      Path root = Path.of(SparkFiles.getRootDirectory());
      for (Path shipped : p.isAbsolute() ? List.of(root.resolve(p.getFileName().toString()))
          : List.of(root.resolve(p), root.resolve(p.getFileName().toString()))) {
        if (Files.isDirectory(shipped)) {
          return shipped;
        }
      }
    } catch (RuntimeException e) {
      // no SparkContext or SparkEnv here: only the plain path applies
    }
    throw new IllegalArgumentException("--model " + dir + ": no such folder on this machine (nor among the files "
        + "shipped with --files/--archives); see docs/spark.md");
  }
}
