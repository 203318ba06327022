// The one reader of a run's metrics.jsonl: typed lines for the runs view, the experiment charts and the reports.
package dev.reason2decide.runs;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The lines of metrics.jsonl, in file order: {@code {"kind":"step","stage":..,"step":..,...}} per training step,
 * {@code {"kind":"eval",...}} per validation and {@code {"kind":"stop",...}} where a phase ended before its budget
 * (goals met or patience out: {@code train.MetricsWriter#stop}). A line that is not a JSON object with one of these
 * kinds and a numeric step is a {@link Problem} (with its line number), never silently dropped: the caller decides
 * whether that is an error (reports) or skipped and counted (the runs view). Blank lines are ignored.
 */
public record MetricsFile(List<Line> lines, List<Problem> problems) {
  private static final List<String> NON_FINITE = List.of("NaN", "Infinity", "-Infinity");
  private static final List<String> KINDS = List.of("step", "eval", "stop");

  /**
   * One line. {@code stage} is null when the line has none; {@code values} holds every other numeric field,
   * NaN and ±Infinity included (the trainer writes a diverged loss bare, as Gson does).
   */
  public record Line(int number, String kind, String stage, double step, Map<String, Double> values) {
    public boolean isEval() {
      return kind.equals("eval");
    }

    /** The record of a phase that ended before its budget ({@code step}: where it ended). */
    public boolean isStop() {
      return kind.equals("stop");
    }

    public Double get(String key) {
      return values.get(key);
    }
  }

  /** A line that could not be read, and why. */
  public record Problem(int line, String reason) {
    @Override
    public String toString() {
      return "line " + line + ": " + reason;
    }
  }

  /** Reads {@code file}; a missing file has no lines. */
  public static MetricsFile read(Path file) {
    List<Line> lines = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    if (!Files.isRegularFile(file)) {
      return new MetricsFile(lines, problems);
    }
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String text;
      int number = 0;
      while ((text = in.readLine()) != null) {
        number++;
        if (text.isBlank()) {
          continue;
        }
        try {
          lines.add(line(number, text));
        } catch (IllegalArgumentException e) {
          problems.add(new Problem(number, e.getMessage()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": " + e.getMessage(), e);
    }
    return new MetricsFile(List.copyOf(lines), List.copyOf(problems));
  }

  private static Line line(int number, String text) {
    JsonElement root;
    try (JsonReader reader = new JsonReader(new StringReader(text))) {
      reader.setStrictness(Strictness.LENIENT);
      root = JsonParser.parseReader(reader);
      if (reader.peek() != JsonToken.END_DOCUMENT) {
        throw new IllegalArgumentException("malformed JSON: unexpected data after the object");
      }
    } catch (JsonParseException | IOException e) {
      throw new IllegalArgumentException("malformed JSON: " + e.getMessage());
    }
    if (!root.isJsonObject()) {
      throw new IllegalArgumentException("malformed JSON: not an object");
    }
    JsonObject o = root.getAsJsonObject();
    JsonElement kind = o.get("kind");
    if (kind == null || !kind.isJsonPrimitive() || !KINDS.contains(kind.getAsString())) {
      throw new IllegalArgumentException("'kind' must be \"step\", \"eval\" or \"stop\"");
    }
    JsonElement step = o.get("step");
    if (step == null || !step.isJsonPrimitive() || !step.getAsJsonPrimitive().isNumber()) {
      throw new IllegalArgumentException("'step' must be a number");
    }
    JsonElement stage = o.get("stage");
    Map<String, Double> values = new LinkedHashMap<>();
    for (Map.Entry<String, JsonElement> e : o.entrySet()) {
      JsonElement v = e.getValue();
      if (List.of("kind", "stage", "step").contains(e.getKey()) || !v.isJsonPrimitive()) {
        continue;
      }
      if (v.getAsJsonPrimitive().isNumber()) {
        values.put(e.getKey(), v.getAsDouble());
      } else if (NON_FINITE.contains(v.getAsString())) {
        values.put(e.getKey(), Double.parseDouble(v.getAsString()));
      }
    }
    return new Line(number, kind.getAsString(), stage != null && stage.isJsonPrimitive() ? stage.getAsString() : null,
        step.getAsDouble(), values);
  }
}
