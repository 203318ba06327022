// Where the server is and how to talk to it: endpoint, model, key, concurrency, timeouts, retries.
package dev.reason2decide.llm;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Client settings. {@code baseUrl} may be the server root ({@code http://host:8000}), its {@code /v1} path
 * (what vLLM, llama.cpp, Ollama and TGI document) or the full {@code .../chat/completions} endpoint.
 *
 * @param maxConcurrency  requests in flight at once, at most
 * @param connectTimeout  limit for opening a connection
 * @param requestTimeout  limit for one whole answer (a slower answer counts as a failed, retryable attempt)
 */
public record ChatClientConfig(String baseUrl, String model, Optional<ApiKey> apiKey, int maxConcurrency,
    Duration connectTimeout, Duration requestTimeout, RetryPolicy retry) {
  /** Environment variable for the base URL. */
  public static final String ENV_BASE_URL = "R2D_LLM_BASE_URL";
  /** Environment variable for the model name. */
  public static final String ENV_MODEL = "R2D_LLM_MODEL";

  public ChatClientConfig {
    Objects.requireNonNull(apiKey, "apiKey");
    Objects.requireNonNull(retry, "retry");
    if (baseUrl == null || baseUrl.isBlank()) {
      throw new IllegalArgumentException("no server given: use --base-url or set " + ENV_BASE_URL);
    }
    if (model == null || model.isBlank()) {
      throw new IllegalArgumentException("no model given: use --model or set " + ENV_MODEL);
    }
    if (maxConcurrency < 1) {
      throw new IllegalArgumentException("concurrency must be at least 1, got " + maxConcurrency);
    }
    endpoint(baseUrl); // validates
  }

  /** Defaults: 4 requests at once, 10 s to connect, 120 s per answer, {@link RetryPolicy#DEFAULT}. */
  public static ChatClientConfig of(String baseUrl, String model, Optional<ApiKey> apiKey) {
    return new ChatClientConfig(baseUrl, model, apiKey, 4, Duration.ofSeconds(10), Duration.ofSeconds(120),
        RetryPolicy.DEFAULT);
  }

  /** The chat-completions endpoint for a base URL. */
  public static URI endpoint(String baseUrl) {
    String u = baseUrl.strip();
    while (u.endsWith("/")) {
      u = u.substring(0, u.length() - 1);
    }
    if (!u.endsWith("/chat/completions")) {
      u = u.endsWith("/v1") ? u + "/chat/completions" : u + "/v1/chat/completions";
    }
    URI uri;
    try {
      uri = URI.create(u);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("base URL is not a URL: " + baseUrl, e);
    }
    if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
      throw new IllegalArgumentException("base URL must be http(s)://host[:port][/v1], got " + baseUrl);
    }
    if (uri.getUserInfo() != null) {
      throw new IllegalArgumentException("base URL must not carry credentials; put the key in "
          + ApiKey.ENV + " or --api-key-file");
    }
    return uri;
  }

  /** Scheme, host and port only: what provenance records (never a path with tokens, never the key). */
  public String serverForProvenance() {
    URI e = endpoint(baseUrl);
    return e.getScheme() + "://" + e.getHost() + (e.getPort() >= 0 ? ":" + e.getPort() : "");
  }
}
