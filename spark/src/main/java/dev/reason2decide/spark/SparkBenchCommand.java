// `r2d spark bench`: notes per second of r2d predict's loop and of r2d spark predict in local mode, same model and notes.
package dev.reason2decide.spark;

import dev.reason2decide.data.Example;
import dev.reason2decide.data.ExampleReader;
import dev.reason2decide.data.ReadOptions;
import dev.reason2decide.engine.DeviceSpec;
import dev.reason2decide.engine.Engines;
import dev.reason2decide.eval.report.PredictionRow;
import dev.reason2decide.inference.T5DecisionModel;
import dev.reason2decide.io.Json;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * A benchmark that prints numbers (never a test). For each core count c it times (1) r2d predict's loop (batches
 * of {@code --batch-size}, PyTorch on c threads, records built as JSON) and (2) the Spark job of r2d spark
 * predict on {@code local[c]} (c partitions, one task per core with one torch thread each, rows materialised
 * without being written). Both use the already loaded model, so loading time is left out of both; Spark's session
 * start is left out (paid once per job, not per note), the reading, counting and arranging of the notes is in. Run it on an otherwise idle machine.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Notes/s of r2d predict vs r2d spark predict (local mode) at each core count; prints a table.")
public final class SparkBenchCommand implements Callable<Integer> {
  @Option(names = "--model", required = true, description = "Model folder.")
  Path model;

  @Option(names = "--input", required = true, description = "Notes (JSONL or CSV, as r2d predict reads them).")
  Path input;

  @Option(names = "--cores", split = ",", defaultValue = "1,2", description = "Core counts (default: "
      + "${DEFAULT-VALUE}).")
  List<Integer> cores;

  @Option(names = "--batch-size", defaultValue = "16", description = "(default: ${DEFAULT-VALUE})")
  int batchSize;

  @Option(names = "--limit", defaultValue = "0", description = "Use the first N notes only (0: all).")
  int limit;

  @Option(names = "--device", paramLabel = "DEVICE", description = "cpu, gpu or gpu:N for both loops (default: "
      + "R2D_DEVICE, else cpu).")
  String device;

  /** The device of --device, resolved at the start of {@link #call}. */
  private DeviceSpec onDevice;

  @Override
  public Integer call() {
    List<Example> notes = new ExampleReader(ReadOptions.DEFAULT.forPrediction()).read(input).examples();
    if (limit > 0 && notes.size() > limit) {
      notes = notes.subList(0, limit);
    }
    onDevice = Engines.check(device == null ? DeviceSpec.fromEnvironment() : DeviceSpec.parse("--device", device));
    System.err.println("r2d spark bench: device " + Engines.describe(onDevice));
    String dir = model.toString();
    T5DecisionModel m = ExecutorModels.get(dir, null, onDevice).model();
    m.decideAll(notes.subList(0, Math.min(batchSize, notes.size())).stream().map(Example::input).toList());
    System.out.println("notes " + notes.size() + ", batch " + batchSize + ", model " + dir);
    System.out.println("cores  r2d-predict-notes/s  spark-local-notes/s  spark/predict");
    List<double[]> rows = new ArrayList<>();
    for (int c : cores) {
      Engines.setThreads(c);
      long t0 = System.nanoTime();
      for (int i = 0; i < notes.size(); i += batchSize) {
        List<Example> batch = notes.subList(i, Math.min(notes.size(), i + batchSize));
        var decided = m.decideAll(batch.stream().map(Example::input).toList());
        for (int j = 0; j < batch.size(); j++) {
          Json.COMPACT.toJson(PredictionRow.of(batch.get(j), decided.get(j), m.labels())).length();
        }
      }
      double predictRate = notes.size() / ((System.nanoTime() - t0) / 1e9);
      double sparkRate = sparkRate(c, dir);
      rows.add(new double[] {c, predictRate, sparkRate});
      System.out.println(String.format(Locale.ROOT, "%5d  %19.2f  %19.2f  %13.3f", c, predictRate, sparkRate,
          sparkRate / predictRate));
    }
    if (rows.size() > 1) {
      System.out.println(String.format(Locale.ROOT, "spark local[%d] / local[%d]: %.3f", (int) rows.get(rows.size()
          - 1)[0], (int) rows.get(0)[0], rows.get(rows.size() - 1)[2] / rows.get(0)[2]));
    }
    return 0;
  }

  private double sparkRate(int c, String dir) {
    SparkSession spark = Sessions.start("bench", "local[" + c + "]");
    try {
      NoteColumns columns = new NoteColumns("id", "question", "label", "rationale", List.of());
      NoteSource source = NoteSource.of(spark, input.toString());
      Dataset<Row> notes = columns.select(source.read(spark, input.toString(), null), input.toString());
      if (limit > 0) {
        notes = notes.limit(limit);
      }
      PredictionSchema schema = PredictionSchema.forLabels(ExecutorModels.get(dir, null, onDevice).model().labels(),
          List.of());
      long t0 = System.nanoTime();
      long n = notes.count();
      JavaRDD<Row> rows = BatchRanges.arrange(notes, c, batchSize).mapPartitions(new PartitionPredictor(dir, null, onDevice, batchSize, true,
          BadRowPolicy.ERRORS, columns, schema));
      spark.createDataFrame(rows, schema.with("_error").add("_file", "string")).write().format("noop")
          .mode("overwrite").save();
      return n / ((System.nanoTime() - t0) / 1e9);
    } finally {
      spark.stop();
    }
  }
}
