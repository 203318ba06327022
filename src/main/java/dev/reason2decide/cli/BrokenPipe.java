// Standard output whose reader went away (`r2d schedule | head -2`): the command stops instead of writing on.
package dev.reason2decide.cli;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * A PrintStream swallows write errors, so a command printing to a closed pipe would run to its end. {@link #install}
 * puts a System.out in place whose failed write throws this (unchecked) exception instead; {@code Main} ends the
 * command quietly with exit code 141, what a shell reports for a process stopped by SIGPIPE.
 */
final class BrokenPipe extends RuntimeException {
  private static final long serialVersionUID = 1L;
  static final int EXIT_CODE = 141;

  BrokenPipe(IOException cause) {
    super("standard output was closed: " + cause.getMessage(), cause);
  }

  /** Replaces System.out with a stream that throws {@link BrokenPipe} when writing fails. */
  static void install() {
    System.setOut(new PrintStream(new BufferedOutputStream(new Guard(new FileOutputStream(FileDescriptor.out)),
        8192), true, StandardCharsets.UTF_8));
  }

  /** True when {@code t} or one of its causes is a {@link BrokenPipe}. */
  static boolean in(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c instanceof BrokenPipe) {
        return true;
      }
    }
    return false;
  }

  /** The file stream with every IOException turned into a BrokenPipe. */
  static final class Guard extends FilterOutputStream {
    Guard(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) {
      try {
        out.write(b);
      } catch (IOException e) {
        throw new BrokenPipe(e);
      }
    }

    @Override
    public void write(byte[] b, int off, int len) {
      try {
        out.write(b, off, len);
      } catch (IOException e) {
        throw new BrokenPipe(e);
      }
    }

    @Override
    public void flush() {
      try {
        out.flush();
      } catch (IOException e) {
        throw new BrokenPipe(e);
      }
    }
  }
}
