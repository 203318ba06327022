// Writes examples as JSONL, CSV or TSV with the configured column names, atomically (never a partial file).
package dev.reason2decide.data;

import com.google.gson.JsonObject;
import dev.reason2decide.io.AtomicFiles;
import dev.reason2decide.io.Json;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes examples in the format of the file extension. Columns: id, input, label, rationale, rationale source
 * (names from {@link Columns}). CSV quotes a field when it holds the delimiter, a quote or a line break (RFC 4180);
 * TSV fields may not hold tabs or line breaks. A field a spreadsheet would run as a formula is escaped
 * ({@link CsvCells}); {@link ExampleReader} reads it back as it was.
 */
public final class ExampleWriter {
  private final Columns columns;

  public ExampleWriter(Columns columns) {
    this.columns = columns;
  }

  /** Writes with the authors' column names. */
  public static void writeDefault(Path file, List<Example> examples) {
    new ExampleWriter(Columns.DEFAULT).write(file, examples);
  }

  public void write(Path file, List<Example> examples) {
    FileFormat format = FileFormat.of(file);
    AtomicFiles.write(file, w -> {
      if (format == FileFormat.JSONL) {
        for (Example e : examples) {
          w.write(Json.COMPACT.toJson(toJson(e)));
          w.write('\n');
        }
      } else {
        writeDelimited(w, examples, format.delimiter(), file);
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

  private void writeDelimited(Writer w, List<Example> examples, char d, Path file) throws IOException {
    row(w, d, file, columns.id(), columns.input(), columns.label(), columns.rationale(), columns.source());
    for (Example e : examples) {
      row(w, d, file, e.id(), e.input(), e.label(), e.rationale(),
          e.rationaleSource() == null ? "" : e.rationaleSource());
    }
  }

  private static void row(Writer w, char d, Path file, String... fields) throws IOException {
    for (int i = 0; i < fields.length; i++) {
      if (i > 0) {
        w.write(d);
      }
      w.write(field(fields[i], d, file));
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
