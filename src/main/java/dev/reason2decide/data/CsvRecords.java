// An RFC 4180 record reader: quoted fields with doubled quotes and embedded line breaks, CRLF or LF.
package dev.reason2decide.data;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads delimited records one at a time, tracking the line each record starts on. A quote inside an unquoted
 * field, text after a closing quote, and an unterminated quote are errors ({@link MalformedExampleException}).
 * After a malformed record the reader resynchronises at the next line break outside quotes. {@link #header()}
 * reads the first record as column names and {@link #named} gives a later record by those names; the header
 * requires no particular column. A field escaped against spreadsheet formulas ({@link CsvCells}) is read as it was.
 */
public final class CsvRecords {
  /** One record and the 1-based line it starts on. */
  public record Row(int line, List<String> fields) {}

  /** The header row: the line it stands on and each column name (stripped) with its position. */
  public record Header(int line, Map<String, Integer> columns) {}

  private final Reader in;
  private final Path file;
  private final char delimiter;
  private int line = 1;
  private int pushback = -2;
  private Header header;

  /** Records of {@code in}; {@code file} is named in errors. */
  public CsvRecords(Reader in, Path file, char delimiter) {
    this.in = in;
    this.file = file;
    this.delimiter = delimiter;
  }

  private int read() throws IOException {
    if (pushback != -2) {
      int c = pushback;
      pushback = -2;
      return c;
    }
    return in.read();
  }

  /** Reads the first record as the header; an empty input or a column named twice is an error. */
  public Header header() throws IOException {
    Row row = next();
    if (row == null) {
      throw new MalformedExampleException(file, 1, null, "empty file: a header row is needed");
    }
    Map<String, Integer> columns = new LinkedHashMap<>();
    for (int i = 0; i < row.fields().size(); i++) {
      String name = row.fields().get(i).strip();
      if (columns.putIfAbsent(name, i) != null) {
        throw new MalformedExampleException(file, row.line(), name, "column appears twice in the header");
      }
    }
    header = new Header(row.line(), Collections.unmodifiableMap(columns));
    return header;
  }

  /** A record read after {@link #header()} as column name to field; another number of fields is an error. */
  public Map<String, String> named(Row row) {
    if (header == null) {
      throw new IllegalStateException("read the header first");
    }
    Map<String, Integer> columns = header.columns();
    if (row.fields().size() != columns.size()) {
      throw new MalformedExampleException(file, row.line(), null,
          "has " + row.fields().size() + " fields, the header has " + columns.size());
    }
    Map<String, String> fields = new HashMap<>();
    columns.forEach((name, i) -> fields.put(name, row.fields().get(i)));
    return fields;
  }

  /** The next record, or null at the end of the input. Blank lines are not records. */
  public Row next() throws IOException {
    while (true) {
      int c = read();
      if (c == -1) {
        return null;
      }
      if (c == '\r' || c == '\n') {
        consumeLineBreak(c);
        continue;
      }
      pushback = c;
      return record();
    }
  }

  private void consumeLineBreak(int c) throws IOException {
    if (c == '\r') {
      int d = read();
      if (d != '\n' && d != -1) {
        pushback = d;
      }
    }
    line++;
  }

  private Row record() throws IOException {
    int start = line;
    List<String> fields = new ArrayList<>();
    StringBuilder f = new StringBuilder();
    boolean quoted = false;
    boolean afterQuote = false;
    boolean fieldStart = true;
    while (true) {
      int c = read();
      if (quoted) {
        if (c == -1) {
          throw new MalformedExampleException(file, start, null, "unterminated quoted field (opened in this record)");
        }
        if (c == '"') {
          int d = read();
          if (d == '"') {
            f.append('"');
          } else {
            pushback = d;
            quoted = false;
            afterQuote = true;
          }
        } else {
          if (c == '\n' || (c == '\r')) {
            line++;
            if (c == '\r') {
              int d = read();
              if (d != '\n') {
                pushback = d;
              }
              f.append('\n');
              continue;
            }
          }
          f.append((char) c);
        }
        continue;
      }
      if (c == -1 || c == '\r' || c == '\n') {
        fields.add(CsvCells.unescape(f.toString()));
        if (c != -1) {
          consumeLineBreak(c);
        }
        return new Row(start, fields);
      }
      if (c == delimiter) {
        fields.add(CsvCells.unescape(f.toString()));
        f.setLength(0);
        afterQuote = false;
        fieldStart = true;
        continue;
      }
      if (afterQuote) {
        skipRestOfLine(c);
        throw new MalformedExampleException(file, start, null,
            "text after a closing quote in field " + (fields.size() + 1));
      }
      if (c == '"') {
        if (fieldStart) {
          quoted = true;
          fieldStart = false;
          continue;
        }
        skipRestOfLine(c);
        throw new MalformedExampleException(file, start, null,
            "quote inside an unquoted field " + (fields.size() + 1) + " (quote the whole field and double the quote)");
      }
      fieldStart = false;
      f.append((char) c);
    }
  }

  private void skipRestOfLine(int c) throws IOException {
    while (c != -1 && c != '\n' && c != '\r') {
      c = read();
    }
    if (c != -1) {
      consumeLineBreak(c);
    }
  }
}
