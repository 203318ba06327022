// The decision API: predict one note, predict a batch, describe the model, report health.
package dev.reason2decide.serve;

import dev.reason2decide.eval.faith.ExampleChecks;
import dev.reason2decide.eval.faith.TrustReview;
import dev.reason2decide.inference.Decision;
import dev.reason2decide.inference.DecisionModel;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Handlers of {@code /v1/predict}, {@code /v1/predict/batch}, {@code /v1/model} and {@code /health}. */
final class DecisionEndpoints {
  private final DecisionModel model;
  private final ServeConfig config;
  private final Admission admission;
  private final DecisionBatcher batcher;
  private final ClientWatch clients;
  private final long startedNanos = System.nanoTime();

  /**
   * With a {@code batcher}, single-note requests are decided in batches; {@code null} decides each alone. A decision
   * whose client {@code clients} sees go away is stopped (499, never sent).
   */
  DecisionEndpoints(DecisionModel model, ServeConfig config, Admission admission, DecisionBatcher batcher,
      ClientWatch clients) {
    this.model = model;
    this.config = config;
    this.admission = admission;
    this.batcher = batcher;
    this.clients = clients;
  }

  /** {@code POST /v1/predict}: {@code {"text"}} → label, probabilities, rationale, model, latency_ms. */
  Reply predict(Call call) throws ApiError, IOException {
    long start = System.nanoTime();
    String text = PredictRequest.single(call.jsonBody(config.maxBodyBytes()), config.maxInputChars());
    call.noteInput(text);
    Decision d = admission.run(model.inputTokens(List.of(text)),
        () -> batcher == null ? model.decide(text) : batcher.decide(text), presence(call));
    Map<String, Object> body = decision(d, text);
    body.put("model", model.name());
    body.put("latency_ms", millis(start));
    return Reply.json(200, body);
  }

  /** {@code POST /v1/predict/batch}: {@code {"texts": [...]}} → results in the same order, model, latency_ms. */
  Reply batch(Call call) throws ApiError, IOException {
    long start = System.nanoTime();
    List<String> texts = PredictRequest.batch(call.jsonBody(config.maxBodyBytes()), config.maxInputChars(),
        config.maxBatchItems());
    texts.forEach(call::noteInput);
    List<Decision> decisions = admission.run(model.inputTokens(texts), () -> model.decideAll(texts),
        presence(call));
    if (decisions.size() != texts.size()) {
      throw new IllegalStateException("the model answered " + decisions.size() + " decisions for "
          + texts.size() + " notes");
    }
    List<Map<String, Object>> results = new ArrayList<>();
    for (int i = 0; i < decisions.size(); i++) {
      results.add(decision(decisions.get(i), texts.get(i)));
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("results", results);
    body.put("model", model.name());
    body.put("latency_ms", millis(start));
    return Reply.json(200, body);
  }

  /**
   * {@code GET /v1/model}: name, label set, the checkpoint's own description (file names, never the server's
   * paths), and this service's limits.
   */
  Reply describe(Call call) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", model.name());
    body.put("labels", model.labels());
    body.put("checkpoint", PublicDescription.of(model.describe()));
    Map<String, Object> limits = new LinkedHashMap<>();
    limits.put("max_body_bytes", config.maxBodyBytes());
    limits.put("max_input_chars", config.maxInputChars());
    limits.put("max_batch_items", config.maxBatchItems());
    limits.put("max_tokens_in_flight", config.maxTokensInFlight());
    limits.put("workers", config.workers());
    limits.put("queue", config.queueCapacity());
    limits.put("timeout_ms", config.requestTimeout().toMillis());
    body.put("limits", limits);
    return Reply.json(200, body);
  }

  /** {@code GET /health}: ok, the model, requests in flight out of capacity, uptime. */
  Reply health(Call call) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", "ok");
    body.put("model", model.name());
    body.put("in_flight", admission.inFlight());
    body.put("capacity", admission.capacity());
    body.put("tokens_in_flight", admission.tokensInFlight());
    body.put("uptime_s", Math.round((System.nanoTime() - startedNanos) / 1e9));
    return Reply.json(200, body);
  }

  /** Label, probabilities (in the model's label order, then any others), rationale, the rationale's checks. */
  private Map<String, Object> decision(Decision d, String text) {
    Map<String, Double> probabilities = new LinkedHashMap<>();
    for (String label : model.labels()) {
      Double p = d.probabilities().get(label);
      if (p != null) {
        probabilities.put(label, p);
      }
    }
    d.probabilities().forEach(probabilities::putIfAbsent);
    Map<String, Object> out = new LinkedHashMap<>();
    ExampleChecks checks = ExampleChecks.of(text, d.label(), d.rationale(), model.labels());
    out.put("label", d.label());
    out.put("label_text", d.labelText());
    out.put("probabilities", probabilities);
    out.put("rationale", d.rationale());
    out.put("checks", checks.toMap());
    out.put("trust", TrustReview.verdict(d, checks).toMap());
    return out;
  }

  /** Whether {@code call}'s client is still there, as the connection watch sees it. */
  private Admission.ClientPresence presence(Call call) {
    return onGone -> clients.watch(call.exchange().getLocalAddress(), call.exchange().getRemoteAddress(), onGone);
  }

  private static double millis(long startNanos) {
    return Math.round((System.nanoTime() - startNanos) / 1e4) / 100.0;
  }
}
