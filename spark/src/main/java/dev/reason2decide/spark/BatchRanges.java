// Puts notes into partitions of whole, consecutive batches in input order: the batches r2d predict would form.
package dev.reason2decide.spark;

import org.apache.spark.Partitioner;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import scala.Tuple2;

/**
 * Numbers the notes in input order and gives partition p the batches {@code p·k .. p·k + k - 1} (k batches of
 * {@code batchSize} notes per partition), sorted by number. Each partition thus decides exactly the batches that
 * {@code r2d predict} decides for the same file, so the padded shapes, and with them the floating-point results,
 * are the same; and the output keeps the input's order. The cost is one pass to count and one shuffle of the
 * notes' text, small beside decoding. Input order is Spark's order of the input splits: the line order of a single
 * file (Spark reads several files largest first).
 */
final class BatchRanges extends Partitioner {
  private static final long serialVersionUID = 1L;

  private final int partitions;
  private final int batchSize;
  private final long batchesPerPartition;

  BatchRanges(int partitions, int batchSize, long notes) {
    if (partitions < 1 || batchSize < 1) {
      throw new IllegalArgumentException("partitions and batch size must be at least 1, got " + partitions + ", "
          + batchSize);
    }
    this.partitions = partitions;
    this.batchSize = batchSize;
    long batches = (notes + batchSize - 1) / batchSize;
    this.batchesPerPartition = Math.max(1, (batches + partitions - 1) / partitions);
  }

  @Override
  public int numPartitions() {
    return partitions;
  }

  @Override
  public int getPartition(Object key) {
    long index = (Long) key;
    return (int) Math.min(partitions - 1, index / batchSize / batchesPerPartition);
  }

  /** The notes in {@code partitions} partitions of whole consecutive batches, each sorted by input position. */
  static JavaRDD<Row> arrange(Dataset<Row> notes, int partitions, int batchSize) {
    JavaRDD<Row> rows = notes.javaRDD();
    long n = rows.count();
    return rows.zipWithIndex().mapToPair(t -> new Tuple2<>(t._2(), t._1()))
        .repartitionAndSortWithinPartitions(new BatchRanges(partitions, batchSize, n)).values();
  }
}
