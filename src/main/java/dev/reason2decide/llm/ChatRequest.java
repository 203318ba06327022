// What is sent to /v1/chat/completions: model, messages and the sampling parameters the project uses.
package dev.reason2decide.llm;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.reason2decide.io.Json;
import java.util.List;

/**
 * A chat-completions request. {@code seed} is null when the server should not be sent one (not every server
 * accepts it). The JSON body is canonical (fixed field order), so that its hash can key the response cache.
 */
public record ChatRequest(String model, List<ChatMessage> messages, double temperature, int maxTokens,
    Integer seed) {

  public ChatRequest {
    if (model == null || model.isBlank()) {
      throw new IllegalArgumentException("a model name is needed (--model or R2D_LLM_MODEL)");
    }
    if (messages == null || messages.isEmpty()) {
      throw new IllegalArgumentException("a chat request needs at least one message");
    }
    if (maxTokens < 1) {
      throw new IllegalArgumentException("max tokens must be at least 1, got " + maxTokens);
    }
    if (!(temperature >= 0 && temperature <= 2)) {
      throw new IllegalArgumentException("temperature must be in [0, 2], got " + temperature);
    }
    messages = List.copyOf(messages);
  }

  /** The same request with one more message (used to ask again after a malformed answer). */
  public ChatRequest followedBy(ChatMessage... more) {
    List<ChatMessage> all = new java.util.ArrayList<>(messages);
    all.addAll(List.of(more));
    return new ChatRequest(model, all, temperature, maxTokens, seed);
  }

  /** The request body as the OpenAI chat-completions API expects it (non-streaming). */
  public JsonObject toJson() {
    JsonObject o = new JsonObject();
    o.addProperty("model", model);
    JsonArray ms = new JsonArray();
    for (ChatMessage m : messages) {
      JsonObject jm = new JsonObject();
      jm.addProperty("role", m.role());
      jm.addProperty("content", m.content());
      ms.add(jm);
    }
    o.add("messages", ms);
    o.addProperty("temperature", temperature);
    o.addProperty("max_tokens", maxTokens);
    if (seed != null) {
      o.addProperty("seed", seed);
    }
    o.addProperty("stream", false);
    return o;
  }

  /** The body as one line of JSON. */
  public String toBody() {
    return Json.COMPACT.toJson(toJson());
  }
}
