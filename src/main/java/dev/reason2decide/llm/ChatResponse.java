// The part of a chat-completions answer the project uses: the first choice's text and reasoning, why it stopped, usage.
package dev.reason2decide.llm;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.List;

/**
 * An answer. {@code finishReason} is the server's {@code finish_reason} ("stop", "length", ...; empty when it
 * sent none); {@code content} is never null (a null content reads as the empty string). {@code reasoning} is the
 * reasoning a server returns beside the answer when it splits a reasoning model's output (vLLM and llama.cpp's
 * {@code reasoning_content}, vLLM's newer and Ollama's {@code reasoning}); empty when there is none. It is kept for
 * the record and never used as the answer.
 */
public record ChatResponse(String content, String reasoning, String finishReason, Usage usage, String model) {

  /** An answer without a separate reasoning field. */
  public ChatResponse(String content, String finishReason, Usage usage, String model) {
    this(content, "", finishReason, usage, model);
  }

  /** The message fields that servers use for a reasoning model's reasoning, in the order they are looked for. */
  static final List<String> REASONING_FIELDS = List.of("reasoning_content", "reasoning");

  /** True when the server stopped because of the token limit: the answer is cut off. */
  public boolean truncated() {
    return "length".equals(finishReason);
  }

  /**
   * Reads a response body.
   *
   * @throws IllegalArgumentException when the body is not a chat-completions object with at least one choice
   */
  public static ChatResponse parse(String body) {
    JsonObject o;
    try {
      JsonElement e = JsonParser.parseString(body);
      if (!e.isJsonObject()) {
        throw new IllegalArgumentException("answer is not a JSON object");
      }
      o = e.getAsJsonObject();
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("answer is not valid JSON: " + abbreviate(body), e);
    }
    JsonElement choices = o.get("choices");
    if (choices == null || !choices.isJsonArray() || choices.getAsJsonArray().isEmpty()) {
      throw new IllegalArgumentException("answer has no \"choices\": " + abbreviate(body));
    }
    JsonElement first = choices.getAsJsonArray().get(0);
    if (!first.isJsonObject()) {
      throw new IllegalArgumentException("answer's first choice is not an object: " + abbreviate(body));
    }
    JsonObject choice = first.getAsJsonObject();
    String content = "";
    String reasoning = "";
    JsonElement message = choice.get("message");
    if (message != null && message.isJsonObject()) {
      content = string(message.getAsJsonObject(), "content");
      reasoning = reasoning(message.getAsJsonObject());
    } else if (choice.has("text")) {
      content = string(choice, "text");
    } else {
      throw new IllegalArgumentException("answer's first choice has no \"message\": " + abbreviate(body));
    }
    String finish = string(choice, "finish_reason");
    Usage usage = Usage.NONE;
    JsonElement u = o.get("usage");
    if (u != null && u.isJsonObject()) {
      JsonObject uo = u.getAsJsonObject();
      long p = number(uo, "prompt_tokens");
      long c = number(uo, "completion_tokens");
      long t = uo.has("total_tokens") ? number(uo, "total_tokens") : p + c;
      usage = new Usage(p, c, t);
    }
    return new ChatResponse(content, reasoning, finish, usage, string(o, "model"));
  }

  /** The first non-empty reasoning field of a message ("" when none; a field that is not text is ignored). */
  private static String reasoning(JsonObject message) {
    for (String field : REASONING_FIELDS) {
      JsonElement e = message.get(field);
      if (e != null && e.isJsonPrimitive() && !e.getAsString().isEmpty()) {
        return e.getAsString();
      }
    }
    return "";
  }

  /** The form kept in the response cache. */
  JsonObject toJson() {
    JsonObject o = new JsonObject();
    o.addProperty("content", content);
    if (!reasoning.isEmpty()) {
      o.addProperty("reasoning", reasoning);
    }
    o.addProperty("finish_reason", finishReason);
    o.addProperty("model", model);
    JsonObject u = new JsonObject();
    u.addProperty("prompt_tokens", usage.promptTokens());
    u.addProperty("completion_tokens", usage.completionTokens());
    u.addProperty("total_tokens", usage.totalTokens());
    o.add("usage", u);
    return o;
  }

  static ChatResponse fromJson(JsonObject o) {
    JsonObject u = o.getAsJsonObject("usage");
    Usage usage = u == null ? Usage.NONE
        : new Usage(number(u, "prompt_tokens"), number(u, "completion_tokens"), number(u, "total_tokens"));
    return new ChatResponse(string(o, "content"), string(o, "reasoning"), string(o, "finish_reason"), usage,
        string(o, "model"));
  }

  private static String string(JsonObject o, String field) {
    JsonElement e = o.get(field);
    return e == null || e.isJsonNull() ? "" : e.getAsString();
  }

  private static long number(JsonObject o, String field) {
    JsonElement e = o.get(field);
    if (e == null || e.isJsonNull() || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
      return 0;
    }
    return e.getAsLong();
  }

  static String abbreviate(String s) {
    String one = s.replaceAll("\\s+", " ").strip();
    return one.length() <= 200 ? one : one.substring(0, 200) + "...";
  }
}
