// Command-line options shared by the commands that talk to an OpenAI-compatible server.
package dev.reason2decide.cli;

import dev.reason2decide.llm.ApiKey;
import dev.reason2decide.llm.ChatClientConfig;
import dev.reason2decide.llm.RetryPolicy;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;

/** Server, model, key file, concurrency, timeouts and retries; the key itself is never an option. */
public final class LlmOptions {
  @Option(names = "--base-url", paramLabel = "URL",
      description = "OpenAI-compatible server, e.g. http://localhost:8000/v1 (default: $R2D_LLM_BASE_URL).")
  String baseUrl;

  @Option(names = "--model", paramLabel = "NAME", description = "Model name as the server knows it "
      + "(default: $R2D_LLM_MODEL).")
  String model;

  @Option(names = "--api-key-file", paramLabel = "FILE",
      description = "File holding the API key (default: $R2D_LLM_API_KEY; none for local servers).")
  Path apiKeyFile;

  @Bounded(min = 1, max = 256)
  @Option(names = "--concurrency", defaultValue = "4", description = "Requests in flight at once (default: 4).")
  int concurrency;

  @Bounded(min = 1, max = 86_400)
  @Option(names = "--timeout", defaultValue = "120", paramLabel = "SECONDS",
      description = "Longest wait for one answer before retrying (default: 120).")
  int timeoutSeconds;

  @Bounded(min = 1, max = 100)
  @Option(names = "--max-attempts", defaultValue = "6",
      description = "Attempts per request on 429/5xx/network errors, with exponential back-off (default: 6).")
  int maxAttempts;

  @Bounded(min = Integer.MIN_VALUE, max = Integer.MAX_VALUE)
  @Option(names = "--seed", defaultValue = "42", description = "Sampling seed sent to the server (default: 42).")
  int seed;

  @Option(names = "--no-seed", description = "Do not send a seed (for servers that reject it).")
  boolean noSeed;

  @Option(names = "--cache", paramLabel = "FILE",
      description = "Answer cache that makes runs resumable (default: <output>.cache.jsonl).")
  Path cache;

  @Option(names = "--quiet", description = "No progress display.")
  boolean quiet;

  /** The client configuration: options first, then the environment. */
  ChatClientConfig clientConfig() {
    String url = baseUrl != null ? baseUrl : System.getenv(ChatClientConfig.ENV_BASE_URL);
    String m = model != null ? model : System.getenv(ChatClientConfig.ENV_MODEL);
    if (timeoutSeconds < 1) {
      throw new IllegalArgumentException("--timeout must be at least 1 second, got " + timeoutSeconds);
    }
    RetryPolicy d = RetryPolicy.DEFAULT;
    return new ChatClientConfig(url, m, ApiKey.resolve(apiKeyFile, System::getenv), concurrency,
        Duration.ofSeconds(10), Duration.ofSeconds(timeoutSeconds),
        new RetryPolicy(maxAttempts, d.initialDelay(), d.maxDelay(), d.maxRetryAfter()));
  }

  Integer seedOrNull() {
    return noSeed ? null : seed;
  }

  Path cacheFor(Path output) {
    if (cache != null) {
      return cache;
    }
    return dev.reason2decide.io.OutputTarget.sideFile(output, ".cache.jsonl").orElseThrow(() ->
        new IllegalArgumentException("--output " + output + " is a device or FIFO, so the answer cache cannot go "
            + "beside it; give --cache FILE"));
  }

  /** "1234+567 tokens" for progress lines. */
  static String tokens(dev.reason2decide.llm.Usage u) {
    return u.promptTokens() + "+" + u.completionTokens() + " tokens";
  }
}
