// A run's metrics.jsonl on one step axis: training losses, π and validation scores at budget steps.
package dev.reason2decide.experiment;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.reason2decide.train.Phase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The lines of a run's metrics.jsonl with every step placed on the recipe's budget axis: a phase's step k is
 * budget step (steps of the phases before it) + k, so R2D's Stage-2 curves start where its Stage-1 share ends and
 * every recipe is drawn over the same 0..budget range. {@code nonFiniteStep} is the first budget step whose loss or
 * gradient norm was NaN or infinite (null: none), so a diverged run is flagged in the report, not hidden in a mean.
 */
public record RunHistory(List<Point> steps, List<Point> evals, double stepSeconds, Integer nonFiniteStep) {
  private static final List<String> NON_FINITE = List.of("NaN", "Infinity", "-Infinity");

  /** One line: phase name, budget step, and the numeric fields it has (nulls left out). */
  public record Point(String stage, int step, Map<String, Double> values) {
    public Double get(String key) {
      return values.get(key);
    }
  }

  /** Reads {@code file} (absent: an empty history) for a recipe with {@code phases}. */
  public static RunHistory read(Path file, List<Phase> phases) {
    Map<String, Integer> offset = new LinkedHashMap<>();
    int acc = 0;
    for (Phase p : phases) {
      offset.put(p.name(), acc);
      acc += p.steps();
    }
    List<Point> steps = new ArrayList<>();
    List<Point> evals = new ArrayList<>();
    double seconds = 0;
    Integer nonFinite = null;
    if (!Files.exists(file)) {
      return new RunHistory(steps, evals, 0, null);
    }
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": " + e.getMessage(), e);
    }
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) {
        continue;
      }
      JsonObject o;
      try {
        o = JsonParser.parseString(lines.get(i)).getAsJsonObject();
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(file + ":" + (i + 1) + ": not a JSON object: " + e.getMessage(), e);
      }
      String stage = o.get("stage").getAsString();
      Integer off = offset.get(stage);
      if (off == null) {
        throw new IllegalArgumentException(file + ":" + (i + 1) + ": stage '" + stage + "' is not a phase of "
            + "this recipe " + offset.keySet());
      }
      Map<String, Double> values = new LinkedHashMap<>();
      for (Map.Entry<String, JsonElement> e : o.entrySet()) {
        JsonElement v = e.getValue();
        if (e.getKey().equals("step") || !v.isJsonPrimitive()) {
          continue;
        }
        if (v.getAsJsonPrimitive().isNumber()) {
          values.put(e.getKey(), v.getAsDouble());
        } else if (NON_FINITE.contains(v.getAsString())) { // Gson writes NaN/Infinity bare; they read back as text
          values.put(e.getKey(), Double.parseDouble(v.getAsString()));
        }
      }
      Point p = new Point(stage, off + o.get("step").getAsInt(), values);
      if ("eval".equals(o.get("kind").getAsString())) {
        evals.add(p);
      } else {
        steps.add(p);
        seconds += values.getOrDefault("seconds", 0.0);
        for (String k : List.of("loss", "grad_norm")) {
          Double v = values.get(k);
          if (nonFinite == null && v != null && !Double.isFinite(v)) {
            nonFinite = p.step();
          }
        }
      }
    }
    return new RunHistory(List.copyOf(steps), List.copyOf(evals), seconds, nonFinite);
  }
}
