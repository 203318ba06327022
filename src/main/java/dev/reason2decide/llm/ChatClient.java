// Client for any OpenAI-compatible chat-completions server (vLLM, llama.cpp server, Ollama, TGI, hosted APIs).
package dev.reason2decide.llm;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Sends chat requests with bounded concurrency, per-request timeouts and retries ({@link RetryPolicy}), and
 * adds up the token usage the server reports. Safe to share between threads. The API key goes only into the
 * Authorization header; every error message and every answer is scrubbed of it.
 */
public final class ChatClient implements AutoCloseable {
  /** How the client waits between attempts (tests record the waits). */
  @FunctionalInterface
  interface Sleeper {
    void sleep(Duration d) throws InterruptedException;
  }

  private final ChatClientConfig config;
  private final URI endpoint;
  private final HttpClient http;
  private final Semaphore slots;
  private final Sleeper sleeper;
  private final Random random;
  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong retries = new AtomicLong();
  private final AtomicReference<Usage> usage = new AtomicReference<>(Usage.NONE);

  public ChatClient(ChatClientConfig config) {
    this(config, d -> Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000), new Random());
  }

  ChatClient(ChatClientConfig config, Sleeper sleeper, Random random) {
    this.config = config;
    this.endpoint = ChatClientConfig.endpoint(config.baseUrl());
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(config.connectTimeout()).followRedirects(HttpClient.Redirect.NEVER).build();
    this.slots = new Semaphore(config.maxConcurrency(), true);
    this.sleeper = sleeper;
    this.random = random;
  }

  public ChatClientConfig config() {
    return config;
  }

  /** What this client has done so far. */
  public record Stats(long requests, long retries, Usage usage) {}

  public Stats stats() {
    return new Stats(requests.get(), retries.get(), usage.get());
  }

  /**
   * Sends one request, retrying transient failures.
   *
   * @throws ChatException        when the server refuses the request (4xx other than 408/409/425/429) or
   *                              the attempts are used up
   * @throws InterruptedException when the thread is interrupted while waiting (the run is being cancelled)
   */
  public ChatResponse chat(ChatRequest request) throws InterruptedException {
    String body = request.toBody();
    int attempt = 0;
    while (true) {
      attempt++;
      Failure failure;
      slots.acquire();
      try {
        requests.incrementAndGet();
        failure = attempt(body, attempt);
        if (failure.response != null) {
          ChatResponse r = failure.response;
          usage.accumulateAndGet(r.usage(), Usage::plus);
          return r;
        }
      } finally {
        slots.release();
      }
      if (!failure.retryable || attempt >= config.retry().maxAttempts()) {
        String tries = failure.retryable ? " (gave up after " + attempt + " attempts)" : "";
        throw new ChatException(redact(failure.message + tries), failure.status, failure.retryable, attempt,
            failure.cause);
      }
      Duration wait = failure.retryAfter != null ? failure.retryAfter
          : config.retry().backoff(attempt, random);
      if (failure.retryAfter != null && wait.compareTo(config.retry().maxRetryAfter()) > 0) {
        throw new ChatException(redact(failure.message + ": server asks to wait " + wait.toSeconds()
            + " s, more than the " + config.retry().maxRetryAfter().toSeconds() + " s allowed"),
            failure.status, true, attempt, null);
      }
      retries.incrementAndGet();
      sleeper.sleep(wait);
    }
  }

  /** The outcome of one attempt: a response, or why it failed. */
  private record Failure(ChatResponse response, int status, boolean retryable, String message,
      Duration retryAfter, Throwable cause) {
    static Failure ok(ChatResponse r) {
      return new Failure(r, 200, false, null, null, null);
    }
  }

  private Failure attempt(String body, int attempt) throws InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(endpoint).timeout(config.requestTimeout())
        .header("Content-Type", "application/json").header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    config.apiKey().ifPresent(k -> b.header("Authorization", k.headerValue()));
    HttpResponse<String> resp;
    try {
      resp = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (HttpTimeoutException e) {
      return new Failure(null, 0, true, endpoint + ": no answer within " + config.requestTimeout().toSeconds()
          + " s", null, e);
    } catch (IOException e) {
      return new Failure(null, 0, true, endpoint + ": network error: " + e, null, e);
    }
    int status = resp.statusCode();
    if (status / 100 == 2) {
      try {
        return Failure.ok(scrub(ChatResponse.parse(resp.body())));
      } catch (IllegalArgumentException e) {
        // a proxy's error page or a cut-off body: worth another attempt
        return new Failure(null, status, true, endpoint + ": " + e.getMessage(), null, e);
      }
    }
    String what = endpoint + ": HTTP " + status + serverMessage(resp.body());
    if (RetryPolicy.retryable(status)) {
      return new Failure(null, status, true, what, retryAfter(resp), null);
    }
    return new Failure(null, status, false, what + hint(status), null, null);
  }

  private static String hint(int status) {
    return switch (status) {
      case 401, 403 -> " (check the key in " + ApiKey.ENV + " or --api-key-file)";
      case 404 -> " (check --base-url: an OpenAI-compatible server serves /v1/chat/completions; and --model)";
      case 400, 422 -> " (the server rejected the request; if it does not accept \"seed\", use --no-seed)";
      default -> "";
    };
  }

  /** The server's own error text ({@code {"error": {"message": ...}}} or the body), shortened. */
  private static String serverMessage(String body) {
    if (body == null || body.isBlank()) {
      return "";
    }
    String text = body;
    try {
      JsonElement e = JsonParser.parseString(body);
      if (e.isJsonObject()) {
        JsonObject o = e.getAsJsonObject();
        JsonElement err = o.get("error");
        if (err != null && err.isJsonObject() && err.getAsJsonObject().has("message")) {
          text = err.getAsJsonObject().get("message").getAsString();
        } else if (err != null && err.isJsonPrimitive()) {
          text = err.getAsString();
        }
      }
    } catch (RuntimeException ignored) {
      // not JSON: show the text itself
    }
    return ": " + ChatResponse.abbreviate(text);
  }

  /** Retry-After (seconds or an HTTP date) or retry-after-ms, when the server sent one. */
  static Duration retryAfter(HttpResponse<?> resp) {
    Optional<String> ms = resp.headers().firstValue("retry-after-ms");
    if (ms.isPresent()) {
      try {
        return Duration.ofMillis(Math.max(0, (long) Double.parseDouble(ms.get().strip())));
      } catch (NumberFormatException ignored) {
        // fall through to Retry-After
      }
    }
    Optional<String> ra = resp.headers().firstValue("retry-after");
    if (ra.isEmpty()) {
      return null;
    }
    return parseRetryAfter(ra.get(), ZonedDateTime.now());
  }

  static Duration parseRetryAfter(String value, ZonedDateTime now) {
    String v = value.strip();
    try {
      double seconds = Double.parseDouble(v);
      return Duration.ofMillis(Math.max(0, (long) (seconds * 1000)));
    } catch (NumberFormatException notSeconds) {
      try {
        ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
        Duration d = Duration.between(now, at);
        return d.isNegative() ? Duration.ZERO : d;
      } catch (RuntimeException notDate) {
        return null;
      }
    }
  }

  private String redact(String s) {
    return config.apiKey().map(k -> k.redact(s)).orElse(s);
  }

  /**
   * The answer with the API key replaced by {@code ***} in its text, reasoning and model name: a server or model can
   * echo what it was sent, and answers go to output files and the response cache. Also applied to cached answers,
   * which an older version may have stored unscrubbed.
   */
  ChatResponse scrub(ChatResponse r) {
    return new ChatResponse(redact(r.content()), redact(r.reasoning()), r.finishReason(), r.usage(),
        redact(r.model()));
  }

  @Override
  public void close() {
    // java.net.http.HttpClient has no close() before Java 21; its threads end when it is unreachable
  }
}
