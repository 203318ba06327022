// Reads `r2d predict` output (JSONL or the authors' CSV) and lines it up with gold examples.
package dev.reason2decide.eval.report;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.reason2decide.data.CsvRecords;
import dev.reason2decide.data.DecisionTrust;
import dev.reason2decide.data.Example;
import dev.reason2decide.data.ExampleReader;
import dev.reason2decide.data.Prediction;
import dev.reason2decide.data.ReadOptions;
import dev.reason2decide.io.StrictJson;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Predictions: JSONL objects with {@code id, input, label, rationale, predicted_label, predicted_rationale,
 * probabilities} (only predicted_label is required; {@link #readWithRationales} also requires predicted_rationale),
 * or a CSV with the authors' columns {@code question, label, rationale, Predicted_Label, Predicted_Rationale}. A file
 * ending in {@code .csv} is read as CSV by {@link CsvRecords} (RFC 4180: a stray quote or a column named twice in
 * the header is an error), anything else as JSONL. Errors name the file, the line and the field. Gold examples are
 * read by {@link ExampleReader} (with {@link ReadOptions#LLM}) and lined up with {@link #withGold}.
 */
public final class PredictionFile {
  /** The field of r2d predict's per-example faithfulness checks ({@link PredictionRow}); read past, not as a column. */
  static final String CHECKS = "checks";
  /** The field of a decision's trust verdict ({@link DecisionTrust}); an object, or its JSON text from Spark. */
  static final String TRUST = "trust";

  private PredictionFile() {}

  /** Reads a predictions file. */
  public static List<Prediction> read(Path file) {
    return read(file, false);
  }

  /** Reads a predictions file in which every record has a predicted rationale (what `r2d judge` scores). */
  public static List<Prediction> readWithRationales(Path file) {
    return read(file, true);
  }

  private static List<Prediction> read(Path file, boolean requireRationale) {
    List<Prediction> out = new ArrayList<>();
    for (Record rec : records(file)) {
      Map<String, String> f = rec.fields();
      String predicted = first(f, "predicted_label", "Predicted_Label");
      if (predicted == null) {
        throw new IllegalArgumentException(file + ":" + rec.line() + ": no predicted_label");
      }
      String rationale = first(f, "predicted_rationale", "Predicted_Rationale");
      if (rationale == null && requireRationale) {
        throw new IllegalArgumentException(file + ":" + rec.line() + ": no predicted_rationale");
      }
      out.add(new Prediction(f.get("id"), first(f, "input", "question"), f.get("label"), f.get("rationale"),
          predicted, rationale, rec.probabilities(), rec.trust()));
    }
    return out;
  }

  /**
   * Puts the gold labels and rationales into the predictions: by id when every prediction has one and at least one
   * of them is a gold id (a gold example without an id has {@code <file-stem>-<line>}), else by position (the files
   * must then hold the same number of records). A gold example without a rationale (absent or blank) keeps the
   * prediction's own gold rationale, if any. A prediction that already carries a gold label different from the gold
   * file's is an error (the files do not belong together).
   */
  public static List<Prediction> withGold(List<Prediction> preds, Path predFile, List<Example> gold, Path goldFile) {
    Set<String> goldIds = new HashSet<>();
    gold.forEach(g -> goldIds.add(g.id()));
    boolean byId = preds.stream().allMatch(p -> p.id() != null)
        && preds.stream().anyMatch(p -> goldIds.contains(p.id()));
    List<Example> aligned = byId ? alignById(preds, predFile, gold, goldFile)
        : alignByPosition(preds, predFile, gold, goldFile);
    List<Prediction> out = new ArrayList<>();
    for (int i = 0; i < preds.size(); i++) {
      Prediction p = preds.get(i);
      Example g = aligned.get(i);
      if (p.goldLabel() != null && !p.goldLabel().strip().equals(g.label())) {
        throw new IllegalArgumentException(predFile + ": record " + (i + 1) + " carries gold label '" + p.goldLabel()
            + "' but " + goldFile + " example '" + g.id() + "' says '" + g.label() + "': the files do not match");
      }
      out.add(new Prediction(p.id() != null ? p.id() : g.id(), p.input() != null ? p.input() : g.input(), g.label(),
          g.rationale().isBlank() ? p.goldRationale() : g.rationale(), p.predictedLabel(), p.predictedRationale(),
          p.probabilities(), p.trust()));
    }
    return out;
  }

  /** The gold example of each prediction by id (the reader has made gold ids unique). */
  private static List<Example> alignById(List<Prediction> preds, Path predFile, List<Example> gold, Path goldFile) {
    Map<String, Example> byKey = new HashMap<>();
    gold.forEach(g -> byKey.put(g.id(), g));
    List<Example> aligned = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Prediction p : preds) {
      Example g = byKey.get(p.id());
      if (g == null) {
        throw new IllegalArgumentException(predFile + ": prediction id '" + p.id() + "' is not in " + goldFile);
      }
      if (!seen.add(p.id())) {
        throw new IllegalArgumentException(predFile + ": id '" + p.id() + "' appears twice");
      }
      aligned.add(g);
    }
    if (seen.size() != gold.size()) {
      throw new IllegalArgumentException(goldFile + " has " + gold.size() + " examples but " + predFile + " has "
          + "predictions for " + seen.size() + " of them");
    }
    return aligned;
  }

  private static List<Example> alignByPosition(List<Prediction> preds, Path predFile, List<Example> gold,
      Path goldFile) {
    if (preds.size() != gold.size()) {
      throw new IllegalArgumentException(predFile + " has " + preds.size() + " predictions but " + goldFile
          + " has " + gold.size() + " examples (without the predictions' ids in the gold file they are matched "
          + "line by line)");
    }
    return gold;
  }

  /**
   * One record: the line it starts on, its text fields (null fields absent), its probabilities and its trust
   * verdict (each null when absent).
   */
  private record Record(int line, Map<String, String> fields, Map<String, Double> probabilities,
      DecisionTrust trust) {}

  private static List<Record> records(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": cannot be read: " + e.getMessage(), e);
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv") ? csvRecords(text, file)
        : jsonlRecords(text, file);
  }

  private static List<Record> jsonlRecords(String text, Path file) {
    List<Record> out = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty()) {
        continue;
      }
      JsonObject o;
      try {
        JsonElement e = JsonParser.parseString(line);
        if (!e.isJsonObject()) {
          throw new IllegalArgumentException("not a JSON object");
        }
        o = e.getAsJsonObject();
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(file + ":" + (i + 1) + ": not a JSON object: " + StrictJson.describe(e), e);
      }
      Map<String, String> m = new HashMap<>();
      Map<String, Double> probs = null;
      DecisionTrust trust = null;
      for (Map.Entry<String, JsonElement> e : o.entrySet()) {
        if (e.getKey().equals(TRUST)) {
          trust = e.getValue().isJsonNull() ? null : trust(e.getValue(), file + ":" + (i + 1) + ": field 'trust'");
        } else if (e.getKey().equals("probabilities")) {
          if (!e.getValue().isJsonNull()) {
            probs = probabilities(e.getValue(), file, i + 1);
          }
        } else if (e.getKey().equals(CHECKS)) {
          continue; // r2d predict's per-example checks (an object, or its JSON text from Spark): evaluate recomputes them
        } else if (!e.getValue().isJsonNull()) {
          if (!e.getValue().isJsonPrimitive()) {
            throw new IllegalArgumentException(file + ":" + (i + 1) + ": field '" + e.getKey() + "' is not a string");
          }
          m.put(e.getKey(), e.getValue().getAsString());
        }
      }
      out.add(new Record(i + 1, m, probs, trust));
    }
    return out;
  }

  private static List<Record> csvRecords(String text, Path file) {
    List<Record> out = new ArrayList<>();
    CsvRecords csv = new CsvRecords(new StringReader(text), file, ',');
    try {
      csv.header();
      for (CsvRecords.Row row = csv.next(); row != null; row = csv.next()) {
        out.add(new Record(row.line(), csv.named(row), null, null));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": cannot be read: " + e.getMessage(), e);
    }
    return out;
  }

  private static Map<String, Double> probabilities(JsonElement e, Path file, int line) {
    if (!e.isJsonObject()) {
      throw new IllegalArgumentException(file + ":" + line + ": 'probabilities' must be an object label -> number");
    }
    Map<String, Double> m = new LinkedHashMap<>();
    for (Map.Entry<String, JsonElement> p : e.getAsJsonObject().entrySet()) {
      if (!p.getValue().isJsonPrimitive() || !p.getValue().getAsJsonPrimitive().isNumber()) {
        throw new IllegalArgumentException(file + ":" + line + ": probability of '" + p.getKey() + "' is not a number");
      }
      m.put(p.getKey(), p.getValue().getAsDouble());
    }
    return m;
  }

  /**
   * A trust verdict: an object (or its JSON text) with {@code score} (a number in [0, 1]), {@code decide} (true or
   * false) and optionally {@code reasons} (a list of strings); other keys (the signals) are read past. Errors start
   * with {@code where} ("file:line: field 'trust'").
   */
  public static DecisionTrust trust(JsonElement e, String where) {
    JsonElement v = e;
    if (v.isJsonPrimitive() && v.getAsJsonPrimitive().isString()) {
      try {
        v = JsonParser.parseString(v.getAsString());
      } catch (RuntimeException x) {
        throw new IllegalArgumentException(where + " is not a JSON object: " + StrictJson.describe(x), x);
      }
    }
    if (!v.isJsonObject()) {
      throw new IllegalArgumentException(where + " must be an object {\"score\", \"decide\", \"reasons\"}");
    }
    JsonObject o = v.getAsJsonObject();
    JsonElement score = o.get("score");
    if (score == null || !score.isJsonPrimitive() || !score.getAsJsonPrimitive().isNumber()) {
      throw new IllegalArgumentException(where + ": 'score' must be a number in [0, 1]");
    }
    double s = score.getAsDouble();
    if (!(s >= 0 && s <= 1)) {
      throw new IllegalArgumentException(where + ": 'score' must be in [0, 1], got " + s);
    }
    JsonElement decide = o.get("decide");
    if (decide == null || !decide.isJsonPrimitive() || !decide.getAsJsonPrimitive().isBoolean()) {
      throw new IllegalArgumentException(where + ": 'decide' must be true or false");
    }
    List<String> reasons = new ArrayList<>();
    JsonElement r = o.get("reasons");
    if (r != null && !r.isJsonNull()) {
      if (!r.isJsonArray()) {
        throw new IllegalArgumentException(where + ": 'reasons' must be a list of strings");
      }
      for (JsonElement x : r.getAsJsonArray()) {
        if (!x.isJsonPrimitive() || !x.getAsJsonPrimitive().isString()) {
          throw new IllegalArgumentException(where + ": 'reasons' must be a list of strings");
        }
        reasons.add(x.getAsString());
      }
    }
    return new DecisionTrust(s, decide.getAsBoolean(), reasons);
  }

  private static String first(Map<String, String> f, String a, String b) {
    return f.get(a) != null ? f.get(a) : f.get(b);
  }
}
