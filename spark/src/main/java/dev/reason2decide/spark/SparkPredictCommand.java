// `r2d spark predict`: r2d predict's records for every note of a Spark source, decided inside the partitions.
package dev.reason2decide.spark;

import static org.apache.spark.sql.functions.col;

import dev.reason2decide.engine.DeviceSpec;
import dev.reason2decide.io.Json;
import dev.reason2decide.io.Provenance;
import dev.reason2decide.prompts.PromptTemplates;
import dev.reason2decide.runs.ModelCard;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.DataFrameWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Two-step inference over a Spark data set. Each partition is decided in batches by the one model of its
 * executor JVM; every note gives one row with {@code r2d predict}'s fields and values (built by the same
 * {@code PredictionRow}), or a row in the errors output with its reason. Outputs are Spark folders committed by
 * Spark's protocol: a folder without {@code _SUCCESS} is incomplete. The errors folder is committed before the
 * predictions folder, so predictions with {@code _SUCCESS} mean the whole job finished.
 */
@Command(name = "predict", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Decide every note of a JSONL/CSV/TSV/Parquet file or folder on Spark; writes r2d predict's "
        + "records (a Spark folder, JSON lines or Parquet) and the notes that could not be decided, with the reason.")
public final class SparkPredictCommand implements Callable<Integer> {
  @Option(names = "--model", required = true, description = "Model folder: a path every executor can read, the "
      + "name of a folder shipped with --archives, or spark-files: for files shipped with --files.")
  String model;

  @Option(names = "--input", required = true, description = "Notes: a file or folder, any Hadoop file system.")
  String input;

  @Option(names = "--output", required = true, description = "Predictions folder (Spark output).")
  String output;

  @Option(names = "--master", description = "Spark master (default: spark-submit's, else local[*]).")
  String master;

  @Option(names = "--format", description = "Input format: jsonl, csv, tsv or parquet (default: from the extension).")
  String format;

  @Option(names = "--output-format", defaultValue = "jsonl", description = "jsonl or parquet (default: "
      + "${DEFAULT-VALUE}).")
  String outputFormat;

  @Option(names = "--errors", description = "Folder for the notes that could not be decided (default: "
      + "<output>.errors).")
  String errors;

  @Option(names = "--on-bad-row", defaultValue = "errors", description = "errors (write them to --errors and go on) "
      + "or fail (stop the job at the first; nothing is committed) (default: ${DEFAULT-VALUE}).")
  String onBadRow;

  @Option(names = "--truncate", description = "Decide over-long notes cut to the model's input length, as r2d "
      + "predict does, instead of reporting them as bad rows.")
  boolean truncate;

  @Option(names = "--batch-size", defaultValue = "16", description = "Notes decided together (default: "
      + "${DEFAULT-VALUE}).")
  int batchSize;

  @Option(names = "--partitions", defaultValue = "0", description = "Partitions to decide in, each a run of whole "
      + "consecutive batches (0: the input's, at least the default parallelism).")
  int partitions;

  @Option(names = "--carry", split = ",", description = "Input columns copied into the output (e.g. "
      + "department,month, for r2d spark evaluate --group-by).")
  List<String> carry = new ArrayList<>();

  @Option(names = "--overwrite", description = "Replace existing output folders.")
  boolean overwrite;

  @Option(names = "--device", paramLabel = "DEVICE", description = "cpu, gpu or gpu:N on every executor (default: "
      + "the driver's R2D_DEVICE, else cpu; GPUs need DJL's CUDA natives on the executors, docs/gpu.md).")
  String device;

  @Option(names = "--labels", split = ",", description = "Label set, for a checkpoint without r2d.json.")
  List<String> labels;

  @Option(names = "--input-column", defaultValue = "question", description = "(default: ${DEFAULT-VALUE})")
  String inputColumn;

  @Option(names = "--id-column", defaultValue = "id", description = "(default: ${DEFAULT-VALUE})")
  String idColumn;

  @Option(names = "--label-column", defaultValue = "label", description = "(default: ${DEFAULT-VALUE})")
  String labelColumn;

  @Option(names = "--rationale-column", defaultValue = "rationale", description = "(default: ${DEFAULT-VALUE})")
  String rationaleColumn;

  @Override
  public Integer call() {
    BadRowPolicy policy = switch (onBadRow) {
      case "errors" -> BadRowPolicy.ERRORS;
      case "fail" -> BadRowPolicy.FAIL;
      default -> throw new IllegalArgumentException("--on-bad-row " + onBadRow + ": expected errors or fail");
    };
    if (!outputFormat.equals("jsonl") && !outputFormat.equals("parquet")) {
      throw new IllegalArgumentException("--output-format " + outputFormat + ": expected jsonl or parquet");
    }
    String errorsOut = errors != null ? errors : output.replaceAll("/+$", "") + ".errors";
    // parsed here, checked on each executor when it loads the model: the driver need not have the executors' GPUs
    DeviceSpec onExecutors = device == null ? DeviceSpec.fromEnvironment() : DeviceSpec.parse("--device", device);
    System.err.println("r2d spark predict: device " + onExecutors + " on every executor");
    long start = System.nanoTime();
    SparkSession spark = Sessions.start("predict", master);
    try {
      Path folder = ExecutorModels.resolve(model);
      ModelCard card = ModelCard.read(folder);
      List<String> labelSet = labels != null && !labels.isEmpty() ? labels : card == null ? null : card.labels();
      if (labelSet == null) {
        throw new IllegalArgumentException(model + ": no r2d.json (label set) in this folder; pass --labels");
      }
      if (!overwrite) {
        for (String o : policy == BadRowPolicy.ERRORS ? List.of(output, errorsOut) : List.of(output)) {
          if (JobFiles.exists(spark, o)) {
            throw new IllegalArgumentException(o + " already exists; pass --overwrite to replace it");
          }
        }
      }
      NoteColumns columns = new NoteColumns(idColumn, inputColumn, labelColumn, rationaleColumn, carry);
      NoteSource source = format != null ? NoteSource.parse(format) : NoteSource.of(spark, input);
      Dataset<Row> notes = columns.select(source.read(spark, input, null), input);
      int parts = partitions > 0 ? partitions
          : Math.max(notes.rdd().getNumPartitions(), spark.sparkContext().defaultParallelism());
      PredictionSchema schema = PredictionSchema.forLabels(labelSet, carry);
      JavaRDD<Row> rows = BatchRanges.arrange(notes, parts, batchSize).mapPartitions(new PartitionPredictor(model, labels, onExecutors, batchSize, truncate,
          policy, columns, schema));
      Dataset<Row> all = spark.createDataFrame(rows, schema.with("_error").add("_file", "string"))
          .persist(StorageLevel.MEMORY_AND_DISK());
      long bad = 0;
      if (policy == BadRowPolicy.ERRORS) {
        List<Column> errorCols = new ArrayList<>(List.of(col("id"), col("input")));
        carry.forEach(c -> errorCols.add(col("`" + c + "`")));
        errorCols.add(col("_file").as("file"));
        errorCols.add(col("_error").as("error"));
        Dataset<Row> errorRows = all.filter(col("_error").isNotNull()).select(errorCols.toArray(new Column[0]));
        writer(errorRows, "jsonl").save(errorsOut);
        bad = errorRows.count();
      }
      Dataset<Row> predictions = all.filter(col("_error").isNull()).drop("_error", "_file");
      writer(predictions, outputFormat).save(output);
      long decided = predictions.count();
      all.unpersist();
      Map<String, Object> prov = new LinkedHashMap<>(Provenance.base());
      prov.put("command", "r2d spark predict");
      prov.put("spark", spark.version());
      prov.put("master", spark.sparkContext().master());
      prov.put("partitions", parts);
      prov.put("model", folder.toAbsolutePath().normalize().toString());
      prov.put("model_weights", Provenance.file(folder.resolve("model.safetensors")));
      prov.put("input", input);
      prov.put("examples", decided);
      prov.put("device", onExecutors.toString());
      prov.put("bad_rows", policy == BadRowPolicy.ERRORS ? bad : "the job stops at the first");
      prov.put("errors", policy == BadRowPolicy.ERRORS ? errorsOut : null);
      prov.put("labels", labelSet);
      PromptTemplates prompts = card == null ? PromptTemplates.reference() : card.prompts();
      prov.put("prompts", prompts);
      if (card != null) {
        prov.put("generation", Map.of("label", "greedy, max " + card.labelMaxNewTokens() + " new tokens",
            "rationale", "greedy, max " + card.rationaleMaxNewTokens() + " new tokens"));
      }
      prov.put("batch_size", batchSize);
      prov.put("truncate", truncate);
      prov.put("seconds", (System.nanoTime() - start) / 1e9);
      JobFiles.writeString(spark, output.replaceAll("/+$", "") + ".provenance.json",
          Json.PRETTY.toJson(prov) + "\n");
      System.err.println("decided " + decided + " notes" + (policy == BadRowPolicy.ERRORS ? "; " + bad
          + " could not be decided (reasons in " + errorsOut + ")" : ""));
      System.out.println(output);
      return 0;
    } finally {
      spark.stop();
    }
  }

  private DataFrameWriter<Row> writer(Dataset<Row> rows, String fmt) {
    return rows.write().mode(overwrite ? SaveMode.Overwrite : SaveMode.ErrorIfExists)
        .format(fmt.equals("jsonl") ? "json" : fmt);
  }
}
