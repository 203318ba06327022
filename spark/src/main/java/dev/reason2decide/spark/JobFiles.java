// Small files beside a job's output (provenance), on any Hadoop file system, written under a temporary name.
package dev.reason2decide.spark;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/** Files where the job's output lives (local disk, HDFS, an object store). */
final class JobFiles {
  private JobFiles() {}

  /** Whether {@code path} exists (checked before a job runs, so that it does not fail only at the end). */
  static boolean exists(SparkSession spark, String path) {
    Path p = new Path(path);
    try {
      return p.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(p);
    } catch (IOException e) {
      throw new UncheckedIOException(path + ": cannot be checked: " + e.getMessage(), e);
    }
  }

  /** Writes {@code text} to {@code file}: first to a hidden temporary name beside it, then renamed. */
  static void writeString(SparkSession spark, String file, String text) {
    Path target = new Path(file);
    try {
      FileSystem fs = target.getFileSystem(spark.sparkContext().hadoopConfiguration());
      Path tmp = new Path(target.getParent(), "." + target.getName() + ".tmp");
      try (OutputStream out = fs.create(tmp, true)) {
        out.write(text.getBytes(StandardCharsets.UTF_8));
      }
      fs.delete(target, false);
      if (!fs.rename(tmp, target)) {
        throw new IOException("cannot rename " + tmp + " to " + target);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": cannot be written: " + e.getMessage(), e);
    }
  }
}
