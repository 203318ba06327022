// Issue 26, items 2 and 3, in a JVM of their own: a JVM error is one line; a closed stdout stops the command.
package dev.reason2decide.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecondJvmReliabilityTest {
  @TempDir
  Path dir;

  /** {@code r2d args...} in a new JVM with the given heap. */
  private static ProcessBuilder r2d(String heap, String... args) {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        heap, "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().put("DJL_OFFLINE", "true");
    pb.environment().put("OPT_OUT_TRACKING", "true");
    pb.environment().remove("R2D_DEBUG");
    return pb;
  }

  @Test
  void anOutOfMemoryErrorIsOneLineSayingWhatToChangeAndLeavesNoDataset() throws Exception {
    Path out = dir.resolve("synth");
    Path err = dir.resolve("err.txt");
    Process p = r2d("-Xmx24m", "data", "synth-triage", "--n", "1000000", "--out", out.toString())
        .redirectError(err.toFile()).redirectOutput(dir.resolve("out.txt").toFile()).start();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "still running");
    List<String> lines = Files.readAllLines(err);
    assertEquals(1, p.exitValue(), lines.toString());
    assertEquals(1, lines.size(), lines.toString());
    assertTrue(lines.get(0).startsWith("r2d data synth-triage: out of memory ("), lines.get(0));
    assertTrue(lines.get(0).contains("the Java heap limit is") && lines.get(0).contains("R2D_JAVA_OPTS=-Xmx16g"),
        lines.get(0));
    assertFalse(Files.exists(out));
  }

  @Test
  void scheduleStopsWhenTheReaderOfItsOutputGoesAway() throws Exception {
    Process p = r2d("-Xmx256m", "schedule", "--steps", "100000000").redirectError(dir.resolve("err.txt").toFile())
        .start();
    BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    assertEquals("step,alpha,pi", r.readLine());
    assertEquals("0,0.0,0.0", r.readLine());
    r.close(); // as `| head -2` does
    boolean ended = p.waitFor(20, TimeUnit.SECONDS);
    if (!ended) {
      p.destroyForcibly();
    }
    assertTrue(ended, "r2d schedule kept running after its stdout was closed");
    assertEquals(141, p.exitValue());
    assertEquals("", Files.readString(dir.resolve("err.txt")));
  }
}
