// Settings of the decision-support HTTP service: where it listens and the limits that keep it bounded.
package dev.reason2decide.serve;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Configuration of {@link DecisionServer}. Every limit is answered with a 4xx/5xx that names it, never an unbounded
 * wait: at most {@code workers} decisions run at once, at most {@code queueCapacity} more wait for a worker, and any
 * request beyond that is refused with 503 and {@code Retry-After}.
 *
 * @param host address to bind; loopback unless told otherwise (notes are patient data)
 * @param port TCP port; 0 picks a free one
 * @param workers decisions computed at the same time (model threads)
 * @param queueCapacity admitted requests that may wait for a worker; beyond it requests get 503
 * @param requestTimeout longest a request may wait for its decision (queue time included); then 504
 * @param maxBodyBytes largest accepted request body (413 above it)
 * @param maxInputChars longest accepted note, in characters (422 above it)
 * @param maxBatchItems most notes in one batch request (422 above it)
 * @param maxTokensInFlight input tokens (after truncation to the model's input length) of all admitted notes
 *     together: what bounds memory, since a note's cost grows with its tokens and the decode length; a request
 *     whose notes alone need more gets 422, one that does not fit beside those in flight gets 503
 * @param logText whether request logs include the note text (off: notes are patient data)
 * @param runsDir folder of training runs for the runs view; {@code null} when there is none
 * @param allowedHosts names a request's {@code Host} header may give besides the bound address, {@code localhost}
 *     and the loopback addresses ({@link HostCheck}: a rebound DNS name is refused)
 */
public record ServeConfig(String host, int port, int workers, int queueCapacity, Duration requestTimeout,
    int maxBodyBytes, int maxInputChars, int maxBatchItems, int maxTokensInFlight, boolean logText, Path runsDir,
    List<String> allowedHosts) {

  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_PORT = 8080;
  public static final int DEFAULT_QUEUE = 32;
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
  public static final int DEFAULT_MAX_BODY_BYTES = 1 << 20;
  public static final int DEFAULT_MAX_INPUT_CHARS = 20_000;
  public static final int DEFAULT_MAX_BATCH_ITEMS = 64;
  /** Sixteen notes of 1,024 tokens (see docs/limits.md for the memory this admits). */
  public static final int DEFAULT_MAX_TOKENS_IN_FLIGHT = 16_384;

  public ServeConfig {
    require(host != null && !host.isBlank(), "host must be given");
    require(port >= 0 && port <= 65_535, "port must be in 0..65535, got " + port);
    require(workers >= 1, "workers must be at least 1, got " + workers);
    require(queueCapacity >= 0, "queue capacity must be 0 or more, got " + queueCapacity);
    require(requestTimeout != null && !requestTimeout.isNegative() && !requestTimeout.isZero(),
        "request timeout must be positive, got " + requestTimeout);
    require(maxBodyBytes >= 64, "max body bytes must be at least 64, got " + maxBodyBytes);
    require(maxInputChars >= 1, "max input chars must be at least 1, got " + maxInputChars);
    require(maxBatchItems >= 1, "max batch items must be at least 1, got " + maxBatchItems);
    require(maxTokensInFlight >= 1, "max tokens in flight must be at least 1, got " + maxTokensInFlight);
    allowedHosts = allowedHosts == null ? List.of() : List.copyOf(allowedHosts);
    for (String name : allowedHosts) {
      require(HostCheck.isName(name), "allowed host must be a host name or address without a port, got '"
          + name + "'");
    }
  }

  /** Loopback, port 8080, one worker per core (at most 4), the limits above, no runs view. */
  public static ServeConfig defaults() {
    int workers = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    return new ServeConfig(DEFAULT_HOST, DEFAULT_PORT, workers, DEFAULT_QUEUE, DEFAULT_TIMEOUT,
        DEFAULT_MAX_BODY_BYTES, DEFAULT_MAX_INPUT_CHARS, DEFAULT_MAX_BATCH_ITEMS, DEFAULT_MAX_TOKENS_IN_FLIGHT, false,
        null, List.of());
  }

  /** Admitted requests at most: running plus waiting. */
  public int admissionCapacity() {
    return workers + queueCapacity;
  }

  public ServeConfig withAddress(String newHost, int newPort) {
    return new ServeConfig(newHost, newPort, workers, queueCapacity, requestTimeout, maxBodyBytes, maxInputChars,
        maxBatchItems, maxTokensInFlight, logText, runsDir, allowedHosts);
  }

  public ServeConfig withConcurrency(int newWorkers, int newQueueCapacity) {
    return new ServeConfig(host, port, newWorkers, newQueueCapacity, requestTimeout, maxBodyBytes, maxInputChars,
        maxBatchItems, maxTokensInFlight, logText, runsDir, allowedHosts);
  }

  public ServeConfig withRequestTimeout(Duration timeout) {
    return new ServeConfig(host, port, workers, queueCapacity, timeout, maxBodyBytes, maxInputChars,
        maxBatchItems, maxTokensInFlight, logText, runsDir, allowedHosts);
  }

  public ServeConfig withLimits(int newMaxBodyBytes, int newMaxInputChars, int newMaxBatchItems) {
    return new ServeConfig(host, port, workers, queueCapacity, requestTimeout, newMaxBodyBytes, newMaxInputChars,
        newMaxBatchItems, maxTokensInFlight, logText, runsDir, allowedHosts);
  }

  public ServeConfig withMaxTokensInFlight(int tokens) {
    return new ServeConfig(host, port, workers, queueCapacity, requestTimeout, maxBodyBytes, maxInputChars,
        maxBatchItems, tokens, logText, runsDir, allowedHosts);
  }

  public ServeConfig withLogText(boolean newLogText) {
    return new ServeConfig(host, port, workers, queueCapacity, requestTimeout, maxBodyBytes, maxInputChars,
        maxBatchItems, maxTokensInFlight, newLogText, runsDir, allowedHosts);
  }

  public ServeConfig withRunsDir(Path newRunsDir) {
    return new ServeConfig(host, port, workers, queueCapacity, requestTimeout, maxBodyBytes, maxInputChars,
        maxBatchItems, maxTokensInFlight, logText, newRunsDir, allowedHosts);
  }

  public ServeConfig withAllowedHosts(List<String> names) {
    return new ServeConfig(host, port, workers, queueCapacity, requestTimeout, maxBodyBytes, maxInputChars,
        maxBatchItems, maxTokensInFlight, logText, runsDir, names);
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }
}
