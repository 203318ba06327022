// The decision-support HTTP service: one shared model, the JSON API, the web page and the runs view.
package dev.reason2decide.serve;

import com.sun.net.httpserver.HttpServer;
import dev.reason2decide.inference.DecisionModel;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Serves {@link DecisionModel} over HTTP (JDK {@code com.sun.net.httpserver}). Connections are read and answered by
 * a bounded pool of connection threads, apart from the model's worker threads: {@code workers + queue} of them
 * may wait on a decision, and {@value #SPARE_THREADS} more read requests and answer everything else (health, pages,
 * refusals), so that many slow clients cannot hold up {@code /health}; a request whose headers and body take longer
 * than {@value #READ_TIMEOUT_S} s to arrive is cut off. Decisions run under {@link Admission}; one whose client
 * closes its connection is stopped ({@link ClientWatch}). The model is loaded
 * by the caller, once, and shared by every request; closing the server does not close the model.
 */
public final class DecisionServer implements AutoCloseable {
  /** Connection threads beyond the admitted decisions: they read requests, answer health checks and refusals. */
  static final int SPARE_THREADS = 128;
  /** Longest time a client may take to send its request line, headers and body (seconds). */
  static final int READ_TIMEOUT_S = 10;
  /**
   * How long {@code r2d serve} lets decisions in progress finish on SIGTERM or Ctrl-C before it answers those left
   * with 503: under the 10 s that container runtimes wait before they kill the process.
   */
  public static final Duration DRAIN_GRACE = Duration.ofSeconds(8);
  /** Connections waiting for a thread; beyond them the JDK server closes new connections. */
  private static final int PENDING_CONNECTIONS = 256;

  static {
    // a client that sends its request or reads its answer too slowly is cut off (seconds; JDK-wide settings; the
    // request time covers the request line, the headers and the body)
    System.getProperties().putIfAbsent("sun.net.httpserver.maxReqTime", String.valueOf(READ_TIMEOUT_S));
    System.getProperties().putIfAbsent("sun.net.httpserver.maxRspTime", "60");
    // answers are written as headers then body: without TCP_NODELAY, Nagle and delayed ACKs add ~40 ms to each
    System.getProperties().putIfAbsent("sun.net.httpserver.nodelay", "true");
  }

  private final HttpServer server;
  private final ThreadPoolExecutor connections;
  private final Admission admission;
  private final DecisionBatcher batcher;
  private final ClientWatch clients;
  private final Routes routes;

  private DecisionServer(HttpServer server, ThreadPoolExecutor connections, Admission admission,
      DecisionBatcher batcher, ClientWatch clients, Routes routes) {
    this.server = server;
    this.connections = connections;
    this.admission = admission;
    this.batcher = batcher;
    this.clients = clients;
    this.routes = routes;
  }

  /** Binds {@code config.host():config.port()} and starts serving {@code model}, each request decided alone. */
  public static DecisionServer start(DecisionModel model, ServeConfig config, RequestLog log) throws IOException {
    return start(model, config, BatchPolicy.OFF, log);
  }

  /**
   * As {@link #start(DecisionModel, ServeConfig, RequestLog)}, gathering single notes into batches by policy. A note
   * waiting for its batch holds one of {@code config.workers()}, so a batch holds at most that many notes
   * ({@code r2d serve} raises the workers to the batch bound).
   */
  public static DecisionServer start(DecisionModel model, ServeConfig config, BatchPolicy batching, RequestLog log)
      throws IOException {
    DecisionBatcher batcher = batching.enabled() ? new DecisionBatcher(model, batching) : null;
    // once a burst is over, its freed native memory goes back to the system (NativeHeap)
    Admission admission = new Admission(config.workers(), config.queueCapacity(), config.maxTokensInFlight(),
        config.requestTimeout(), NativeHeap::trimSoon);
    ClientWatch clients = new ClientWatch();
    DecisionEndpoints api = new DecisionEndpoints(model, config, admission, batcher, clients);
    Routes routes = new Routes(log, new HostCheck(config.host(), config.allowedHosts()))
        .exact("POST", "/v1/predict", api::predict)
        .exact("POST", "/v1/predict/batch", api::batch)
        .exact("GET", "/v1/model", api::describe)
        .exact("GET", "/health", api::health);
    RunsEndpoints runs = new RunsEndpoints(config.runsDir());
    routes.exact("GET", "/v1/runs", runs::list).prefix("GET", "/v1/runs/", runs::run);
    WebAssets assets = new WebAssets();
    for (String path : assets.paths()) {
      routes.exact("GET", path, assets::get);
    }
    int threads = config.admissionCapacity() + SPARE_THREADS;
    AtomicInteger n = new AtomicInteger();
    ThreadPoolExecutor connections = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
        new ArrayBlockingQueue<>(PENDING_CONNECTIONS), r -> {
          Thread t = new Thread(r, "r2d-http-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
    connections.allowCoreThreadTimeOut(true);
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(config.host(), config.port()), 128);
    } catch (IOException e) {
      admission.close();
      if (batcher != null) {
        batcher.close();
      }
      clients.close();
      connections.shutdownNow();
      throw new IOException("cannot listen on " + config.host() + ":" + config.port() + ": " + e.getMessage(), e);
    }
    server.createContext("/", routes);
    server.setExecutor(connections);
    server.start();
    return new DecisionServer(server, connections, admission, batcher, clients, routes);
  }

  /** The bound port (useful with port 0). */
  public int port() {
    return server.getAddress().getPort();
  }

  /** The base URL, e.g. {@code http://127.0.0.1:8080/}. */
  public String url() {
    String host = server.getAddress().getAddress().getHostAddress();
    return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port() + "/";
  }

  /** The exact paths this server routes (each API endpoint and page). */
  public List<String> routedPaths() {
    return routes.exactPaths();
  }

  /** {@link #drain} with a grace of a second. */
  @Override
  public void close() {
    drain(Duration.ofSeconds(1));
  }

  /**
   * Stops gracefully: closes the listening socket at once and answers any new request on an open connection with
   * 503; lets the decisions in progress (running or waiting) finish for up to {@code grace}; then stops those left,
   * whose clients are answered 503 "the service is shutting down"; then closes every connection and thread. Returns
   * once all of that is done: within {@code grace} plus about a second.
   */
  public void drain(Duration grace) {
    routes.drain();
    admission.stopAdmitting();
    // ServerImpl.stop closes the listening socket at once, then waits (JDK 17: always the whole delay when no
    // exchange is in progress) before closing connections: run it aside and end it with stop(0) below
    Thread stopper = new Thread(() -> server.stop((int) grace.toSeconds() + 5), "r2d-http-stop");
    stopper.setDaemon(true);
    stopper.start();
    long deadline = System.nanoTime() + grace.toNanos();
    awaitIdle(deadline);
    if (routes.active() > 0) {
      admission.cancelAll();
      awaitIdle(System.nanoTime() + TimeUnit.SECONDS.toNanos(1));
    }
    server.stop(0);
    try {
      stopper.join(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    admission.close();
    if (batcher != null) {
      batcher.close();
    }
    clients.close();
    connections.shutdownNow();
  }

  /** Waits until no request is being handled (its answer written) or {@code deadline} ({@link System#nanoTime}). */
  private void awaitIdle(long deadline) {
    while (routes.active() > 0 && System.nanoTime() < deadline) {
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
