// `r2d serve`: the decision-support HTTP service and its web page, on loopback unless told otherwise.
package dev.reason2decide.cli;

import dev.reason2decide.engine.DeviceSpec;
import dev.reason2decide.inference.DecisionModel;
import dev.reason2decide.io.PrintableText;
import dev.reason2decide.serve.BatchPolicy;
import dev.reason2decide.serve.DecisionServer;
import dev.reason2decide.serve.MemoryBudget;
import dev.reason2decide.serve.ModelLoading;
import dev.reason2decide.serve.NativeHeap;
import dev.reason2decide.serve.RequestLog;
import dev.reason2decide.serve.ServeConfig;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Loads the model once and serves the JSON API, the web page and (with {@code --runs}) the runs view. */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = "Serve a trained model over HTTP: JSON API (/v1/predict, /openapi.json) and a web page.")
public final class ServeCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--model", required = true, paramLabel = "DIR", description = "Folder of the trained model.")
  Path model;

  @Option(names = "--host", paramLabel = "ADDR", defaultValue = ServeConfig.DEFAULT_HOST,
      description = "Address to bind (default: ${DEFAULT-VALUE}, loopback only).")
  String host;

  @Bounded(min = 0, max = 65_535)
  @Option(names = "--port", paramLabel = "N", defaultValue = "8080",
      description = "Port (0: any free one; default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--runs", paramLabel = "DIR", description = "Folder of training runs for the runs view.")
  Path runs;

  @Bounded(min = 1, max = 256)
  @Option(names = "--workers", paramLabel = "N",
      description = "Decisions computed at once (default: cores, at most 4).")
  Integer workers;

  @Bounded(min = 0, max = 100_000)
  @Option(names = "--queue", paramLabel = "N", defaultValue = "32",
      description = "Requests that may wait for a worker; more get 503 (default: ${DEFAULT-VALUE}).")
  int queue;

  @Bounded(min = 1, max = 86_400_000)
  @Option(names = "--timeout-ms", paramLabel = "MS", defaultValue = "60000",
      description = "Longest wait for a decision, queue included; then 504 (default: ${DEFAULT-VALUE}).")
  long timeoutMs;

  @Bounded(min = 64, max = 268_435_456)
  @Option(names = "--max-body-bytes", paramLabel = "BYTES", defaultValue = "1048576",
      description = "Largest request body; more gets 413 (default: ${DEFAULT-VALUE}).")
  int maxBodyBytes;

  @Bounded(min = 1, max = 10_000_000)
  @Option(names = "--max-input-chars", paramLabel = "CHARS", defaultValue = "20000",
      description = "Longest note in characters; more gets 422 (default: ${DEFAULT-VALUE}).")
  int maxInputChars;

  @Bounded(min = 1, max = 10_000)
  @Option(names = "--max-batch", paramLabel = "N", defaultValue = "64",
      description = "Most notes in one batch request; more gets 422 (default: ${DEFAULT-VALUE}).")
  int maxBatch;

  @Bounded(min = 1, max = 1_048_576)
  @Option(names = "--max-tokens-in-flight", paramLabel = "N",
      description = "Input tokens of all notes being decided at once (what bounds memory); a request that does "
          + "not fit gets 503, one that never can 422 (default: what 6 GiB of native memory holds for this model, "
          + "at most 16384; docs/limits.md).")
  Integer maxTokensInFlight;

  @Bounded(min = 0, max = 60_000)
  @Option(names = "--batch-window-ms", paramLabel = "MS", defaultValue = "0",
      description = "Gather single-note requests arriving within MS of each other into one model call; 0 decides "
          + "each alone (default: ${DEFAULT-VALUE}). Raises --workers to --batch-max-notes if below.")
  int batchWindowMs;

  @Bounded(min = 1, max = 1024)
  @Option(names = "--batch-max-notes", paramLabel = "N", defaultValue = "32",
      description = "Most single-note requests decided in one model call (default: ${DEFAULT-VALUE}).")
  int batchMaxNotes;

  @Option(names = "--allow-host", paramLabel = "NAME", split = ",",
      description = "Names the Host header may give besides the bound address, localhost and the loopback "
          + "addresses (e.g. the name of a reverse proxy); others get 421, against DNS rebinding. Repeatable.")
  List<String> allowHosts = new ArrayList<>();

  @Option(names = "--log-text", description = "Include note texts in the request log (they are patient data).")
  boolean logText;

  /** How {@code --model DIR} becomes a model; tests put a fake here. */
  Function<Path, DecisionModel> loader = dir -> ModelLoading.load(dir, this.device);

  @Mixin
  DeviceOption devices;

  /** The device of --device, resolved at the start of {@link #call}. */
  private DeviceSpec device;

  /** Counted down to stop the server (by tests; otherwise the process runs until it is interrupted). */
  final CountDownLatch stop = new CountDownLatch(1);

  /** Set once the server listens (for tests). */
  volatile DecisionServer running;

  @Override
  public Integer call() throws Exception {
    ServeConfig config;
    BatchPolicy batching;
    int requestedWorkers = workers == null ? ServeConfig.defaults().workers() : workers;
    int effectiveWorkers;
    try {
      batching = new BatchPolicy(Duration.ofMillis(batchWindowMs), batchMaxNotes);
      // every note waiting for its batch holds a worker: fewer workers than the batch bound would cap every batch
      effectiveWorkers = batching.enabled() ? Math.max(requestedWorkers, batchMaxNotes) : requestedWorkers;
      config = new ServeConfig(host, port, effectiveWorkers, queue, Duration.ofMillis(timeoutMs), maxBodyBytes,
          maxInputChars, maxBatch, maxTokensInFlight == null ? ServeConfig.DEFAULT_MAX_TOKENS_IN_FLIGHT
          : maxTokensInFlight, logText, runs, allowHosts);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    if (!Files.isDirectory(model)) {
      throw new ParameterException(spec.commandLine(), "--model " + model + ": no such folder");
    }
    if (runs != null && !Files.isDirectory(runs)) {
      throw new ParameterException(spec.commandLine(), "--runs " + runs + ": no such folder");
    }
    var err = spec.commandLine().getErr();
    device = devices.resolve();
    err.println(DeviceOption.logLine("serve", device));
    err.println("r2d serve: " + NativeHeap.configureForService());
    if (!InetAddress.getByName(host).isLoopbackAddress()) {
      err.println("r2d serve: WARNING: listening on " + host + ", reachable from other machines; notes are "
          + "patient data: put the service behind TLS and authentication");
    }
    if (effectiveWorkers > requestedWorkers) {
      err.println("r2d serve: batching up to " + batchMaxNotes + " notes per model call: " + effectiveWorkers
          + " workers instead of " + requestedWorkers + " (a note waiting for its batch holds a worker; "
          + "--max-tokens-in-flight still bounds memory)");
    }
    CountDownLatch closed = new CountDownLatch(1);
    // on Ctrl-C / SIGTERM: drain (no new requests, those in progress answered), and hold the JVM's exit until the
    // server and model are closed
    Thread hook = new Thread(() -> {
      stop.countDown();
      try {
        closed.await(DecisionServer.DRAIN_GRACE.toSeconds() + 5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "r2d-serve-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    try (DecisionModel m = loader.apply(model);
        DecisionServer server = DecisionServer.start(m, withTokenBudget(config, m), batching, new RequestLog(line -> {
          synchronized (err) {
            err.println(line);
            err.flush();
          }
        }, logText))) {
      running = server;
      err.println("r2d serve: model " + PrintableText.escape(m.name()) + " (" + m.labels().size() + " labels) at "
          + server.url()
          + (runs == null ? "" : " (runs view: " + server.url() + "runs)"));
      err.flush();
      stop.await();
      err.println("r2d serve: stopping: no new requests; up to " + DecisionServer.DRAIN_GRACE.toSeconds()
          + " s for those in progress");
      err.flush();
      server.drain(DecisionServer.DRAIN_GRACE);
    } finally {
      closed.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the JVM is already exiting: the hook is what stopped us
      }
    }
    return 0;
  }

  /** {@code config} with the token budget derived from the model when {@code --max-tokens-in-flight} is not given. */
  private ServeConfig withTokenBudget(ServeConfig config, DecisionModel m) {
    if (maxTokensInFlight != null) {
      return config;
    }
    int tokens = MemoryBudget.defaultTokensInFlight(m);
    spec.commandLine().getErr().println("r2d serve: --max-tokens-in-flight " + tokens + " (" + (m.bytesPerInputToken()
        >> 10) + " KiB per input token at most, 6 GiB for decisions in flight; docs/limits.md)");
    return config.withMaxTokensInFlight(tokens);
  }
}
