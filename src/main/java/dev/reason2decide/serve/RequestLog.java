// One line per request: method, path, status, latency and input length; the note's text only when allowed.
package dev.reason2decide.serve;

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
        .append(escape(call.method(), true)).append(' ').append(escape(call.path(), true)).append(' ').append(status)
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
    return '"' + escape(text, false).replace("\"", "\\\"") + '"';
  }

  /**
   * {@code text} with every control character (C0, DEL, C1, the Unicode line and paragraph separators) and the
   * backslash written as an escape ({@code \n}, {@code \r}, {@code \t}, {@code \x1b}, U+2028 as six characters),
   * and, when {@code spaces}, the space as {@code \x20}: a request can neither start a forged log line nor send
   * escape sequences to a terminal, nor shift the fields of its line.
   */
  public static String escape(String text, boolean spaces) {
    StringBuilder out = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || (spaces && c == ' ')) {
            out.append(String.format(Locale.ROOT, "\\x%02x", (int) c));
          } else if (c == '\u2028' || c == '\u2029') {
            out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }
}
