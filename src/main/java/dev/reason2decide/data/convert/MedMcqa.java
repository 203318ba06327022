// Converts the MedMCQA dev set (JSONL) into examples: questions with an explanation, answer letter A-D.
package dev.reason2decide.data.convert;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.reason2decide.data.DatasetCard;
import dev.reason2decide.data.DatasetFolder;
import dev.reason2decide.data.Example;
import dev.reason2decide.data.LabelSet;
import dev.reason2decide.data.MalformedExampleException;
import dev.reason2decide.data.StratifiedSplit;
import java.io.BufferedReader;
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
 * MedMCQA (Pal et al. 2022, MIT) dev set. Only questions with a non-empty {@code exp} are kept. Input:
 * {@code question + " A) opa B) opb C) opc D) opd"}; label: {@code cop} 1..4 as A..D; rationale: {@code exp}
 * (source {@code human}; many explanations name the answer letter). There is no public train split with answers
 * here, so the kept questions are split stratified and seeded (default 80/10/10).
 */
public final class MedMcqa {
  public static final LabelSet LABELS = LabelSet.of("A", "B", "C", "D");

  /** Options. {@code raw}: the folder with dev.json. */
  public record Options(Path raw, double train, double validation, double test, long seed) {
    public Options(Path raw) {
      this(raw, 0.8, 0.1, 0.1, 0);
    }
  }

  /** The kept questions and how many the file had in all. */
  public record Kept(List<Example> examples, int questions) {}

  private MedMcqa() {}

  /** The questions of dev.json that have an explanation, in file order. */
  public static Kept read(Path devJson) {
    List<Example> out = new ArrayList<>();
    int questions = 0;
    try (BufferedReader r = Files.newBufferedReader(devJson, StandardCharsets.UTF_8)) {
      int line = 0;
      for (String text; (text = r.readLine()) != null; ) {
        line++;
        if (text.isBlank()) {
          continue;
        }
        questions++;
        JsonObject o;
        try {
          o = JsonParser.parseString(text).getAsJsonObject();
        } catch (JsonParseException | IllegalStateException e) {
          throw new MalformedExampleException(devJson, line, null, "not a JSON object: " + e.getMessage());
        }
        String exp = optional(o, "exp");
        if (exp.isBlank()) {
          continue;
        }
        String label = label(devJson, line, o);
        String input = required(devJson, line, o, "question").strip() + " A) " + required(devJson, line, o, "opa")
            .strip() + " B) " + required(devJson, line, o, "opb").strip() + " C) "
            + required(devJson, line, o, "opc").strip() + " D) " + required(devJson, line, o, "opd").strip();
        out.add(new Example(required(devJson, line, o, "id"), input, label, exp.strip(), "human"));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(devJson + ": cannot be read: " + e.getMessage(), e);
    }
    return new Kept(out, questions);
  }

  private static String label(Path f, int line, JsonObject o) {
    JsonElement cop = o.get("cop");
    int k;
    try {
      k = cop == null || cop.isJsonNull() ? -1 : cop.getAsInt();
    } catch (NumberFormatException | UnsupportedOperationException e) {
      k = -1;
    }
    if (k < 1 || k > 4) {
      throw new MalformedExampleException(f, line, "cop", "must be 1..4, found " + cop);
    }
    return LABELS.labels().get(k - 1);
  }

  private static String optional(JsonObject o, String key) {
    JsonElement v = o.get(key);
    return v == null || v.isJsonNull() ? "" : v.getAsString();
  }

  private static String required(Path f, int line, JsonObject o, String key) {
    String v = optional(o, key);
    if (v.isBlank()) {
      throw new MalformedExampleException(f, line, key, "missing or empty");
    }
    return v;
  }

  /** Reads and splits. */
  public static Map<String, List<Example>> convert(Options o) {
    return split(read(o.raw().resolve("dev.json")), o);
  }

  private static Map<String, List<Example>> split(Kept kept, Options o) {
    return StratifiedSplit.byFractions(kept.examples(), List.of("train", "validation", "test"), o.seed(), o.train(),
        o.validation(), o.test());
  }

  /** Converts and writes the dataset folder. */
  public static Map<String, List<Example>> write(Options o, Path outDir) {
    Kept kept = read(o.raw().resolve("dev.json"));
    Map<String, List<Example>> splits = split(kept, o);
    Map<String, Object> options = new LinkedHashMap<>();
    options.put("input", "question + ' A) opa B) opb C) opc D) opd'");
    options.put("rationale", "exp (questions without one are left out)");
    options.put("questions", kept.questions());
    options.put("with_explanation", kept.examples().size());
    options.put("fractions", List.of(o.train(), o.validation(), o.test()));
    DatasetCard card = new DatasetCard("medmcqa-dev", "MedMCQA dev set (Pal et al., CHIL 2022), via "
        + "github.com/Teddy-XiongGZ/MIRAGE rawdata/medmcqa/data/dev.json", "MIT, Copyright (c) 2022 MedMCQA",
        false, o.seed(), LABELS, List.of(o.raw().resolve("dev.json")), options);
    DatasetFolder.write(outDir, splits, card);
    return splits;
  }
}
