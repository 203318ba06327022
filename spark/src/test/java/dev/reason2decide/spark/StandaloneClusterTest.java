// r2d spark predict on a real Spark standalone cluster on loopback: master, worker and executor in JVMs of their own.
package dev.reason2decide.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What local mode cannot show: executors that are other JVMs. A master and a worker are started from the test's
 * class path (spark-core's own {@code Master} and {@code Worker}; the worker runs without DJL_OFFLINE and
 * OPT_OUT_TRACKING, so the executor has them only if the job carries them), the driver is this JVM (client mode,
 * configured through system properties as spark-submit configures it) and the executor gets the module's classes by
 * {@code spark.executor.extraClassPath}. One job reads the model folder from a path both sides see (a shared file
 * system), one ships it with {@code spark.archives} ({@code --archives model.tgz#m}, {@code --model m/model}).
 * Ports are chosen free; the processes are stopped after each test. About 30-60 s. The full spark-submit run is
 * {@code scripts/spark-standalone-demo.sh}.
 */
class StandaloneClusterTest {
  @TempDir
  Path tmp;

  private final List<Process> started = new ArrayList<>();
  private final List<String> properties = new ArrayList<>();

  @AfterEach
  void stopEverything() {
    properties.forEach(System::clearProperty);
    for (int i = started.size() - 1; i >= 0; i--) { // the worker (and its executors) first, then the master
      Process p = started.get(i);
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
    }
  }

  @Test
  void predictOnAStandaloneClusterEqualsTheSingleProcess() throws Exception {
    TinyTriage t = TinyTriage.get();
    Path notes = tmp.resolve("notes.jsonl");
    Files.write(notes, Files.readAllLines(t.notes).subList(0, 24));
    // the reference in a JVM of its own too: this one has trained the model, and torch's state after training
    // (its TorchScript kernels' warm-up) moved probabilities by about 2e-6 against a fresh JVM's
    Path single = tmp.resolve("single.jsonl");
    run(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", classPath(),
        "dev.reason2decide.cli.Main", "predict", "--model", t.model.toString(), "--input", notes.toString(),
        "--output", single.toString(), "--threads", "1", "--quiet"));
    List<String> expected = Files.readAllLines(single);

    String master = startCluster();
    set("spark.executor.extraClassPath", classPath());
    set("spark.executor.cores", "2");
    set("spark.executor.memory", "1g");
    set("spark.ui.enabled", "false");

    // 1. a path every node can read
    Path shared = tmp.resolve("preds-shared");
    Cli.spark("predict", "--model", t.model.toString(), "--input", notes.toString(), "--output", shared.toString(),
        "--master", master, "--partitions", "2").ok();
    assertTrue(Files.exists(shared.resolve("_SUCCESS")));
    SparkMatchesSingleProcessTest.assertSameRecords(expected, SparkMatchesSingleProcessTest.partLines(shared));
    assertOneModelLoad(t.model.toString());

    // 2. shipped as an archive, unpacked as m/ in the executor's working folder and the driver's SparkFiles folder
    Path archive = tmp.resolve("model.tgz");
    run(List.of("tar", "-C", t.model.getParent().toString(), "-czf", archive.toString(),
        t.model.getFileName().toString()));
    set("spark.archives", archive + "#m");
    Path shipped = tmp.resolve("preds-archive");
    Cli.spark("predict", "--model", "m/" + t.model.getFileName(), "--input", notes.toString(), "--output",
        shipped.toString(), "--master", master, "--partitions", "2").ok();
    assertTrue(Files.exists(shipped.resolve("_SUCCESS")));
    SparkMatchesSingleProcessTest.assertSameRecords(expected, SparkMatchesSingleProcessTest.partLines(shipped));
    assertOneModelLoad("/m/" + t.model.getFileName());
  }

  /** The executor of the application run last loaded the model once, with DJL's offline switches set. */
  private void assertOneModelLoad(String from) throws IOException {
    Path app;
    try (Stream<Path> apps = Files.list(tmp.resolve("worker"))) {
      app = apps.filter(p -> p.getFileName().toString().startsWith("app-")).sorted().reduce((a, b) -> b)
          .orElseThrow();
    }
    List<String> loads = new ArrayList<>();
    try (Stream<Path> executors = Files.list(app)) {
      for (Path e : executors.toList()) {
        Files.readAllLines(e.resolve("stderr")).stream().filter(l -> l.startsWith("r2d spark: executor "))
            .forEach(loads::add);
      }
    }
    assertEquals(1, loads.size(), "one executor, two concurrent tasks, one model load: " + loads);
    assertTrue(loads.get(0).contains(from
        + " on cpu (DJL_OFFLINE=true, OPT_OUT_TRACKING=true, ai.djl.offline=true)"),
        loads.get(0));
  }

  /** Starts a master and a worker with 2 cores; returns the master's URL. */
  private String startCluster() throws IOException, InterruptedException {
    Path home = tmp.resolve("spark-home");
    Files.createDirectories(home.resolve("jars")); // the worker's launcher needs SPARK_HOME/jars, even empty
    Files.createDirectories(home.resolve("conf"));
    // the module's log4j2.properties (on the class path) shows warnings only; the readiness lines are at INFO
    Files.writeString(tmp.resolve("cluster-log4j2.properties"), String.join("\n", "rootLogger.level = info",
        "rootLogger.appenderRef.stderr.ref = console", "appender.console.type = Console",
        "appender.console.name = console", "appender.console.target = SYSTEM_ERR",
        "appender.console.layout.type = PatternLayout", "appender.console.layout.pattern = %p %c{1}: %m%n", ""));
    int port = freePort();
    String url = "spark://127.0.0.1:" + port;
    Path masterLog = tmp.resolve("master.log");
    start(List.of("org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port", Integer.toString(port),
        "--webui-port", "0"), home, masterLog);
    await(masterLog, "I have been elected leader");
    Path workerLog = tmp.resolve("worker.log");
    start(List.of("org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1", "--port", "0", "--webui-port",
        "0", "--cores", "2", "--memory", "2g", "--work-dir", tmp.resolve("worker").toString(), url), home,
        workerLog);
    await(workerLog, "Successfully registered with master");
    return url;
  }

  private void start(List<String> mainAndArgs, Path sparkHome, Path log) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "@" + Path.of("jvm.options").toAbsolutePath(), "-Dlog4j2.configurationFile="
        + tmp.resolve("cluster-log4j2.properties"), "-cp", classPath()));
    cmd.addAll(mainAndArgs);
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().remove("DJL_OFFLINE");
    pb.environment().remove("OPT_OUT_TRACKING");
    pb.environment().put("SPARK_HOME", sparkHome.toString());
    pb.environment().put("SPARK_SCALA_VERSION", "2.13");
    pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    started.add(pb.start());
  }

  /** Waits for a line in a log, failing with the log's end if the process exits or 120 s pass. */
  private void await(Path log, String line) throws IOException, InterruptedException {
    Process p = started.get(started.size() - 1);
    for (int i = 0; i < 1200; i++) {
      if (Files.exists(log) && Files.readString(log).contains(line)) {
        return;
      }
      if (!p.isAlive()) {
        break;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("'" + line + "' not in " + log + ":\n" + Files.readString(log));
  }

  private void set(String key, String value) {
    System.setProperty(key, value);
    properties.add(key);
  }

  /** The test JVM's class path (Surefire's own list: its java.class.path is a manifest-only jar). */
  private static String classPath() {
    return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static void run(List<String> cmd) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(cmd).inheritIO().start();
    assertEquals(0, p.waitFor(), String.join(" ", cmd));
  }
}
