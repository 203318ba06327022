// The Spark schema of r2d predict's records, read off the shared row builder, and the conversion of one record.
package dev.reason2decide.spark;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import dev.reason2decide.data.Example;
import dev.reason2decide.eval.report.PredictionRow;
import dev.reason2decide.inference.Decision;
import dev.reason2decide.io.Json;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Columns in the order and with the names {@link PredictionRow} gives them: text → string, integral number → long,
 * other number → double, true/false → boolean, an object of numbers (the label probabilities) → map string → double,
 * anything else → its JSON text. The types come from a record built for a sample note with every optional field
 * present, so a field added to {@link PredictionRow} becomes a column here without a change. A record that has a
 * field the schema lacks is an error, never a dropped field.
 */
final class PredictionSchema implements Serializable {
  private static final long serialVersionUID = 1L;

  private final StructType schema;

  private PredictionSchema(StructType schema) {
    this.schema = schema;
  }

  /** The schema for a model with these labels, plus {@code extra} text columns at the end. */
  static PredictionSchema forLabels(List<String> labels, List<String> extra) {
    Map<String, Double> probs = new LinkedHashMap<>();
    labels.forEach(l -> probs.put(l, 0.5));
    JsonObject sample = PredictionRow.of(new Example("id", "input", "label", "rationale", "source"),
        new Decision(labels.get(0), probs, "rationale"), labels);
    List<StructField> fields = new ArrayList<>();
    for (Map.Entry<String, JsonElement> e : sample.entrySet()) {
      fields.add(DataTypes.createStructField(e.getKey(), typeOf(e.getValue()), true));
    }
    for (String c : extra) {
      if (sample.has(c)) {
        throw new IllegalArgumentException("--carry " + c + ": the predictions already have a field '" + c + "'");
      }
      fields.add(DataTypes.createStructField(c, DataTypes.StringType, true));
    }
    return new PredictionSchema(DataTypes.createStructType(fields));
  }

  private static DataType typeOf(JsonElement v) {
    if (v.isJsonPrimitive()) {
      JsonPrimitive p = v.getAsJsonPrimitive();
      if (p.isBoolean()) {
        return DataTypes.BooleanType;
      }
      if (p.isNumber()) {
        return p.getAsString().matches("-?\\d+") ? DataTypes.LongType : DataTypes.DoubleType;
      }
      return DataTypes.StringType;
    }
    if (v.isJsonObject() && v.getAsJsonObject().entrySet().stream()
        .allMatch(e -> e.getValue().isJsonPrimitive() && e.getValue().getAsJsonPrimitive().isNumber())) {
      return DataTypes.createMapType(DataTypes.StringType, DataTypes.DoubleType);
    }
    return DataTypes.StringType;
  }

  StructType schema() {
    return schema;
  }

  /** This schema plus a text column {@code name} at the end. */
  StructType with(String name) {
    return schema.add(name, DataTypes.StringType, true);
  }

  /** The row of one record, with {@code extra} values for the extra columns and {@code tail} appended. */
  Row toRow(JsonObject record, List<String> extra, Object... tail) {
    int predictionFields = schema.size() - extra.size();
    for (String key : record.keySet()) {
      if (schema.getFieldIndex(key).isEmpty()) {
        throw new IllegalStateException("prediction field '" + key + "' is not in the Spark schema " + schema);
      }
    }
    Object[] values = new Object[schema.size() + tail.length];
    for (int i = 0; i < predictionFields; i++) {
      StructField f = schema.fields()[i];
      JsonElement v = record.get(f.name());
      values[i] = v == null || v.isJsonNull() ? null : value(v, f.dataType());
    }
    for (int i = 0; i < extra.size(); i++) {
      values[predictionFields + i] = extra.get(i);
    }
    System.arraycopy(tail, 0, values, schema.size(), tail.length);
    return RowFactory.create(values);
  }

  private static Object value(JsonElement v, DataType t) {
    if (t.equals(DataTypes.StringType)) {
      return v.isJsonPrimitive() ? v.getAsString() : Json.COMPACT.toJson(v);
    } else if (t.equals(DataTypes.LongType)) {
      return v.getAsLong();
    } else if (t.equals(DataTypes.DoubleType)) {
      return v.getAsDouble();
    } else if (t.equals(DataTypes.BooleanType)) {
      return v.getAsBoolean();
    }
    Map<String, Double> m = new LinkedHashMap<>();
    v.getAsJsonObject().entrySet().forEach(e -> m.put(e.getKey(), e.getValue().getAsDouble()));
    return scala.collection.immutable.ListMap$.MODULE$.from(scala.jdk.javaapi.CollectionConverters.asScala(m));
  }

  /** A row with only the id, the input and the extra columns set, and {@code tail} appended (a bad note). */
  Row emptyRow(String id, String input, List<String> extra, Object... tail) {
    Object[] values = new Object[schema.size() + tail.length];
    values[schema.fieldIndex("id")] = id;
    values[schema.fieldIndex("input")] = input;
    int predictionFields = schema.size() - extra.size();
    for (int i = 0; i < extra.size(); i++) {
      values[predictionFields + i] = extra.get(i);
    }
    System.arraycopy(tail, 0, values, schema.size(), tail.length);
    return RowFactory.create(values);
  }
}
