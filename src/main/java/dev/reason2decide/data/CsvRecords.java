// An RFC 4180 record reader: quoted fields with doubled quotes and embedded line breaks, CRLF or LF.
package dev.reason2decide.data;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads delimited records one at a time, tracking the line each record starts on. A quote inside an unquoted
 * field, text after a closing quote, and an unterminated quote are errors ({@link MalformedExampleException}).
 * After a malformed record the reader resynchronises at the next line break outside quotes.
 */
final class CsvRecords {
  /** One record and the 1-based line it starts on. */
  record Row(int line, List<String> fields) {}

  private final Reader in;
  private final Path file;
  private final char delimiter;
  private int line = 1;
  private int pushback = -2;

  CsvRecords(Reader in, Path file, char delimiter) {
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

  /** The next record, or null at the end of the input. Blank lines are not records. */
  Row next() throws IOException {
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
        fields.add(f.toString());
        if (c != -1) {
          consumeLineBreak(c);
        }
        return new Row(start, fields);
      }
      if (c == delimiter) {
        fields.add(f.toString());
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
