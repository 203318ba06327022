// A text with named {slots}: rendered by the generator, and read backwards (the same text) by the parsers.
package dev.reason2decide.data.synth;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A template such as {@code "HR {hr}, BP {sbp}/{dbp}"}. {@link #render} fills the slots; {@link #reader} compiles
 * the same text into an anchored pattern whose named groups are the slots, so writing and reading share one
 * definition. Slot names are letters and digits; a slot may occur once.
 *
 * @param text the template
 */
public record SlotTemplate(String text) {
  private static final Pattern SLOT = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)}");

  public SlotTemplate {
    if (text == null || text.isEmpty()) {
      throw new IllegalArgumentException("template text must not be empty");
    }
    List<String> seen = new ArrayList<>();
    Matcher m = SLOT.matcher(text);
    while (m.find()) {
      if (seen.contains(m.group(1))) {
        throw new IllegalArgumentException("slot {" + m.group(1) + "} occurs twice in: " + text);
      }
      seen.add(m.group(1));
    }
  }

  /** The slot names, in order of appearance. */
  public List<String> slots() {
    List<String> out = new ArrayList<>();
    Matcher m = SLOT.matcher(text);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  /** The text with every slot replaced by its value; a missing value is an error. */
  public String render(Map<String, String> values) {
    Matcher m = SLOT.matcher(text);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String v = values.get(m.group(1));
      if (v == null) {
        throw new IllegalArgumentException("no value for slot {" + m.group(1) + "} of: " + text);
      }
      m.appendReplacement(sb, Matcher.quoteReplacement(v));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  /**
   * The template read backwards: the literal text quoted, each slot a named group matching {@code slotPatterns}
   * (every slot needs one). Use with {@link Matcher#matches()}.
   */
  public Pattern reader(Map<String, String> slotPatterns) {
    Matcher m = SLOT.matcher(text);
    StringBuilder re = new StringBuilder();
    int last = 0;
    while (m.find()) {
      re.append(Pattern.quote(text.substring(last, m.start())));
      String p = slotPatterns.get(m.group(1));
      if (p == null) {
        throw new IllegalArgumentException("no pattern for slot {" + m.group(1) + "} of: " + text);
      }
      re.append("(?<").append(m.group(1)).append('>').append(p).append(')');
      last = m.end();
    }
    re.append(Pattern.quote(text.substring(last)));
    return Pattern.compile(re.toString());
  }

  /** The slot values of a full match of {@code text} by {@code reader}, or null when it does not match. */
  public Map<String, String> read(Pattern reader, String input) {
    Matcher m = reader.matcher(input);
    if (!m.matches()) {
      return null;
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (String s : slots()) {
      out.put(s, m.group(s));
    }
    return out;
  }

  /** An alternation of literal strings, longest first (so a phrasing that extends another wins). */
  public static String anyOf(List<String> literals) {
    List<String> sorted = new ArrayList<>(literals);
    sorted.sort((a, b) -> Integer.compare(b.length(), a.length()));
    StringBuilder sb = new StringBuilder("(?:");
    for (int i = 0; i < sorted.size(); i++) {
      sb.append(i > 0 ? "|" : "").append(Pattern.quote(sorted.get(i)));
    }
    return sb.append(')').toString();
  }
}
