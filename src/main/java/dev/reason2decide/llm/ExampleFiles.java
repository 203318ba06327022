// Reads and writes example files (JSONL or CSV) for the LLM commands; a stand-in until the data package's reader.
package dev.reason2decide.llm;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.reason2decide.data.Example;
import dev.reason2decide.io.AtomicFiles;
import dev.reason2decide.io.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Example files. JSONL: one object per line with {@code id} (optional), {@code question} or {@code input},
 * {@code label}, {@code rationale} (optional), {@code rationale_source} (optional). CSV (by the {@code .csv}
 * extension): a header naming at least {@code question} and {@code label}, optionally {@code id},
 * {@code rationale}, {@code rationale_source}. Examples without an id get their 1-based position ("1", "2", ...).
 * Ids must be unique. Errors name the file, the line and the field.
 */
public final class ExampleFiles {
  private ExampleFiles() {}

  public static List<Example> read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": cannot be read: " + e.getMessage(), e);
    }
    List<Example> out = isCsv(file) ? readCsv(text, file.toString()) : readJsonl(text, file.toString());
    Set<String> seen = new HashSet<>();
    for (Example e : out) {
      if (!seen.add(e.id())) {
        throw new IllegalArgumentException(file + ": id \"" + e.id() + "\" occurs more than once");
      }
    }
    return out;
  }

  static boolean isCsv(Path file) {
    return file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".csv");
  }

  private static List<Example> readJsonl(String text, String source) {
    List<Example> out = new ArrayList<>();
    List<String> lines = text.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      String where = source + ":" + (i + 1);
      JsonObject o = object(line, where);
      String id = optional(o, "id", where);
      String input = optional(o, "question", where);
      if (input == null) {
        input = optional(o, "input", where);
      }
      if (input == null || input.isBlank()) {
        throw new IllegalArgumentException(where + ": field \"question\" (or \"input\") is missing or empty");
      }
      String label = optional(o, "label", where);
      if (label == null || label.isBlank()) {
        throw new IllegalArgumentException(where + ": field \"label\" is missing or empty");
      }
      String rationale = optional(o, "rationale", where);
      String src = optional(o, "rationale_source", where);
      out.add(new Example(id != null ? id : Integer.toString(out.size() + 1), input, label.strip(),
          rationale == null ? "" : rationale, src == null ? "" : src));
    }
    return out;
  }

  static JsonObject object(String line, String where) {
    JsonElement e;
    try {
      e = JsonParser.parseString(line);
    } catch (RuntimeException ex) {
      throw new IllegalArgumentException(where + ": not valid JSON (" + ex.getMessage() + ")", ex);
    }
    if (!e.isJsonObject()) {
      throw new IllegalArgumentException(where + ": expected a JSON object");
    }
    return e.getAsJsonObject();
  }

  /** A string field (numbers are accepted as their text), or null when absent. */
  static String optional(JsonObject o, String field, String where) {
    JsonElement e = o.get(field);
    if (e == null || e.isJsonNull()) {
      return null;
    }
    if (!e.isJsonPrimitive()) {
      throw new IllegalArgumentException(where + ": field \"" + field + "\" must be a string");
    }
    return e.getAsString();
  }

  private static List<Example> readCsv(String text, String source) {
    CsvTable t = CsvTable.parse(text, source);
    int q = t.column("question");
    int l = t.column("label");
    if (q < 0 || l < 0) {
      throw new IllegalArgumentException(source + ":1: header must name \"question\" and \"label\", found "
          + t.header());
    }
    int id = t.column("id");
    int r = t.column("rationale");
    int s = t.column("rationale_source");
    List<Example> out = new ArrayList<>();
    for (CsvTable.Row row : t.rows()) {
      List<String> c = row.cells();
      String where = source + ":" + row.line();
      if (c.get(q).isBlank()) {
        throw new IllegalArgumentException(where + ": field \"question\" is empty");
      }
      if (c.get(l).isBlank()) {
        throw new IllegalArgumentException(where + ": field \"label\" is empty");
      }
      String theId = id >= 0 && !c.get(id).isBlank() ? c.get(id) : Integer.toString(out.size() + 1);
      out.add(new Example(theId, c.get(q), c.get(l).strip(), r >= 0 ? c.get(r) : "", s >= 0 ? c.get(s) : ""));
    }
    return out;
  }

  /** Writes examples atomically: JSONL, or CSV when the name ends in {@code .csv}. */
  public static void write(Path file, List<Example> examples) {
    if (isCsv(file)) {
      AtomicFiles.write(file, w -> {
        w.write(CsvTable.line(List.of("id", "question", "label", "rationale", "rationale_source")));
        for (Example e : examples) {
          w.write(CsvTable.line(List.of(e.id(), e.input(), e.label(), nz(e.rationale()),
              nz(e.rationaleSource()))));
        }
      });
      return;
    }
    AtomicFiles.write(file, w -> {
      for (Example e : examples) {
        w.write(Json.COMPACT.toJson(toJson(e)));
        w.write('\n');
      }
    });
  }

  static JsonObject toJson(Example e) {
    JsonObject o = new JsonObject();
    o.addProperty("id", e.id());
    o.addProperty("question", e.input());
    o.addProperty("label", e.label());
    o.addProperty("rationale", nz(e.rationale()));
    o.addProperty("rationale_source", nz(e.rationaleSource()));
    return o;
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
