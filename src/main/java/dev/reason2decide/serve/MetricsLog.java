// Reads a run's metrics.jsonl (training steps and evaluations) for the charts, skipping and counting bad lines.
package dev.reason2decide.serve;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.Strictness;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The series of one run: {@code step} records (losses, α, π, learning rate, ...) and {@code eval} records
 * (validation metrics). A line that is not a JSON object with a known {@code kind} and a numeric {@code step} is
 * skipped, counted, and its first few reasons kept, so one bad line never hides the rest of the run.
 *
 * @param steps step records: {@code stage}, {@code step} and every numeric field
 * @param evals eval records, same shape
 * @param skipped lines skipped
 * @param skippedReasons the first {@value #KEPT_REASONS} reasons, "line N: why"
 * @param stride every stride-th step record is kept (1 unless the log is longer than {@value #MAX_POINTS})
 */
record MetricsLog(List<Map<String, Object>> steps, List<Map<String, Object>> evals, int skipped,
    List<String> skippedReasons, int stride) {
  static final int MAX_POINTS = 4000;
  static final int KEPT_REASONS = 5;

  /** A log without records. */
  static MetricsLog empty() {
    return new MetricsLog(new ArrayList<>(), new ArrayList<>(), 0, new ArrayList<>(), 1);
  }

  /** Reads {@code file}; a missing file is an empty log. */
  static MetricsLog read(Path file) throws IOException {
    List<Map<String, Object>> steps = new ArrayList<>();
    List<Map<String, Object>> evals = new ArrayList<>();
    List<String> reasons = new ArrayList<>();
    int skipped = 0;
    if (!Files.isRegularFile(file)) {
      return new MetricsLog(steps, evals, 0, reasons, 1);
    }
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int number = 0;
      while ((line = in.readLine()) != null) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        try {
          Map<String, Object> rec = record(line);
          ("eval".equals(rec.remove("kind")) ? evals : steps).add(rec);
        } catch (ApiError e) {
          skipped++;
          if (reasons.size() < KEPT_REASONS) {
            reasons.add("line " + number + ": " + e.getMessage());
          }
        }
      }
    }
    int stride = Math.max(1, (steps.size() + MAX_POINTS - 1) / MAX_POINTS);
    return new MetricsLog(thin(steps, stride), evals, skipped, reasons, stride);
  }

  private static Map<String, Object> record(String line) throws ApiError {
    // lenient: the trainer writes a diverged loss as NaN, which strict JSON has no word for
    JsonObject obj = JsonText.object(line, Strictness.LENIENT);
    JsonElement kind = obj.get("kind");
    if (kind == null || !kind.isJsonPrimitive() || !("step".equals(kind.getAsString())
        || "eval".equals(kind.getAsString()))) {
      throw new ApiError(400, "'kind' must be \"step\" or \"eval\"");
    }
    JsonElement step = obj.get("step");
    if (step == null || !step.isJsonPrimitive() || !step.getAsJsonPrimitive().isNumber()) {
      throw new ApiError(400, "'step' must be a number");
    }
    JsonElement stage = obj.get("stage");
    Map<String, Object> rec = new LinkedHashMap<>();
    rec.put("kind", kind.getAsString());
    rec.put("stage", stage != null && stage.isJsonPrimitive() ? stage.getAsString() : "run");
    rec.put("step", step.getAsDouble());
    for (Map.Entry<String, JsonElement> e : obj.entrySet()) {
      JsonElement v = e.getValue();
      if (!rec.containsKey(e.getKey()) && v.isJsonPrimitive() && v.getAsJsonPrimitive().isNumber()) {
        double d = v.getAsDouble();
        if (Double.isFinite(d)) {
          rec.put(e.getKey(), d);
        }
      }
    }
    return rec;
  }

  private static List<Map<String, Object>> thin(List<Map<String, Object>> all, int stride) {
    if (stride == 1) {
      return all;
    }
    List<Map<String, Object>> kept = new ArrayList<>();
    for (int i = 0; i < all.size(); i += stride) {
      kept.add(all.get(i));
    }
    if ((all.size() - 1) % stride != 0) {
      kept.add(all.get(all.size() - 1)); // always show where the run ended
    }
    return kept;
  }
}
