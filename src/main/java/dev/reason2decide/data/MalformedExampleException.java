// A row of an example file that cannot become an Example: names the file, the line and the field.
package dev.reason2decide.data;

import java.nio.file.Path;

/** Thrown for malformed input; the message reads {@code file:line: field 'f': what is wrong}. */
public final class MalformedExampleException extends IllegalArgumentException {
  private final transient Path file;
  private final int line;
  private final String field;
  private final String problem;

  public MalformedExampleException(Path file, int line, String field, String problem) {
    super(file + ":" + line + ": " + (field == null ? "" : "field '" + field + "': ") + problem);
    this.file = file;
    this.line = line;
    this.field = field;
    this.problem = problem;
  }

  public Path file() {
    return file;
  }

  /** 1-based line where the row starts (the header is line 1 in CSV). */
  public int line() {
    return line;
  }

  /** The offending field, or null when the row as a whole is wrong (bad JSON, wrong field count). */
  public String field() {
    return field;
  }

  /** What is wrong, without the location. */
  public String problem() {
    return problem;
  }
}
