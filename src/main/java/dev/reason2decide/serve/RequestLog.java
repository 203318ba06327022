// One line per request: method, path, status, latency and input length; the note's text only when allowed.
package dev.reason2decide.serve;

import dev.reason2decide.io.PrintableText;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.function.Consumer;

/** Request logging that leaves patient notes out unless {@code --log-text} asks for them. */
public final class RequestLog {
  private final Consumer<String> sink;
  private final boolean logText;

  /**
   * @param sink where lines go (e.g. {@code System.err::println}); called from several threads, so it must be safe
   * @param logText whether lines carry the note text
   */
  public RequestLog(Consumer<String> sink, boolean logText) {
    this.sink = sink;
    this.logText = logText;
  }

  void write(Call call, int status, long startNanos) {
    double ms = (System.nanoTime() - startNanos) / 1e6;
    StringBuilder line = new StringBuilder();
    line.append(Instant.now().truncatedTo(ChronoUnit.MILLIS)).append(' ')
        .append(PrintableText.escape(call.method(), true)).append(' ')
        .append(PrintableText.escape(call.path(), true)).append(' ').append(status)
        .append(String.format(Locale.ROOT, " %.1fms", ms));
    if (!call.inputs().isEmpty()) {
      long chars = call.inputs().stream().mapToLong(String::length).sum();
      line.append(" inputs=").append(call.inputs().size()).append(" chars=").append(chars);
      if (logText) {
        for (String text : call.inputs()) {
          line.append(" text=").append(quote(text));
        }
      }
    }
    sink.accept(line.toString());
  }

  private static String quote(String text) {
    return '"' + PrintableText.escape(text, false).replace("\"", "\\\"") + '"';
  }
}
