// A JVM error (out of memory, stack overflow, a missing native library) as one line that says what to change.
package dev.reason2decide.cli;

import java.util.Locale;
import picocli.CommandLine;

/**
 * Errors of the JVM are not user errors, but they reach users (a too-large {@code --n}, a model bigger than the
 * heap); they are reported like one: {@code r2d CMD: out of memory (Java heap, limit 8.0 GiB); ...}, exit 1, the
 * stack trace only with {@code R2D_DEBUG=1}.
 */
final class JvmErrors {
  private JvmErrors() {}

  static int report(CommandLine cmd, Throwable e) {
    String line = cmd.getCommandSpec().qualifiedName() + ": " + describe(e);
    cmd.getErr().println(line);
    if (System.getenv("R2D_DEBUG") != null) {
      e.printStackTrace(cmd.getErr());
    }
    return 1;
  }

  static String describe(Throwable e) {
    if (e instanceof OutOfMemoryError) {
      double gib = Runtime.getRuntime().maxMemory() / (double) (1L << 30);
      return String.format(Locale.ROOT, "out of memory (%s; the Java heap limit is %.1f GiB): use smaller sizes "
          + "(examples, batch size, token lengths) or give the JVM more memory, e.g. R2D_JAVA_OPTS=-Xmx16g",
          e.getMessage() == null ? "no detail" : e.getMessage(), gib);
    }
    if (e instanceof StackOverflowError) {
      return "the stack overflowed (an input nested too deeply?); give the JVM a larger stack, e.g. "
          + "R2D_JAVA_OPTS=\"-Xss16m -Xmx8g\"";
    }
    if (e instanceof LinkageError) {
      return "a library could not be loaded (" + e + "); rebuild with mvn package or check the PyTorch native "
          + "libraries (docs/gpu.md)";
    }
    return "the JVM failed: " + e;
  }
}
