// Whether a synthetic data folder was written by a given plan: a folder is reused only for the plan it holds.
package dev.reason2decide.data.synth;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.reason2decide.io.Json;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Compares the {@code options} a {@link SynthTriage#write(Path, SynthTriage.Plan, int)} call would record with those
 * of a folder's {@code dataset.json}: the split sizes, training mix, seeds, grammar, training rationale source (and
 * noise rate), held-out forms and varied training notes. Counts that follow from them (labels, planted errors) are
 * not compared.
 */
public final class WrittenPlan {
  private WrittenPlan() {}

  /** The options that say which notes a plan writes, in the order a difference is reported. */
  private static final List<String> KEYS = List.of("train", "validation", "test", "train_mix", "seeds", "grammar",
      "rationale_source.train", "rationale_source.noise_rate", "held_out_forms", "varied_train");

  /**
   * The first option on which the folder {@code dir} (it must hold a {@code dataset.json}) differs from what
   * {@code plan} with {@code varied} grammar-2 training notes would write, as "name: X in the folder, Y asked";
   * empty when it holds that plan's notes.
   */
  public static Optional<String> difference(Path dir, SynthTriage.Plan plan, int varied) {
    Path card = dir.resolve("dataset.json");
    JsonObject root = Json.readObject(card);
    JsonObject written = root.has("options") && root.get("options").isJsonObject()
        ? root.getAsJsonObject("options") : new JsonObject();
    JsonObject asked = Json.COMPACT.toJsonTree(PlanOptions.of(plan, List.of(), varied)).getAsJsonObject();
    for (String key : KEYS) {
      JsonElement w = at(written, key);
      JsonElement a = at(asked, key);
      // Gson's equality: objects by their members in any order, numbers by value (7 read back equals 7)
      if (!Objects.equals(w, a)) {
        return Optional.of(key + ": " + show(w) + " in the folder, " + show(a) + " asked");
      }
    }
    return Optional.empty();
  }

  private static JsonElement at(JsonObject o, String dotted) {
    JsonElement e = o;
    for (String part : dotted.split("\\.")) {
      if (e == null || !e.isJsonObject()) {
        return null;
      }
      e = e.getAsJsonObject().get(part);
    }
    return e;
  }

  private static String show(JsonElement e) {
    return e == null ? "none" : e.toString();
  }
}
