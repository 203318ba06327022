// The one cleaning of an LLM's answer: reasoning (blocks and fields) and presentation wrappers removed, each noted.
package dev.reason2decide.llm;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a chat answer into the text a rationale is made of. Reasoning models served without a reasoning parser put
 * their chain of thought in the answer ({@code <think>…</think>}, {@code <reasoning>…</reasoning>}); chat models
 * dress answers in markdown, a "Rationale:" label, quotes or a code fence. Both are removed, and every kind of thing
 * removed is reported ({@link Removed}), so an output row can say what was done to it. The server's separate
 * reasoning field ({@link ChatResponse#reasoning()}) is never part of the result, only noted. What is left is the
 * model's answer as written: nothing else is rewritten.
 */
public final class AnswerCleaning {
  private AnswerCleaning() {}

  /** A kind of thing removed from an answer; {@link #key()} is how outputs name it. */
  public enum Removed {
    /** The server returned reasoning in a separate field ({@code reasoning_content} or {@code reasoning}). */
    REASONING_FIELD("reasoning_field"),
    /**
     * A {@code <think>…</think>} (or {@code <thinking>…</thinking>}) block, or the text before a lone closing tag
     * (the chat template opened the block in the prompt).
     */
    THINK_BLOCK("think_block"),
    /** A {@code <reasoning>…</reasoning>} block, or the text before a lone closing tag. */
    REASONING_BLOCK("reasoning_block"),
    /** A reasoning block that was opened and never closed: from its tag to the end. */
    UNCLOSED_REASONING("unclosed_reasoning"),
    /** A code fence around the whole answer. */
    CODE_FENCE("code_fence"),
    /** A leading "Rationale:" label (also as a markdown heading or in bold). */
    LABEL("label"),
    /** Markdown emphasis markers ({@code **bold**}, {@code *italic*}, {@code __bold__}, {@code _italic_}). */
    MARKDOWN("markdown"),
    /** Quotes around the whole answer. */
    QUOTES("quotes");

    private final String key;

    Removed(String key) {
      this.key = key;
    }

    public String key() {
      return key;
    }
  }

  /** The cleaned text (stripped) and what was removed, in {@link Removed} order. */
  public record Cleaned(String text, List<Removed> removed) {
    public boolean isEmpty() {
      return text.isEmpty();
    }

    /** The removed kinds by {@link Removed#key()}. */
    public List<String> keys() {
      return removed.stream().map(Removed::key).toList();
    }
  }

  private record Tag(String name, Removed kind) {}

  private static final List<Tag> TAGS = List.of(new Tag("think", Removed.THINK_BLOCK),
      new Tag("thinking", Removed.THINK_BLOCK), new Tag("reasoning", Removed.REASONING_BLOCK));
  private static final Pattern FENCE = Pattern.compile("(?s)^```[\\w.+-]*[ \\t]*\\n(.*?)\\n?[ \\t]*```$");
  /** "Rationale:", "**Rationale:**", "**Rationale**:", "## Rationale" or "Rationale" alone on the first line. */
  private static final Pattern LABEL = Pattern.compile("(?i)^(?:#{1,6}[ \\t]*)?[*_]{0,3}[ \\t]*rationale[ \\t]*"
      + "(?:[*_]{0,3}[ \\t]*:[ \\t]*[*_]{0,3}|[*_]{0,3}[ \\t]*\\n)");
  private static final List<Pattern> EMPHASIS = List.of(
      Pattern.compile("(?<![\\w*])\\*\\*(?=\\S)(.+?)(?<=\\S)\\*\\*(?![\\w*])", Pattern.DOTALL),
      Pattern.compile("(?<![\\w_])__(?=\\S)(.+?)(?<=\\S)__(?![\\w_])", Pattern.DOTALL),
      Pattern.compile("(?<![\\w*])\\*(?=[^\\s*])(.+?)(?<=[^\\s*])\\*(?![\\w*])", Pattern.DOTALL),
      Pattern.compile("(?<![\\w_])_(?=[^\\s_])(.+?)(?<=[^\\s_])_(?![\\w_])", Pattern.DOTALL));
  /** Opening and closing quote pairs; for straight double quotes, none may occur inside. */
  private static final List<String> QUOTE_PAIRS = List.of("\"\"", "“”", "„“", "«»", "''", "‘’");

  /** Cleans a server's answer: its content, noting a reasoning field if the server sent one. */
  public static Cleaned clean(ChatResponse r) {
    return clean(r.content(), !r.reasoning().isBlank());
  }

  /**
   * Cleans answer text.
   *
   * @param reasoningField whether the server sent its reasoning in a separate field (only noted)
   */
  public static Cleaned clean(String content, boolean reasoningField) {
    Set<Removed> removed = EnumSet.noneOf(Removed.class);
    if (reasoningField) {
      removed.add(Removed.REASONING_FIELD);
    }
    String t = withoutReasoning(content, removed).strip();
    String before;
    do {
      before = t;
      t = withoutWrappers(t, removed).strip();
    } while (!t.equals(before));
    return new Cleaned(t, List.copyOf(removed));
  }

  /**
   * Only the reasoning removed (blocks and an unclosed block), the rest of the answer as written: for answers that
   * are parsed rather than kept, such as the judge's JSON verdict, where markdown clean-up could alter the text.
   */
  public static String withoutReasoning(String content) {
    return withoutReasoning(content, EnumSet.noneOf(Removed.class)).strip();
  }

  /** Removes closed blocks, text before a lone closing tag, and an unclosed block to the end. */
  private static String withoutReasoning(String s, Set<Removed> removed) {
    String t = s;
    for (Tag tag : TAGS) {
      String open = "<" + tag.name() + ">";
      String close = "</" + tag.name() + ">";
      while (true) {
        String lower = t.toLowerCase(Locale.ROOT);
        int c = lower.indexOf(close);
        int o = lower.indexOf(open);
        if (c < 0) {
          if (o >= 0) { // opened, never closed: the rest is reasoning
            t = t.substring(0, o);
            removed.add(Removed.UNCLOSED_REASONING);
          }
          break;
        }
        // a block [o, c] or, with no opening tag before the close, everything up to the close
        int from = o >= 0 && o < c ? o : 0;
        t = t.substring(0, from) + t.substring(c + close.length());
        removed.add(tag.kind());
      }
    }
    return t;
  }

  /** One pass over the presentation wrappers, outermost first. */
  private static String withoutWrappers(String s, Set<Removed> removed) {
    String t = s;
    Matcher fence = FENCE.matcher(t);
    if (fence.matches()) {
      t = fence.group(1).strip();
      removed.add(Removed.CODE_FENCE);
    }
    Matcher label = LABEL.matcher(t);
    if (label.lookingAt()) {
      t = t.substring(label.end()).strip();
      removed.add(Removed.LABEL);
    }
    String unquoted = unquoted(t);
    if (unquoted != null) {
      t = unquoted.strip();
      removed.add(Removed.QUOTES);
    }
    for (Pattern p : EMPHASIS) {
      Matcher m = p.matcher(t);
      if (m.find()) {
        t = m.replaceAll("$1");
        removed.add(Removed.MARKDOWN);
      }
    }
    return t;
  }

  /** The text inside quotes that surround all of it, or null. */
  private static String unquoted(String t) {
    if (t.length() < 2) {
      return null;
    }
    for (String pair : QUOTE_PAIRS) {
      char open = pair.charAt(0);
      char close = pair.charAt(1);
      if (t.charAt(0) == open && t.charAt(t.length() - 1) == close) {
        String inner = t.substring(1, t.length() - 1);
        if (open == '"' && inner.indexOf('"') >= 0) {
          return null; // "a" and "b": two quotations, not one around the answer
        }
        return inner;
      }
    }
    return null;
  }
}
