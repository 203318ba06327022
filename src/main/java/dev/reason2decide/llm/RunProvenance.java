// What every LLM output records about how it was made: server, model, prompt, parameters, tokens, date (never the key).
package dev.reason2decide.llm;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds the provenance map shared by the rationale and judge outputs. */
public final class RunProvenance {
  private RunProvenance() {}

  /**
   * The common fields. The server is recorded as scheme, host and port only; whether a key was used is
   * recorded, the key itself never is.
   */
  public static Map<String, Object> of(String task, CachedChat chat, PromptTemplate prompt, double temperature,
      int maxTokens, Integer seed) {
    ChatClientConfig c = chat.client().config();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("task", task);
    m.put("created", Instant.now().toString());
    m.put("tool", "reason2decide " + versionOr("dev"));
    m.put("model", c.model());
    m.put("server", c.serverForProvenance());
    m.put("api_key_used", c.apiKey().isPresent());
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("temperature", temperature);
    params.put("max_tokens", maxTokens);
    params.put("seed", seed);
    params.put("concurrency", c.maxConcurrency());
    params.put("request_timeout_s", c.requestTimeout().toSeconds());
    params.put("max_attempts", c.retry().maxAttempts());
    m.put("parameters", params);
    m.put("prompt_template", prompt.name());
    m.put("prompt_template_sha256", prompt.sha256());
    m.put("prompt_template_text", prompt.text());
    m.put("cache", chat.cache().file().toString());
    return m;
  }

  /** Request and token counts: this run's calls and the cached answers reused. */
  public static Map<String, Object> usage(CachedChat chat) {
    Map<String, Object> m = new LinkedHashMap<>();
    ChatClient.Stats s = chat.client().stats();
    m.put("requests_sent", chat.sent());
    m.put("http_attempts", s.requests());
    m.put("retries", s.retries());
    m.put("answers_from_cache", chat.cachedHits());
    m.put("tokens_this_run", tokens(chat.sentUsage()));
    m.put("tokens_of_cached_answers", tokens(chat.cachedUsage()));
    return m;
  }

  private static Map<String, Long> tokens(Usage u) {
    Map<String, Long> m = new LinkedHashMap<>();
    m.put("prompt", u.promptTokens());
    m.put("completion", u.completionTokens());
    m.put("total", u.totalTokens());
    return m;
  }

  private static String versionOr(String fallback) {
    String v = RunProvenance.class.getPackage().getImplementationVersion();
    return v != null ? v : fallback;
  }
}
