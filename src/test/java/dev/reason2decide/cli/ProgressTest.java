// The progress display: counts, rate, ETA and extra text; full lines off a terminal, redraws on one; quiet is silent.
package dev.reason2decide.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressTest {
  private final AtomicLong clock = new AtomicLong();
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

  private Progress progress(boolean quiet, boolean terminal) {
    return new Progress("work", 10, quiet, new PrintStream(bytes, true, StandardCharsets.UTF_8), terminal,
        5_000_000_000L, clock::get);
  }

  private String out() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void printsALineEveryIntervalOffATerminal() {
    try (Progress p = progress(false, false)) {
      clock.set(1_000_000_000L);
      p.step(1); // 1 s: before the interval, nothing printed
      assertEquals("", out());
      clock.set(5_000_000_000L);
      p.extra("7+3 tokens");
      p.step(3); // 4 done in 5 s: 0.8/s, 6 left: 7.5 s
      assertEquals("work: 4/10 (40%), 0.80/s, ETA 8s, 7+3 tokens\n", out());
      clock.set(100_000_000_000L);
      p.step(6);
    }
    String[] lines = out().split("\n");
    assertEquals(3, lines.length, out());
    assertEquals("work: 10/10 (100%), 0.10/s, 1m40s elapsed, 7+3 tokens", lines[2], "closing line, once");
  }

  @Test
  void redrawsInPlaceOnATerminalAndIsSilentWhenQuiet() {
    try (Progress p = progress(false, true)) {
      clock.set(6_000_000_000L);
      p.step(5);
    }
    assertTrue(out().startsWith("\rwork: 5/10 (50%)"), out());
    assertTrue(out().endsWith("\u001b[K\n"), out());
    bytes.reset();
    try (Progress p = progress(true, false)) {
      clock.set(60_000_000_000L);
      p.step(10);
      assertEquals(10, p.done());
    }
    assertEquals("", out());
  }
}
