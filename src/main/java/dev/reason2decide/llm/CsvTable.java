// RFC 4180 CSV reading and writing for example and prediction files (quoted fields may hold commas and newlines).
package dev.reason2decide.llm;

import java.util.ArrayList;
import java.util.List;

/** A parsed CSV file: its header and its records, each with the line it starts on. */
record CsvTable(List<String> header, List<Row> rows) {

  /** One record and the 1-based line where it starts. */
  record Row(int line, List<String> cells) {}

  /** Parses {@code text}; {@code source} names the file in error messages. */
  static CsvTable parse(String text, String source) {
    List<Row> records = new ArrayList<>();
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    int line = 1;
    int startLine = 1;
    boolean quoted = false;
    boolean afterQuote = false;
    boolean any = false;
    int n = text.length();
    int i = text.startsWith("\uFEFF") ? 1 : 0;
    for (; i < n; i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < n && text.charAt(i + 1) == '"') {
            cell.append('"');
            i++;
          } else {
            quoted = false;
            afterQuote = true;
          }
        } else {
          if (c == '\n') {
            line++;
          }
          cell.append(c);
        }
        continue;
      }
      if (c == '"') {
        if (cell.length() > 0 || afterQuote) {
          throw new IllegalArgumentException(source + ":" + line + ": a quote inside an unquoted CSV field");
        }
        quoted = true;
        any = true;
      } else if (c == ',') {
        cells.add(cell.toString());
        cell.setLength(0);
        afterQuote = false;
        any = true;
      } else if (c == '\r' || c == '\n') {
        if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
          i++;
        }
        if (any || cell.length() > 0) {
          cells.add(cell.toString());
          records.add(new Row(startLine, List.copyOf(cells)));
        }
        cells.clear();
        cell.setLength(0);
        afterQuote = false;
        any = false;
        line++;
        startLine = line;
      } else {
        if (afterQuote) {
          throw new IllegalArgumentException(source + ":" + line + ": text after a closing quote in a CSV field");
        }
        cell.append(c);
        any = true;
      }
    }
    if (quoted) {
      throw new IllegalArgumentException(source + ":" + startLine + ": a quoted CSV field is never closed");
    }
    if (any || cell.length() > 0) {
      cells.add(cell.toString());
      records.add(new Row(startLine, List.copyOf(cells)));
    }
    if (records.isEmpty()) {
      throw new IllegalArgumentException(source + ": empty CSV file (a header line is needed)");
    }
    List<String> header = records.get(0).cells().stream().map(String::strip).toList();
    List<Row> rows = records.subList(1, records.size());
    for (Row r : rows) {
      if (r.cells().size() != header.size()) {
        throw new IllegalArgumentException(source + ":" + r.line() + ": " + r.cells().size()
            + " fields, but the header has " + header.size());
      }
    }
    return new CsvTable(header, List.copyOf(rows));
  }

  /** The column index of {@code name}, or -1. */
  int column(String name) {
    return header.indexOf(name);
  }

  /** One CSV line (with CRLF as RFC 4180 asks), quoting fields that need it. */
  static String line(List<String> fields) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      String f = fields.get(i) == null ? "" : fields.get(i);
      if (f.contains(",") || f.contains("\"") || f.contains("\n") || f.contains("\r")) {
        sb.append('"').append(f.replace("\"", "\"\"")).append('"');
      } else {
        sb.append(f);
      }
    }
    return sb.append("\r\n").toString();
  }
}
