// Runs r2d or r2d spark in-process and captures exit code, stdout and stderr.
package dev.reason2decide.spark;

import dev.reason2decide.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.ToIntFunction;

/** Exit code and output of one command. */
record Cli(int code, String out, String err) {
  /** {@code r2d ARGS}. */
  static Cli core(String... args) {
    return run(Main::run, args);
  }

  /** {@code r2d spark ARGS}. */
  static Cli spark(String... args) {
    return run(SparkMain::run, args);
  }

  private static Cli run(ToIntFunction<String[]> main, String[] args) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      int code = main.applyAsInt(args);
      return new Cli(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }

  /** Fails with the output when the exit code is not 0. */
  Cli ok() {
    if (code != 0) {
      throw new AssertionError("exit " + code + "\nstdout:\n" + out + "\nstderr:\n" + err);
    }
    return this;
  }
}
