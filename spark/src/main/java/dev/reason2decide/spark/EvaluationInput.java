// The rows r2d spark evaluate scores: predictions (r2d predict's fields) joined by id with optional gold examples.
package dev.reason2decide.spark;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.from_json;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.to_json;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.MapType;

/**
 * Brings predictions (and gold examples) to one layout: id, label, rationale, predicted_label, predicted_rationale,
 * probabilities (map label → probability), then the gold side's id, label and rationale (null without --gold), the
 * note's text from the predictions ({@code input}, else {@code question}) and from the gold side ({@code question},
 * else {@code input}; null without --gold), the trust verdict as JSON text (null when the predictions have none), then
 * the group-by columns. Predictions are read as {@code r2d evaluate}
 * reads them; gold examples are matched by id only (a distributed read has no line order to match by).
 */
final class EvaluationInput {
  static final int ID = 0;
  static final int LABEL = 1;
  static final int RATIONALE = 2;
  static final int PREDICTED_LABEL = 3;
  static final int PREDICTED_RATIONALE = 4;
  static final int PROBABILITIES = 5;
  static final int GOLD_ID = 6;
  static final int GOLD_LABEL = 7;
  static final int GOLD_RATIONALE = 8;
  static final int INPUT = 9;
  static final int GOLD_INPUT = 10;
  static final int TRUST = 11;
  static final int GROUPS = 12;

  private static final MapType PROBABILITIES_TYPE = DataTypes.createMapType(DataTypes.StringType,
      DataTypes.DoubleType);

  private EvaluationInput() {}

  /** Predictions (file or folder), optionally joined with gold; every group-by column must be in one of them. */
  static Dataset<Row> read(SparkSession spark, String predictions, String format, String gold, String goldFormat,
      List<String> groupBy) {
    NoteSource ps = format != null ? NoteSource.parse(format) : NoteSource.of(spark, predictions);
    Dataset<Row> p = ps.read(spark, predictions, null);
    List<String> pc = Arrays.asList(p.columns());
    if (pc.contains(NoteSource.CORRUPT)) {
      throw new IllegalArgumentException(predictions + ": some lines are not valid JSON records");
    }
    if (!pc.contains("predicted_label") && !pc.contains("Predicted_Label")) {
      throw new IllegalArgumentException(predictions + ": no predicted_label field " + pc);
    }
    List<Column> cols = new ArrayList<>();
    cols.add(text(pc, "id"));
    cols.add(text(pc, "label"));
    cols.add(text(pc, "rationale"));
    cols.add(text(pc, pc.contains("predicted_label") ? "predicted_label" : "Predicted_Label"));
    cols.add(text(pc, pc.contains("predicted_rationale") ? "predicted_rationale" : "Predicted_Rationale"));
    cols.add(probabilities(p, pc));
    Dataset<Row> g = null;
    List<String> gc = List.of();
    if (gold != null) {
      NoteSource gs = goldFormat != null ? NoteSource.parse(goldFormat) : NoteSource.of(spark, gold);
      g = gs.read(spark, gold, null);
      gc = Arrays.asList(g.columns());
      if (gc.contains(NoteSource.CORRUPT)) {
        throw new IllegalArgumentException(gold + ": some lines are not valid JSON records");
      }
      for (String required : List.of("id", "label")) {
        if (!gc.contains(required)) {
          throw new IllegalArgumentException(gold + ": no column '" + required + "' " + gc + " (r2d spark "
              + "evaluate matches gold examples by id)");
        }
      }
      if (!pc.contains("id")) {
        throw new IllegalArgumentException(predictions + ": no id field, so the predictions cannot be matched "
            + "with " + gold);
      }
    }
    for (String c : groupBy) {
      if (!pc.contains(c) && !gc.contains(c)) {
        throw new IllegalArgumentException("--group-by " + c + ": " + (gold != null ? "neither " + predictions
            + " nor " + gold + " has" : predictions + " has no") + " such column");
      }
    }
    Column input = firstOf(pc, "input", "question").as("_input");
    Column trust = trust(p, pc).as("_trust");
    if (g == null) {
      cols.add(lit(null).cast("string"));
      cols.add(lit(null).cast("string"));
      cols.add(lit(null).cast("string"));
      cols.add(input);
      cols.add(lit(null).cast("string"));
      cols.add(trust);
      for (String c : groupBy) {
        cols.add(col(q(c)).cast("string"));
      }
      return p.select(cols.toArray(new Column[0]));
    }
    requireUnique(p, "id", predictions);
    requireUnique(g, "id", gold);
    List<Column> goldCols = new ArrayList<>();
    goldCols.add(col("id").cast("string").as("_gold_id"));
    goldCols.add(col("label").cast("string").as("_gold_label"));
    goldCols.add(gc.contains("rationale") ? col("rationale").cast("string").as("_gold_rationale")
        : lit(null).cast("string").as("_gold_rationale"));
    goldCols.add(firstOf(gc, "question", "input").as("_gold_input"));
    for (String c : groupBy) {
      if (!pc.contains(c)) {
        goldCols.add(col(q(c)).cast("string").as("_gold_group_" + c));
      }
    }
    List<Column> predCols = new ArrayList<>(cols);
    predCols.add(input);
    predCols.add(trust);
    for (String c : groupBy) {
      if (pc.contains(c)) {
        predCols.add(col(q(c)).cast("string").as("_pred_group_" + c));
      }
    }
    Dataset<Row> left = p.select(predCols.toArray(new Column[0]));
    Dataset<Row> right = g.select(goldCols.toArray(new Column[0]));
    Dataset<Row> joined = left.join(right, left.col("id").equalTo(right.col("_gold_id")), "full_outer");
    List<Column> out = new ArrayList<>();
    for (String c : List.of("id", "label", "rationale", "predicted_label", "predicted_rationale",
        "probabilities", "_gold_id", "_gold_label", "_gold_rationale", "_input", "_gold_input", "_trust")) {
      out.add(col(c));
    }
    for (String c : groupBy) {
      out.add(col(pc.contains(c) ? "_pred_group_" + c : "_gold_group_" + c));
    }
    return joined.select(out.toArray(new Column[0]));
  }

  private static Column text(List<String> present, String name) {
    return (present.contains(name) ? col(q(name)).cast("string") : lit(null).cast("string")).as(name);
  }

  /** Per row the first of two text columns that is present and not null. */
  private static Column firstOf(List<String> present, String a, String b) {
    Column ca = present.contains(a) ? col(q(a)).cast("string") : lit(null).cast("string");
    Column cb = present.contains(b) ? col(q(b)).cast("string") : lit(null).cast("string");
    return coalesce(ca, cb);
  }

  /** The trust verdict as JSON text: a string column as it is, an object (a struct when inferred) written out. */
  private static Column trust(Dataset<Row> p, List<String> present) {
    if (!present.contains("trust")) {
      return lit(null).cast("string");
    }
    return p.schema().apply("trust").dataType() == DataTypes.StringType ? col("trust")
        : to_json(col("trust"));
  }

  /** The probabilities as a map; JSON objects read with an inferred schema are structs and are converted. */
  private static Column probabilities(Dataset<Row> p, List<String> present) {
    if (!present.contains("probabilities")) {
      return lit(null).cast(PROBABILITIES_TYPE).as("probabilities");
    }
    DataType t = p.schema().apply("probabilities").dataType();
    if (t instanceof MapType) {
      return col("probabilities").cast(PROBABILITIES_TYPE).as("probabilities");
    }
    return from_json(to_json(col("probabilities")), PROBABILITIES_TYPE).as("probabilities");
  }

  private static void requireUnique(Dataset<Row> d, String column, String source) {
    Row[] dup = (Row[]) d.groupBy(col(column).cast("string").as("k")).count().filter(col("count").gt(1)).limit(1)
        .collect();
    if (dup.length > 0) {
      throw new IllegalArgumentException(source + ": id '" + dup[0].getString(0) + "' appears "
          + dup[0].getLong(1) + " times");
    }
  }

  private static String q(String name) {
    return "`" + name.replace("`", "``") + "`";
  }
}
