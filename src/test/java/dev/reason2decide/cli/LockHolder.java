// A second process for the run folder tests: holds a run folder's lock until its standard input closes.
package dev.reason2decide.cli;

import dev.reason2decide.runs.RunLock;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** {@code LockHolder DIR}: locks DIR as "lock holder", prints "locked", releases when stdin reaches its end. */
public final class LockHolder {
  private LockHolder() {}

  public static void main(String[] args) throws IOException {
    try (RunLock lock = RunLock.acquire(Path.of(args[0]), "lock holder", false)) {
      System.out.println("locked " + lock.owner().pid());
      System.out.flush();
      while (System.in.read() >= 0) {
        // wait for the test to close our input
      }
    }
  }

  /** Starts a holder of {@code dir}'s lock in a new JVM and waits until it holds it. */
  static Process start(Path dir) throws IOException {
    Path launcher = Path.of(System.getProperty("java.home"), "bin", "java");
    Process p = new ProcessBuilder(launcher.toString(), "-cp", System.getProperty("java.class.path"),
        LockHolder.class.getName(), dir.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String line = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)).readLine();
    if (line == null || !line.equals("locked " + p.pid())) {
      p.destroyForcibly();
      throw new IllegalStateException("the lock holder did not lock " + dir + ": " + line);
    }
    return p;
  }
}
