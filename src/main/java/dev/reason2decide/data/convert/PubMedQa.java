// Converts PubMedQA PQA-L (ori_pqal.json + test_ground_truth.json) into train/validation/test example files.
package dev.reason2decide.data.convert;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.reason2decide.data.DatasetCard;
import dev.reason2decide.data.DatasetFolder;
import dev.reason2decide.data.Example;
import dev.reason2decide.data.LabelSet;
import dev.reason2decide.data.StratifiedSplit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * PubMedQA PQA-L (Jin et al. 2019, MIT). Input: {@code QUESTION + " " + " ".join(CONTEXTS)}; label:
 * {@code final_decision} (yes/no/maybe); rationale: {@code LONG_ANSWER} (the abstract's conclusion, source
 * {@code human}). Test: the official 500 questions of {@code test_ground_truth.json}; the other 500 are split,
 * stratified and seeded, into train and validation ({@code validationSize}, default 50).
 */
public final class PubMedQa {
  public static final LabelSet LABELS = LabelSet.of("yes", "no", "maybe");

  /** Options. {@code raw}: the folder with ori_pqal.json and test_ground_truth.json. */
  public record Options(Path raw, int validationSize, long seed) {
    public Options(Path raw) {
      this(raw, 50, 0);
    }
  }

  private PubMedQa() {}

  /** Reads the raw files and returns train, validation and test. */
  public static Map<String, List<Example>> convert(Options o) {
    Path pqal = o.raw().resolve("ori_pqal.json");
    Path truth = o.raw().resolve("test_ground_truth.json");
    JsonObject all = readObject(pqal);
    JsonObject test = readObject(truth);
    Set<String> testIds = new LinkedHashSet<>(test.keySet());
    List<Example> testSet = new ArrayList<>();
    List<Example> pool = new ArrayList<>();
    for (var e : all.entrySet()) {
      Example ex = example(pqal, e.getKey(), e.getValue());
      if (testIds.contains(e.getKey())) {
        String official = test.get(e.getKey()).getAsString();
        if (!official.equals(ex.label())) {
          throw new IllegalArgumentException(truth + ": " + e.getKey() + ": label '" + official
              + "' disagrees with final_decision '" + ex.label() + "' in " + pqal);
        }
        testSet.add(ex);
      } else {
        pool.add(ex);
      }
    }
    if (testSet.size() != testIds.size()) {
      throw new IllegalArgumentException(truth + ": " + (testIds.size() - testSet.size())
          + " test ids are missing from " + pqal);
    }
    if (o.validationSize() < 0 || o.validationSize() > pool.size()) {
      throw new IllegalArgumentException("validation size must be 0.." + pool.size() + ": " + o.validationSize());
    }
    Map<String, List<Example>> out = new LinkedHashMap<>(StratifiedSplit.bySizes(pool,
        List.of("train", "validation"), o.seed(), pool.size() - o.validationSize(), o.validationSize()));
    out.put("test", testSet);
    return out;
  }

  /** Converts and writes the dataset folder. */
  public static Map<String, List<Example>> write(Options o, Path outDir) {
    Map<String, List<Example>> splits = convert(o);
    Map<String, Object> options = new LinkedHashMap<>();
    options.put("input", "QUESTION + ' ' + ' '.join(CONTEXTS)");
    options.put("rationale", "LONG_ANSWER");
    options.put("test", "official test_ground_truth.json");
    options.put("validation_size", o.validationSize());
    DatasetCard card = new DatasetCard("pubmedqa-pqal",
        "PubMedQA PQA-L, github.com/pubmedqa/pubmedqa (Jin et al., EMNLP 2019)",
        "MIT, Copyright (c) 2019 pubmedqa; abstracts are PubMed text", false, o.seed(), LABELS,
        List.of(o.raw().resolve("ori_pqal.json"), o.raw().resolve("test_ground_truth.json")), options);
    DatasetFolder.write(outDir, splits, card);
    return splits;
  }

  private static Example example(Path file, String pmid, JsonElement el) {
    if (!el.isJsonObject()) {
      throw new IllegalArgumentException(file + ": " + pmid + ": not a JSON object");
    }
    JsonObject o = el.getAsJsonObject();
    String question = text(file, pmid, o, "QUESTION");
    JsonElement ctx = o.get("CONTEXTS");
    if (ctx == null || !ctx.isJsonArray()) {
      throw new IllegalArgumentException(file + ": " + pmid + ".CONTEXTS: missing or not a list");
    }
    List<String> parts = new ArrayList<>(List.of(question.strip()));
    for (JsonElement c : (JsonArray) ctx) {
      parts.add(c.getAsString().strip());
    }
    String label = text(file, pmid, o, "final_decision");
    if (!LABELS.accepts(label)) {
      throw new IllegalArgumentException(file + ": " + pmid + ".final_decision: unknown label '" + label + "'");
    }
    return new Example(pmid, String.join(" ", parts), label, text(file, pmid, o, "LONG_ANSWER").strip(), "human");
  }

  private static String text(Path file, String pmid, JsonObject o, String key) {
    JsonElement v = o.get(key);
    if (v == null || v.isJsonNull() || !v.isJsonPrimitive() || v.getAsString().isBlank()) {
      throw new IllegalArgumentException(file + ": " + pmid + "." + key + ": missing or empty");
    }
    return v.getAsString();
  }

  static JsonObject readObject(Path file) {
    try {
      JsonElement el = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8));
      if (!el.isJsonObject()) {
        throw new IllegalArgumentException(file + ": expected a JSON object");
      }
      return el.getAsJsonObject();
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": cannot be read: " + e.getMessage(), e);
    } catch (JsonParseException e) {
      throw new IllegalArgumentException(file + ": not valid JSON: " + e.getMessage(), e);
    }
  }
}
