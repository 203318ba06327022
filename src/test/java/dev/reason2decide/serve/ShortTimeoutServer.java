// A second process for the read-timeout test: a server started with whatever JDK timeouts its command line sets.
package dev.reason2decide.serve;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code ShortTimeoutServer}: serves {@link KeywordModel} on a free loopback port, prints "port N", stops when its
 * standard input ends. The JDK reads {@code sun.net.httpserver.maxReqTime} once per process, so a test that wants a
 * read timeout shorter than {@value DecisionServer#READ_TIMEOUT_S} s starts this in a JVM of its own.
 */
public final class ShortTimeoutServer {
  /** A started server process and the port it listens on. */
  record Started(Process process, int port) implements AutoCloseable {
    /** Closes the server's input (it stops) and waits for it, killing it if it does not stop. */
    @Override
    public void close() throws IOException {
      process.getOutputStream().close();
      try {
        if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }

  private ShortTimeoutServer() {}

  public static void main(String[] args) throws IOException {
    ServeConfig config = ServeConfig.defaults().withAddress("127.0.0.1", 0);
    try (DecisionServer server = DecisionServer.start(new KeywordModel(), config, new RequestLog(l -> { }, false))) {
      System.out.println("port " + server.port());
      System.out.flush();
      while (System.in.read() >= 0) {
        // serve until the test closes our input
      }
    }
  }

  /** Starts the server in a new JVM with a read timeout of {@code seconds}; returns it once it listens. */
  static Started start(int seconds) throws IOException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process p = new ProcessBuilder(List.of(java.toString(), "-Dsun.net.httpserver.maxReqTime=" + seconds,
        "-cp", System.getProperty("java.class.path"), ShortTimeoutServer.class.getName()))
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String line = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)).readLine();
    if (line == null || !line.startsWith("port ")) {
      p.destroyForcibly();
      throw new IllegalStateException("the server process did not start: " + line);
    }
    return new Started(p, Integer.parseInt(line.substring("port ".length())));
  }
}
