// One message of an OpenAI chat-completions conversation: a role (system, user, assistant) and its text.
package dev.reason2decide.llm;

import java.util.Objects;

/** A chat message. */
public record ChatMessage(String role, String content) {
  public ChatMessage {
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(content, "content");
  }

  public static ChatMessage system(String text) {
    return new ChatMessage("system", text);
  }

  public static ChatMessage user(String text) {
    return new ChatMessage("user", text);
  }

  public static ChatMessage assistant(String text) {
    return new ChatMessage("assistant", text);
  }
}
