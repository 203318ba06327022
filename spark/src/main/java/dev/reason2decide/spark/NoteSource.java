// Reads notes from any Spark source: JSON lines, CSV, TSV or Parquet, a file or a folder, by --format or extension.
package dev.reason2decide.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * The formats {@code r2d spark} reads. JSON lines are read permissively: a line that is not JSON becomes a row with
 * only {@value #CORRUPT} set, which the jobs report as a bad row. CSV follows RFC 4180 (header line, quotes doubled,
 * quoted newlines), as {@code r2d predict} reads it.
 */
public enum NoteSource {
  JSONL, CSV, TSV, PARQUET;

  /** The column that holds an unreadable JSON line. */
  public static final String CORRUPT = "_corrupt_record";

  /** Parses {@code --format} (jsonl, json, csv, tsv, parquet). */
  public static NoteSource parse(String name) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "jsonl", "json", "ndjson" -> JSONL;
      case "csv" -> CSV;
      case "tsv" -> TSV;
      case "parquet" -> PARQUET;
      default -> throw new IllegalArgumentException("--format " + name + ": expected jsonl, csv, tsv or parquet");
    };
  }

  /** The format of {@code path} from its extension; for a folder, from its first data file's extension. */
  public static NoteSource of(SparkSession spark, String path) {
    String name = path;
    try {
      Path p = new Path(path);
      FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (!fs.exists(p)) {
        throw new IllegalArgumentException(path + ": no such file or folder");
      }
      if (fs.getFileStatus(p).isDirectory()) {
        name = null;
        for (FileStatus f : fs.listStatus(p)) {
          String n = f.getPath().getName();
          if (f.isFile() && !n.startsWith("_") && !n.startsWith(".")) {
            name = n;
            break;
          }
        }
        if (name == null) {
          throw new IllegalArgumentException(path + ": the folder holds no data file");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(path + ": cannot be listed: " + e.getMessage(), e);
    }
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".jsonl") || lower.endsWith(".json") || lower.endsWith(".ndjson")) {
      return JSONL;
    } else if (lower.endsWith(".csv")) {
      return CSV;
    } else if (lower.endsWith(".tsv")) {
      return TSV;
    } else if (lower.endsWith(".parquet")) {
      return PARQUET;
    }
    throw new IllegalArgumentException(path + ": cannot tell the format from '" + name + "'; pass --format "
        + "jsonl|csv|tsv|parquet");
  }

  /** Reads {@code path}; {@code schema} null lets Spark infer it (every CSV column is then text). */
  public Dataset<Row> read(SparkSession spark, String path, StructType schema) {
    DataFrameReader r = spark.read();
    if (schema != null) {
      r = r.schema(schema);
    }
    return switch (this) {
      case JSONL -> r.option("mode", "PERMISSIVE").option("columnNameOfCorruptRecord", CORRUPT).json(path);
      case CSV, TSV -> r.option("header", "true").option("multiLine", "true").option("escape", "\"")
          .option("sep", this == TSV ? "\t" : ",").option("inferSchema", "false").csv(path);
      case PARQUET -> r.parquet(path);
    };
  }
}
