// Reads example files (JSONL, CSV, TSV) into Examples, failing on or counting every malformed row.
package dev.reason2decide.data;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.reason2decide.io.InvalidUtf8;
import dev.reason2decide.io.StrictJson;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads examples. A row is malformed when it is not valid JSON (or not an object), has the wrong number of CSV
 * fields, lacks the input, label or rationale, has one that is empty or not text, has a label outside the label
 * set, or repeats an id. Strict reading throws {@link MalformedExampleException} naming file, line and field;
 * with {@link ReadOptions#skipMalformed()} the row is skipped and listed in the {@link ReadReport}.
 * A missing id becomes {@code <file-stem>-<line>}; a missing rationale source becomes empty. An input column alias
 * ({@link Columns#inputAlias()}) is read where the input column is absent. A UTF-8 byte order mark is ignored; the
 * file must be valid UTF-8.
 */
public final class ExampleReader {
  private final ReadOptions options;

  public ExampleReader(ReadOptions options) {
    this.options = options;
  }

  /** Reads with the default options (authors' columns, any label, strict). */
  public static ExampleSet readDefault(Path file) {
    return new ExampleReader(ReadOptions.DEFAULT).read(file);
  }

  /** Reads a file; its format comes from the extension ({@link FileFormat#of}). */
  public ExampleSet read(Path file) {
    FileFormat format = FileFormat.of(file);
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(file + ": no such file");
    }
    Collector c = new Collector(file);
    try (BufferedReader r = open(file)) {
      if (format == FileFormat.JSONL) {
        readJsonl(r, c);
      } else {
        readDelimited(r, c, format.delimiter());
      }
    } catch (CharacterCodingException e) {
      // the decoder reads ahead in blocks, so the line being parsed is not where the bad bytes are
      InvalidUtf8.Location bad = InvalidUtf8.find(file);
      throw bad == null ? new UncheckedIOException(file + ": cannot be read: " + e.getMessage(), e)
          : new MalformedExampleException(file, (int) bad.line(), null, bad.describe());
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": cannot be read: " + e.getMessage(), e);
    }
    return new ExampleSet(c.examples, new ReadReport(file, c.rows, c.examples.size(), c.skipped));
  }

  private static BufferedReader open(Path file) throws IOException {
    var decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    BufferedReader r = new BufferedReader(new InputStreamReader(Files.newInputStream(file), decoder));
    r.mark(1);
    if (r.read() != '\uFEFF') {
      r.reset();
    }
    return r;
  }

  private void readJsonl(BufferedReader r, Collector c) throws IOException {
    String text;
    int line = 0;
    while ((text = r.readLine()) != null) {
      line++;
      c.lastLine = line;
      if (text.isBlank()) {
        continue;
      }
      c.rows++;
      final int at = line;
      final String row = text;
      c.attempt(() -> {
        JsonElement el;
        try {
          el = StrictJson.parse(row);
        } catch (IllegalArgumentException e) {
          throw new MalformedExampleException(c.file, at, null, e.getMessage());
        }
        if (!el.isJsonObject()) {
          throw new MalformedExampleException(c.file, at, null, "not a JSON object");
        }
        JsonObject o = el.getAsJsonObject();
        Map<String, String> fields = new HashMap<>();
        for (var entry : o.entrySet()) {
          JsonElement v = entry.getValue();
          if (v.isJsonNull()) {
            continue;
          }
          if (!v.isJsonPrimitive()) {
            if (isUsed(entry.getKey())) {
              throw new MalformedExampleException(c.file, at, entry.getKey(), "must be text, found " + kind(v));
            }
            continue;
          }
          fields.put(entry.getKey(), v.getAsString());
        }
        return fields;
      }, at);
    }
  }

  private boolean isUsed(String key) {
    Columns k = options.columns();
    return key.equals(k.input()) || key.equals(k.label()) || key.equals(k.rationale()) || key.equals(k.id())
        || key.equals(k.source()) || key.equals(k.inputAlias());
  }

  /** The column to read the input from: the input alias where only it is present, else the input column. */
  private String inputColumn(Set<String> present) {
    Columns k = options.columns();
    return k.inputAlias() != null && !present.contains(k.input()) && present.contains(k.inputAlias())
        ? k.inputAlias() : k.input();
  }

  /** For a missing input column with an alias: says that the alias is missing too. */
  private String aliasNote(String column) {
    Columns k = options.columns();
    return column.equals(k.input()) && k.inputAlias() != null ? " (and no '" + k.inputAlias() + "' either)" : "";
  }

  private static String kind(JsonElement v) {
    return v.isJsonArray() ? "an array" : "an object";
  }

  private void readDelimited(BufferedReader r, Collector c, char delimiter) throws IOException {
    CsvRecords records = new CsvRecords(r, c.file, delimiter);
    CsvRecords.Header header = records.header();
    c.lastLine = header.line();
    Map<String, Integer> index = header.columns();
    Columns k = options.columns();
    List<String> required = new ArrayList<>(List.of(inputColumn(index.keySet())));
    if (options.requireLabel()) {
      required.add(k.label());
    }
    if (options.requireRationale()) {
      required.add(k.rationale());
    }
    for (String col : required) {
      if (!index.containsKey(col)) {
        throw new MalformedExampleException(c.file, header.line(), col,
            "column missing from the header" + aliasNote(col) + " " + index.keySet());
      }
    }
    while (true) {
      CsvRecords.Row row;
      try {
        row = records.next();
      } catch (MalformedExampleException e) {
        c.rows++;
        c.fail(e);
        continue;
      }
      if (row == null) {
        break;
      }
      c.rows++;
      c.lastLine = row.line();
      c.attempt(() -> records.named(row), row.line());
    }
  }

  /** Something that parses a row into named fields, or throws MalformedExampleException. */
  @FunctionalInterface
  private interface RowParser {
    Map<String, String> fields();
  }

  /** Accumulates examples, skipped rows and ids for one file. */
  private final class Collector {
    final Path file;
    final String stem;
    final List<Example> examples = new ArrayList<>();
    final List<ReadReport.Skipped> skipped = new ArrayList<>();
    final Map<String, Integer> idLines = new HashMap<>();
    int rows;
    int lastLine;

    Collector(Path file) {
      this.file = file;
      String name = file.getFileName().toString();
      int dot = name.lastIndexOf('.');
      this.stem = dot > 0 ? name.substring(0, dot) : name;
    }

    void attempt(RowParser parser, int line) {
      try {
        examples.add(toExample(parser.fields(), line));
      } catch (MalformedExampleException e) {
        fail(e);
      }
    }

    void fail(MalformedExampleException e) {
      if (!options.skipMalformed()) {
        throw e;
      }
      skipped.add(new ReadReport.Skipped(e.line(), e.field(), e.problem()));
    }

    private Example toExample(Map<String, String> f, int line) {
      Columns k = options.columns();
      String input = required(f, inputColumn(f.keySet()), line);
      String label = options.requireLabel() ? required(f, k.label(), line).strip()
          : f.getOrDefault(k.label(), "").strip();
      if ((options.requireLabel() || !label.isEmpty()) && !options.labels().accepts(label)) {
        throw new MalformedExampleException(file, line, k.label(),
            "unknown label '" + label + "' (expected one of " + options.labels() + ")");
      }
      String rationale = options.requireRationale() ? required(f, k.rationale(), line)
          : f.getOrDefault(k.rationale(), "");
      String id = f.get(k.id());
      if (id == null || id.isBlank()) {
        id = stem + "-" + line;
      } else {
        id = id.strip();
      }
      Integer first = idLines.get(id);
      if (first != null) {
        throw new MalformedExampleException(file, line, k.id(), "id '" + id + "' already used on line " + first);
      }
      idLines.put(id, line);
      String source = f.getOrDefault(k.source(), "").strip();
      return new Example(id, input, label, rationale, source);
    }

    private String required(Map<String, String> f, String column, int line) {
      String v = f.get(column);
      if (v == null) {
        throw new MalformedExampleException(file, line, column, "missing" + aliasNote(column));
      }
      if (dev.reason2decide.io.BlankText.isBlank(v)) {
        throw new MalformedExampleException(file, line, column, v.isBlank() ? "empty"
            : "empty (only invisible characters)");
      }
      return v;
    }
  }
}
