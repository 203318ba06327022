// The part of a chat-completions answer the project uses: the first choice's text, why it stopped, token usage.
package dev.reason2decide.llm;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * An answer. {@code finishReason} is the server's {@code finish_reason} ("stop", "length", ...; empty when it
 * sent none); {@code content} is never null (a null content reads as the empty string).
 */
public record ChatResponse(String content, String finishReason, Usage usage, String model) {

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
    JsonElement message = choice.get("message");
    if (message != null && message.isJsonObject()) {
      content = string(message.getAsJsonObject(), "content");
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
    return new ChatResponse(content, finish, usage, string(o, "model"));
  }

  /** The form kept in the response cache. */
  JsonObject toJson() {
    JsonObject o = new JsonObject();
    o.addProperty("content", content);
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
    return new ChatResponse(string(o, "content"), string(o, "finish_reason"), usage, string(o, "model"));
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
