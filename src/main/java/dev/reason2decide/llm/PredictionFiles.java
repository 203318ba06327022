// Reads what `r2d predict` writes (JSONL, or the authors' CSV columns) for the judge.
package dev.reason2decide.llm;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.reason2decide.data.Prediction;
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
 * Prediction files. JSONL fields: {@code id}, {@code input} (or {@code question}), {@code label},
 * {@code rationale}, {@code predicted_label}, {@code predicted_rationale}, {@code probabilities}; CSV columns:
 * {@code question, label, rationale, Predicted_Label, Predicted_Rationale}. Missing ids become positions.
 */
public final class PredictionFiles {
  private PredictionFiles() {}

  public static List<Prediction> read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": cannot be read: " + e.getMessage(), e);
    }
    return ExampleFiles.isCsv(file) ? readCsv(text, file.toString()) : readJsonl(text, file.toString());
  }

  private static List<Prediction> readJsonl(String text, String source) {
    List<Prediction> out = new ArrayList<>();
    List<String> lines = text.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) {
        continue;
      }
      String where = source + ":" + (i + 1);
      JsonObject o = ExampleFiles.object(lines.get(i), where);
      String id = ExampleFiles.optional(o, "id", where);
      String input = ExampleFiles.optional(o, "input", where);
      if (input == null) {
        input = ExampleFiles.optional(o, "question", where);
      }
      String predicted = ExampleFiles.optional(o, "predicted_label", where);
      String rationale = ExampleFiles.optional(o, "predicted_rationale", where);
      if (predicted == null) {
        throw new IllegalArgumentException(where + ": field \"predicted_label\" is missing");
      }
      if (rationale == null) {
        throw new IllegalArgumentException(where + ": field \"predicted_rationale\" is missing");
      }
      Map<String, Double> probs = new LinkedHashMap<>();
      JsonElement p = o.get("probabilities");
      if (p != null && p.isJsonObject()) {
        for (Map.Entry<String, JsonElement> e : p.getAsJsonObject().entrySet()) {
          probs.put(e.getKey(), e.getValue().getAsDouble());
        }
      }
      out.add(new Prediction(id != null ? id : Integer.toString(out.size() + 1), input == null ? "" : input,
          ExampleFiles.optional(o, "label", where), ExampleFiles.optional(o, "rationale", where), predicted,
          rationale, probs));
    }
    return out;
  }

  private static List<Prediction> readCsv(String text, String source) {
    CsvTable t = CsvTable.parse(text, source);
    int pl = t.column("Predicted_Label");
    int pr = t.column("Predicted_Rationale");
    if (pl < 0 || pr < 0) {
      throw new IllegalArgumentException(source + ":1: header must name \"Predicted_Label\" and "
          + "\"Predicted_Rationale\", found " + t.header());
    }
    int id = t.column("id");
    int q = t.column("question");
    int l = t.column("label");
    int r = t.column("rationale");
    List<Prediction> out = new ArrayList<>();
    for (CsvTable.Row row : t.rows()) {
      List<String> c = row.cells();
      String theId = id >= 0 && !c.get(id).isBlank() ? c.get(id) : Integer.toString(out.size() + 1);
      out.add(new Prediction(theId, q >= 0 ? c.get(q) : "", l >= 0 ? c.get(l) : null, r >= 0 ? c.get(r) : null,
          c.get(pl), c.get(pr), Map.of()));
    }
    return out;
  }
}
