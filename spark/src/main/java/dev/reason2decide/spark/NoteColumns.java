// Which input columns hold a note's id, text, gold label and rationale, and which to carry into the output.
package dev.reason2decide.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Column names, with {@code r2d predict}'s defaults. {@link #select} brings any input to the fixed layout that
 * {@link PartitionPredictor} reads: id, text, label, rationale, source file, unreadable line, carried columns.
 */
record NoteColumns(String id, String text, String label, String rationale, List<String> carry)
    implements Serializable {
  static final int ID = 0;
  static final int TEXT = 1;
  static final int LABEL = 2;
  static final int RATIONALE = 3;
  static final int FILE = 4;
  static final int CORRUPT = 5;
  static final int CARRY = 6;

  NoteColumns {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(rationale, "rationale");
    carry = List.copyOf(carry);
  }

  /**
   * The notes in the fixed layout, every value as text. The text and id columns must exist (a missing one is an
   * error naming the columns there are); label and rationale may be absent.
   */
  Dataset<Row> select(Dataset<Row> raw, String source) {
    List<String> present = Arrays.asList(raw.columns());
    for (String required : List.of(text, id)) {
      if (!present.contains(required)) {
        throw new IllegalArgumentException(source + ": no column '" + required + "' " + present
            + (required.equals(id) ? " (r2d spark needs an id per note: a distributed read has no line numbers "
            + "to name notes by)" : ""));
      }
    }
    for (String c : carry) {
      if (!present.contains(c)) {
        throw new IllegalArgumentException(source + ": --carry " + c + ": no such column " + present);
      }
    }
    List<Column> cols = new ArrayList<>();
    cols.add(col(q(id)).cast("string"));
    cols.add(col(q(text)).cast("string"));
    cols.add(present.contains(label) ? col(q(label)).cast("string") : lit(null).cast("string"));
    cols.add(present.contains(rationale) ? col(q(rationale)).cast("string") : lit(null).cast("string"));
    cols.add(col("_metadata.file_path"));
    cols.add(present.contains(NoteSource.CORRUPT) ? col(NoteSource.CORRUPT) : lit(null).cast("string"));
    for (String c : carry) {
      cols.add(col(q(c)).cast("string"));
    }
    return raw.select(cols.toArray(new Column[0]));
  }

  /** A column name quoted for Spark (names may hold dots or spaces). */
  private static String q(String name) {
    return "`" + name.replace("`", "``") + "`";
  }
}
