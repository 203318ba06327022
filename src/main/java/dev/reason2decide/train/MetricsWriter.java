// Writes metrics.jsonl of a run: one JSON object per step and per evaluation, appended and flushed as training goes.
package dev.reason2decide.train;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.reason2decide.io.AtomicFiles;
import dev.reason2decide.io.Json;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Lines: {@code {"kind":"step",...}} (see {@link StepRecord}), {@code {"kind":"eval","stage":..,"step":..,...}} and,
 * when a phase ends before its budget, {@code {"kind":"stop",...}} ({@link #stop}).
 */
public final class MetricsWriter implements AutoCloseable, TrainingListener {
  private final Path file;
  private BufferedWriter out;

  public MetricsWriter(Path file) {
    this.file = file;
  }

  /** Drops lines of {@code stage} after {@code step} (a resumed phase rewrites them) and opens for appending. */
  public void openForPhase(String stage, int step) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      if (Files.exists(file)) {
        List<String> keep = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
          if (line.isBlank()) {
            continue;
          }
          try {
            JsonObject o = JsonParser.parseString(line).getAsJsonObject();
            if (o.get("stage").getAsString().equals(stage) && o.get("step").getAsInt() > step) {
              continue;
            }
          } catch (RuntimeException e) {
            continue; // a torn last line from an interrupted run
          }
          keep.add(line);
        }
        AtomicFiles.write(file, w -> {
          for (String l : keep) {
            w.write(l);
            w.write('\n');
          }
        });
      }
      close();
      out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void onStep(Phase phase, StepRecord r) {
    step(r);
  }

  @Override
  public void onEvaluation(Phase phase, int step, Map<String, Object> metrics, boolean improved) {
    eval(phase.name(), step, metrics);
  }

  /**
   * The line of a step: {@code kind}, {@code stage}, {@code step}, then one key per value in this order, each named
   * here (the names other code reads: {@code runs.MetricsFile}); a value not computed at the step is left out.
   */
  public void step(StepRecord r) {
    StepLosses s = r.losses();
    JsonObject o = new JsonObject();
    o.addProperty("kind", "step");
    o.addProperty("stage", r.stage());
    o.addProperty("step", r.step());
    put(o, "loss", r.loss());
    put(o, "l_pred", s.lPred());
    put(o, "l_rat", s.lRat());
    put(o, "alpha", s.alpha());
    put(o, "pi", s.pi());
    put(o, "predicted_fraction", s.predictedFraction());
    put(o, "lr", r.lr());
    put(o, "grad_norm", r.gradNorm());
    put(o, "tokens_per_s", r.tokensPerS());
    put(o, "seconds", r.seconds());
    put(o, "explain_cut", s.explainCut());
    put(o, "confidence", s.confidence());
    put(o, "tau", s.tau());
    put(o, "l_cycle", s.lCycle());
    put(o, "cycle_accuracy", s.cycleAccuracy());
    put(o, "gumbel_temperature", s.gumbelTemperature());
    write(Json.COMPACT.toJson(o));
  }

  private static void put(JsonObject o, String key, Number value) {
    if (value != null) {
      o.addProperty(key, value);
    }
  }

  public void eval(String stage, int step, Map<String, Object> metrics) {
    JsonObject o = new JsonObject();
    o.addProperty("kind", "eval");
    o.addProperty("stage", stage);
    o.addProperty("step", step);
    JsonObject rest = JsonParser.parseString(Json.COMPACT.toJson(metrics)).getAsJsonObject();
    rest.entrySet().forEach(e -> o.add(e.getKey(), e.getValue()));
    write(Json.COMPACT.toJson(o));
  }

  /**
   * The record of a phase that ended before its budget: {@code {"kind":"stop","stage":..,"step":..,"of":..,
   * "reason":"goals"|"patience","detail":..}}.
   */
  public void stop(String stage, int step, int budget, String reason, String detail) {
    JsonObject o = new JsonObject();
    o.addProperty("kind", "stop");
    o.addProperty("stage", stage);
    o.addProperty("step", step);
    o.addProperty("of", budget);
    o.addProperty("reason", reason);
    o.addProperty("detail", detail);
    write(Json.COMPACT.toJson(o));
  }

  /**
   * {@code line} as strict JSON: a non-finite number (a skipped step's gradient norm, say), which Gson writes as a
   * bare {@code NaN}/{@code Infinity}, becomes the string {@code "NaN"}/{@code "Infinity"}, as MetricsFile reads it.
   */
  public static String strict(String line) {
    if (!line.contains("NaN") && !line.contains("Infinity")) {
      return line;
    }
    JsonObject o = JsonParser.parseString(line).getAsJsonObject(); // Gson's parser reads the bare tokens
    for (Map.Entry<String, com.google.gson.JsonElement> e : o.entrySet()) {
      if (e.getValue().isJsonPrimitive() && e.getValue().getAsJsonPrimitive().isNumber()
          && !Double.isFinite(e.getValue().getAsDouble())) {
        e.setValue(new com.google.gson.JsonPrimitive(Double.toString(e.getValue().getAsDouble())));
      }
    }
    return o.toString();
  }

  private void write(String line) {
    try {
      out.write(strict(line));
      out.write('\n');
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": " + e.getMessage(), e);
    }
  }

  public Path file() {
    return file;
  }

  @Override
  public void close() {
    if (out != null) {
      try {
        out.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      out = null;
    }
  }
}
