// A progress line for long CLI runs: done/total, rate, ETA and a caller's extra text, on stderr.
package dev.reason2decide.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Progress on stderr. On a terminal the line is redrawn in place (carriage return) at most ten times a second;
 * otherwise (a log file, CI) a full line is printed every few seconds. A quiet progress prints nothing.
 * Thread-safe. Use: {@code try (Progress p = Progress.start("rationales", n, quiet)) { ... p.step(1); }}.
 */
public final class Progress implements AutoCloseable {
  private final String label;
  private final long total;
  private final PrintStream out;
  private final boolean terminal;
  private final boolean quiet;
  private final long intervalNanos;
  private final LongSupplier clock;
  private final long startNanos;
  private long done;
  private long lastDraw;
  private String extra = "";
  private boolean closed;

  Progress(String label, long total, boolean quiet, PrintStream out, boolean terminal, long intervalNanos,
      LongSupplier clock) {
    this.label = label;
    this.total = total;
    this.quiet = quiet;
    this.out = out;
    this.terminal = terminal;
    this.intervalNanos = intervalNanos;
    this.clock = clock;
    this.startNanos = clock.getAsLong();
    this.lastDraw = startNanos;
  }

  /** Starts a progress display for {@code total} units of work (0 or less when unknown). */
  public static Progress start(String label, long total, boolean quiet) {
    boolean terminal = System.console() != null;
    return new Progress(label, total, quiet, System.err, terminal,
        terminal ? 100_000_000L : 5_000_000_000L, System::nanoTime);
  }

  /** Records {@code n} more units done. */
  public synchronized void step(long n) {
    done += n;
    long now = clock.getAsLong();
    if (now - lastDraw >= intervalNanos) {
      lastDraw = now;
      draw(false);
    }
  }

  /** Text shown after the counts (say, token usage); replaces the previous text. */
  public synchronized void extra(String text) {
    extra = text == null ? "" : text;
  }

  public synchronized long done() {
    return done;
  }

  /** The current line, without a line ending. */
  public synchronized String line() {
    double seconds = (clock.getAsLong() - startNanos) / 1e9;
    double rate = seconds > 0 ? done / seconds : 0;
    StringBuilder sb = new StringBuilder(label).append(": ");
    if (total > 0) {
      sb.append(done).append('/').append(total)
          .append(String.format(Locale.ROOT, " (%.0f%%)", 100.0 * done / total));
    } else {
      sb.append(done);
    }
    sb.append(String.format(Locale.ROOT, ", %.2f/s", rate));
    if (total > 0 && done < total && rate > 0) {
      sb.append(", ETA ").append(duration((total - done) / rate));
    } else {
      sb.append(", ").append(duration(seconds)).append(" elapsed");
    }
    if (!extra.isEmpty()) {
      sb.append(", ").append(extra);
    }
    return sb.toString();
  }

  private void draw(boolean last) {
    if (quiet) {
      return;
    }
    if (terminal) {
      out.print("\r" + line() + "\u001b[K" + (last ? "\n" : ""));
    } else {
      out.println(line());
    }
    out.flush();
  }

  static String duration(double seconds) {
    long s = Math.round(seconds);
    if (s < 60) {
      return s + "s";
    }
    if (s < 3600) {
      return (s / 60) + "m" + String.format(Locale.ROOT, "%02d", s % 60) + "s";
    }
    return (s / 3600) + "h" + String.format(Locale.ROOT, "%02d", (s % 3600) / 60) + "m";
  }

  /** Draws the final state once. */
  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      draw(true);
    }
  }
}
