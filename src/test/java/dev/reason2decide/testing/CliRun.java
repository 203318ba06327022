// Runs the r2d CLI in-process and captures its exit code, stdout and stderr: the one harness of command-line tests.
package dev.reason2decide.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.reason2decide.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Exit code, stdout and stderr of one {@code Main.run(...)}. */
public record CliRun(int code, String out, String err) {
  /** Runs {@code r2d args...} with System.out and System.err captured. */
  public static CliRun of(String... args) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      int code = Main.run(args);
      return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }

  /** The stderr lines, trailing empty line dropped. */
  public List<String> errLines() {
    return err.lines().toList();
  }

  /** Standard error, which must be exactly one line (a refusal's message). */
  public String errLine() {
    assertEquals(1, err.strip().lines().count(), () -> "one line expected: " + err);
    return err.strip();
  }
}
