// config.json of a run folder: the recipe, the model source and every training setting by name; read back for resume.
package dev.reason2decide.train;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.reason2decide.io.Json;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a run was started with. config.json holds {@code recipe}, {@code init}, {@code scratch}, {@code tokenizer}
 * (relative to the run folder, with {@code tokenizer_relative_to}; older files hold the path as given),
 * {@code train} (every {@link TrainSettings} setting by name) and {@code phases} (derived, for people). Runs written
 * before settings had names hold {@code train} in the flat record form; it is read through {@link LegacySettings}.
 */
public record RunConfig(TrainConfig train, String init, String scratch, String tokenizer) {
  /** config.json's word that {@code tokenizer} is relative to the run folder (absent: as given, before issue 25). */
  static final String RELATIVE = "tokenizer_relative_to";

  /** {@code tokenizer} is held absolute and normalised, so that the same folder compares equal however written. */
  public RunConfig {
    tokenizer = tokenizer == null ? null : Path.of(tokenizer).toAbsolutePath().normalize().toString();
  }

  public static RunConfig of(TrainConfig cfg, ModelSource source) {
    return new RunConfig(cfg, source.init() == null ? null : source.init().toString(), source.scratch(),
        source.tokenizerDir().toString());
  }

  /**
   * The JSON text of config.json in {@code runDir}; the tokenizer is written relative to the run folder, so that a
   * run folder moved together with its tokenizer (an experiment folder moved whole) still resumes and compares.
   */
  public String toJson(Path runDir) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("recipe", train.recipe().cliName());
    m.put("init", init);
    m.put("scratch", scratch);
    m.put("tokenizer", tokenizer == null ? null
        : runDir.toAbsolutePath().normalize().relativize(Path.of(tokenizer)).toString());
    m.put(RELATIVE, "run folder");
    m.put("train", TrainSettings.toJson(train));
    m.put("phases", RecipePlan.phases(train));
    return Json.pretty(m);
  }

  /** Reads {@code file}; errors name the file and the setting. */
  public static RunConfig read(Path file) {
    JsonObject o = Json.readObject(file);
    TrainConfig cfg = TrainSettings.fromJson(o.get("train"), file + ": train.");
    if (o.has("recipe") && !o.get("recipe").isJsonNull() && !o.getAsJsonObject("train").has("recipe")) {
      cfg = TrainSettings.with(cfg, "recipe", Recipe.parse(o.get("recipe").getAsString()).cliName());
    }
    String tok = text(o.get("tokenizer"));
    if (tok != null && o.has(RELATIVE)) {
      tok = file.toAbsolutePath().getParent().resolve(tok).toString();
    } // else an older file's path: absolute, or relative to the directory the run was started from
    return new RunConfig(cfg, text(o.get("init")), text(o.get("scratch")), tok);
  }

  private static String text(JsonElement e) {
    return e == null || e.isJsonNull() ? null : e.getAsString();
  }

  /**
   * What differs from {@code other} that would change training (runtime settings such as threads do not): the
   * names of the settings and of the model source fields, empty when both runs are the same.
   */
  public List<String> differences(RunConfig other) {
    List<String> out = new ArrayList<>();
    if (!train.sameTraining(other.train)) {
      JsonObject a = TrainSettings.toJson(train);
      JsonObject b = TrainSettings.toJson(other.train);
      for (String name : TrainSettings.names()) {
        if (!a.get(name).equals(b.get(name)) && !name.equals("threads") && !name.equals("device")) {
          out.add(name + " " + b.get(name) + " → " + a.get(name));
        }
      }
      if (out.isEmpty()) {
        out.add("training settings");
      }
    }
    if (!Objects.equals(init, other.init)) {
      out.add("init " + other.init + " → " + init);
    }
    if (!Objects.equals(scratch, other.scratch)) {
      out.add("scratch " + other.scratch + " → " + scratch);
    }
    if (!Objects.equals(tokenizer, other.tokenizer)) {
      out.add("tokenizer " + other.tokenizer + " → " + tokenizer);
    }
    return out;
  }
}
