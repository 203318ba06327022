// An editable prompt: optional [system] and [user] sections with {placeholders} filled from the example.
package dev.reason2decide.llm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A prompt template. The text may start with a line {@code [system]} followed by the system message, then a line
 * {@code [user]} followed by the user message; without these markers the whole text is the user message.
 * Placeholders are {@code {name}} with a lower-case name; only the names a use declares are filled (in one pass,
 * so braces in the filled-in text are left alone), and other braces (JSON examples) stay as written.
 */
public record PromptTemplate(String name, String text, String system, String user) {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)}");

  /** Parses a template; {@code required} placeholders must occur in it. */
  public static PromptTemplate parse(String name, String text, Set<String> required) {
    String t = text.replace("\r\n", "\n");
    String system = "";
    String user = t;
    String trimmed = t.stripLeading();
    if (trimmed.startsWith("[system]\n")) {
      int u = trimmed.indexOf("\n[user]\n");
      if (u < 0) {
        throw new IllegalArgumentException(name + ": a [system] section must be followed by a line [user]");
      }
      system = trimmed.substring("[system]\n".length(), u).strip();
      user = trimmed.substring(u + "\n[user]\n".length());
    } else if (trimmed.startsWith("[user]\n")) {
      user = trimmed.substring("[user]\n".length());
    }
    user = user.strip();
    if (user.isEmpty()) {
      throw new IllegalArgumentException(name + ": the user message is empty");
    }
    for (String r : required) {
      if (!(system + user).contains("{" + r + "}")) {
        throw new IllegalArgumentException(name + ": the template must contain the placeholder {" + r + "}");
      }
    }
    return new PromptTemplate(name, text, system, user);
  }

  public static PromptTemplate fromFile(Path file, Set<String> required) {
    try {
      return parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8), required);
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": cannot read the prompt template: " + e.getMessage(), e);
    }
  }

  /** A template shipped in this package's resources. */
  public static PromptTemplate resource(String resourceName, Set<String> required) {
    try (InputStream in = PromptTemplate.class.getResourceAsStream(resourceName)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resourceName);
      }
      return parse("built-in " + resourceName, new String(in.readAllBytes(), StandardCharsets.UTF_8), required);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The messages with the placeholders filled in. */
  public List<ChatMessage> render(Map<String, String> values) {
    List<ChatMessage> out = new ArrayList<>(2);
    if (!system.isEmpty()) {
      out.add(ChatMessage.system(fill(system, values)));
    }
    out.add(ChatMessage.user(fill(user, values)));
    return out;
  }

  static String fill(String template, Map<String, String> values) {
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String v = values.get(m.group(1));
      m.appendReplacement(sb, Matcher.quoteReplacement(v != null ? v : m.group()));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  /** SHA-256 of the template text, for provenance. */
  public String sha256() {
    return dev.reason2decide.io.Provenance.sha256(text);
  }

}
