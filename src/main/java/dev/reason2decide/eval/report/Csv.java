// A small RFC 4180 CSV reader (quoted fields, doubled quotes, line breaks inside quotes).
package dev.reason2decide.eval.report;

import java.util.ArrayList;
import java.util.List;

/** Parses CSV text into records; an unterminated quote is an error naming the file and the line it opened on. */
final class Csv {
  private Csv() {}

  /** Records with the line number each starts on; blank lines are skipped. */
  record Row(int line, List<String> fields) {}

  static List<Row> parse(String text, String fileName) {
    List<Row> rows = new ArrayList<>();
    List<String> fields = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    boolean fieldStarted = false;
    int line = 1;
    int rowStart = 1;
    int quoteLine = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
            cur.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          if (c == '\n') {
            line++;
          }
          cur.append(c);
        }
      } else if (c == '"') {
        quoted = true;
        fieldStarted = true;
        quoteLine = line;
      } else if (c == ',') {
        fields.add(cur.toString());
        cur.setLength(0);
        fieldStarted = true;
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        if (fieldStarted || cur.length() > 0 || !fields.isEmpty()) {
          fields.add(cur.toString());
          rows.add(new Row(rowStart, List.copyOf(fields)));
        }
        fields.clear();
        cur.setLength(0);
        fieldStarted = false;
        line++;
        rowStart = line;
      } else {
        cur.append(c);
        fieldStarted = true;
      }
    }
    if (quoted) {
      throw new IllegalArgumentException(fileName + ":" + quoteLine + ": quoted field never closed");
    }
    if (fieldStarted || cur.length() > 0 || !fields.isEmpty()) {
      fields.add(cur.toString());
      rows.add(new Row(rowStart, List.copyOf(fields)));
    }
    return rows;
  }
}
