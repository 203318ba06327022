// The training configuration of one run: the reference defaults, the experiment's overrides, its recipe/seed/budget.
package dev.reason2decide.experiment;

import com.google.gson.FieldNamingPolicy;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.reason2decide.io.JsonRecords;
import dev.reason2decide.train.Recipe;
import dev.reason2decide.train.TrainConfig;
import java.util.Map;
import java.util.TreeSet;

/**
 * Applies {@code train} overrides to {@link TrainConfig#reference}. Keys are the record's components in snake_case
 * ({@code batch_size}, {@code learning_rate}, {@code eval_every}, {@code max_input_tokens}, nested
 * {@code alpha}/{@code sampling}/{@code prompts} objects, ...); a nested object replaces the whole component.
 * The record's own checks run on the result, so a bad value fails with its message.
 */
public final class TrainSettings {
  private static final Gson SNAKE = new GsonBuilder().setFieldNamingPolicy(FieldNamingPolicy.LOWER_CASE_WITH_UNDERSCORES)
      .serializeNulls().serializeSpecialFloatingPointValues().create();

  private TrainSettings() {}

  /** The configuration of {@code recipe} with {@code seed} and {@code steps} after {@code overrides}. */
  public static TrainConfig resolve(Recipe recipe, long seed, int steps, JsonObject overrides, String origin) {
    JsonObject tree = SNAKE.toJsonTree(TrainConfig.reference(recipe)).getAsJsonObject();
    for (Map.Entry<String, JsonElement> e : overrides.entrySet()) {
      if (!tree.has(e.getKey())) {
        throw new IllegalArgumentException(origin + ": train." + e.getKey() + " is not a training setting (known: "
            + String.join(", ", new TreeSet<>(tree.keySet())) + ")");
      }
      tree.add(e.getKey(), e.getValue().deepCopy());
    }
    TrainConfig cfg;
    try {
      cfg = JsonRecords.bind(SNAKE, tree, TrainConfig.class);
    } catch (IllegalArgumentException e) { // the record's own check, or a value of the wrong type
      throw new IllegalArgumentException(origin + ": train settings: " + e.getMessage(), e);
    }
    return cfg.withRecipe(recipe).withSeed(seed).withSteps(steps);
  }

  /** The configuration as a snake_case JSON tree (for experiment.json and comparing runs). */
  public static JsonObject toJson(TrainConfig cfg) {
    return SNAKE.toJsonTree(cfg).getAsJsonObject();
  }
}
