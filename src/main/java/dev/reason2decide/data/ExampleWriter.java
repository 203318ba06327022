// Writes examples as JSONL, CSV or TSV with the configured column names, atomically (never a partial file).
package dev.reason2decide.data;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.reason2decide.io.AtomicFiles;
import dev.reason2decide.io.Json;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes examples in the format of the file extension. Columns: id, input, label, rationale, rationale source
 * (names from {@link Columns}). CSV quotes a field when it holds the delimiter, a quote or a line break (RFC 4180);
 * TSV fields may not hold tabs or line breaks. A field a spreadsheet would run as a formula is escaped
 * ({@link CsvCells}); {@link ExampleReader} reads it back as it was. A {@link ListColumn} may follow the standard
 * columns (the reader ignores it).
 */
public final class ExampleWriter {
  private final Columns columns;

  /**
   * A column after the standard ones holding a list of words per example (in example order): a JSON array in
   * JSONL, the words joined by {@code ;} in CSV and TSV.
   */
  public record ListColumn(String name, List<List<String>> values) {}

  public ExampleWriter(Columns columns) {
    this.columns = columns;
  }

  /** Writes with the authors' column names. */
  public static void writeDefault(Path file, List<Example> examples) {
    new ExampleWriter(Columns.DEFAULT).write(file, examples);
  }

  public void write(Path file, List<Example> examples) {
    write(file, examples, null);
  }

  /** Writes the examples with one more column after the standard ones ({@code extra} may be null: none). */
  public void write(Path file, List<Example> examples, ListColumn extra) {
    if (extra != null && extra.values().size() != examples.size()) {
      throw new IllegalArgumentException("column " + extra.name() + " has " + extra.values().size()
          + " values for " + examples.size() + " examples");
    }
    FileFormat format = FileFormat.of(file);
    AtomicFiles.write(file, w -> {
      if (format == FileFormat.JSONL) {
        for (int i = 0; i < examples.size(); i++) {
          JsonObject o = toJson(examples.get(i));
          if (extra != null) {
            JsonArray words = new JsonArray();
            extra.values().get(i).forEach(words::add);
            o.add(extra.name(), words);
          }
          w.write(Json.COMPACT.toJson(o));
          w.write('\n');
        }
      } else {
        writeDelimited(w, examples, extra, format.delimiter(), file);
      }
    });
  }

  /** The JSON object of one example, keys in column order. */
  public JsonObject toJson(Example e) {
    JsonObject o = new JsonObject();
    o.addProperty(columns.id(), e.id());
    o.addProperty(columns.input(), e.input());
    o.addProperty(columns.label(), e.label());
    o.addProperty(columns.rationale(), e.rationale());
    o.addProperty(columns.source(), e.rationaleSource() == null ? "" : e.rationaleSource());
    return o;
  }

  private void writeDelimited(Writer w, List<Example> examples, ListColumn extra, char d, Path file)
      throws IOException {
    List<String> header = new ArrayList<>(List.of(columns.id(), columns.input(), columns.label(),
        columns.rationale(), columns.source()));
    if (extra != null) {
      header.add(extra.name());
    }
    row(w, d, file, header);
    for (int i = 0; i < examples.size(); i++) {
      Example e = examples.get(i);
      List<String> fields = new ArrayList<>(List.of(e.id(), e.input(), e.label(), e.rationale(),
          e.rationaleSource() == null ? "" : e.rationaleSource()));
      if (extra != null) {
        fields.add(String.join(";", extra.values().get(i)));
      }
      row(w, d, file, fields);
    }
  }

  private static void row(Writer w, char d, Path file, List<String> fields) throws IOException {
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        w.write(d);
      }
      w.write(field(fields.get(i), d, file));
    }
    w.write("\r\n");
  }

  private static String field(String raw, char d, Path file) {
    String v = CsvCells.escape(raw);
    boolean special = v.indexOf(d) >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0;
    if (!special) {
      return v;
    }
    if (d == '\t') {
      throw new IllegalArgumentException(file + ": TSV cannot hold tabs, quotes or line breaks in a field; use .csv"
          + " or .jsonl (value starts: " + v.substring(0, Math.min(40, v.length())) + ")");
    }
    return '"' + v.replace("\"", "\"\"") + '"';
  }
}
