// A judge's answer read into scores: tolerant of code fences and surrounding text, strict about the scores.
package dev.reason2decide.llm;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.util.LinkedHashMap;
import java.util.Map;

/** Scores per criterion (in rubric order) and the judge's justification. */
public record JudgeVerdict(Map<String, Integer> scores, String justification) {

  /** Thrown when an answer cannot be read as a verdict; the message says what is wrong. */
  public static final class Malformed extends Exception {
    private static final long serialVersionUID = 1L;

    Malformed(String message) {
      super(message);
    }
  }

  /**
   * Reads a verdict from the judge's text: the first JSON object in it (code fences and prose around it are
   * ignored) must give every criterion an integer in [{@value JudgeRubric#MIN}, {@value JudgeRubric#MAX}] (a
   * number like 4 or 4.0, or a string "4") and a non-empty justification. Nothing is guessed: anything else is
   * {@link Malformed}.
   */
  public static JudgeVerdict parse(String answer) throws Malformed {
    JsonObject o = firstObject(answer);
    Map<String, Integer> scores = new LinkedHashMap<>();
    for (JudgeRubric.Criterion c : JudgeRubric.CRITERIA) {
      JsonElement e = o.get(c.field());
      if (e == null || e.isJsonNull()) {
        throw new Malformed("field \"" + c.field() + "\" is missing");
      }
      int v = integer(e, c.field());
      if (v < JudgeRubric.MIN || v > JudgeRubric.MAX) {
        throw new Malformed("\"" + c.field() + "\" is " + v + ", outside " + JudgeRubric.MIN + "-"
            + JudgeRubric.MAX);
      }
      scores.put(c.field(), v);
    }
    JsonElement j = o.get("justification");
    if (j == null || !j.isJsonPrimitive() || j.getAsString().isBlank()) {
      throw new Malformed("field \"justification\" is missing or empty");
    }
    return new JudgeVerdict(java.util.Collections.unmodifiableMap(scores), j.getAsString().strip());
  }

  private static int integer(JsonElement e, String field) throws Malformed {
    if (e.isJsonPrimitive()) {
      JsonPrimitive p = e.getAsJsonPrimitive();
      String s = p.getAsString().strip();
      try {
        double d = Double.parseDouble(s);
        if (d == Math.rint(d) && Math.abs(d) < 1000 && (p.isNumber() || s.matches("[+-]?\\d+"))) {
          return (int) d;
        }
      } catch (NumberFormatException ignored) {
        // reported below
      }
    }
    throw new Malformed("\"" + field + "\" must be an integer, got " + e);
  }

  /** The first balanced {...} in the text that parses as a JSON object. */
  static JsonObject firstObject(String text) throws Malformed {
    if (text == null || text.isBlank()) {
      throw new Malformed("the answer is empty");
    }
    for (int start = text.indexOf('{'); start >= 0; start = text.indexOf('{', start + 1)) {
      int end = matchingBrace(text, start);
      if (end < 0) {
        break;
      }
      try {
        JsonElement e = JsonParser.parseString(text.substring(start, end + 1));
        if (e.isJsonObject()) {
          return e.getAsJsonObject();
        }
      } catch (RuntimeException ignored) {
        // try the next opening brace
      }
    }
    throw new Malformed("no JSON object found in the answer");
  }

  private static int matchingBrace(String s, int start) {
    int depth = 0;
    boolean inString = false;
    for (int i = start; i < s.length(); i++) {
      char c = s.charAt(i);
      if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == '{') {
        depth++;
      } else if (c == '}' && --depth == 0) {
        return i;
      }
    }
    return -1;
  }
}
