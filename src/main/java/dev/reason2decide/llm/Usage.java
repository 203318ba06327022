// Token counts that a chat-completions response reports in its `usage` object.
package dev.reason2decide.llm;

/** Prompt, completion and total tokens; zero when the server did not report them. */
public record Usage(long promptTokens, long completionTokens, long totalTokens) {
  public static final Usage NONE = new Usage(0, 0, 0);

  public Usage plus(Usage o) {
    return new Usage(promptTokens + o.promptTokens, completionTokens + o.completionTokens,
        totalTokens + o.totalTokens);
  }

  @Override
  public String toString() {
    return promptTokens + " prompt + " + completionTokens + " completion tokens";
  }
}
