// Translation of the setting keys used before settings had names: config.json's flat form and old experiment keys.
package dev.reason2decide.train;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.Map;

/**
 * Before the settings table, config.json's {@code train} object held TrainConfig's flat components in camelCase
 * ({@code batchSize}, {@code learningRate}, nested {@code alpha}/{@code sampling}/{@code prompts} objects) and
 * experiment files the same in snake_case ({@code batch_size}). Both are translated to today's names; anything
 * else that is not a setting name is refused with the list of names.
 */
final class LegacySettings {
  private LegacySettings() {}

  /** Old names that are not today's name with '_' for '-'. */
  private static final Map<String, String> RENAMED = Map.of("learning_rate", "lr", "max_validation_examples",
      "max-validation");
  private static final Map<String, String> ALPHA = Map.of("alpha", "alpha", "warmup_fraction", "alpha-warmup");
  private static final Map<String, String> SAMPLING = Map.of("kind", "schedule", "warmup_fraction", "pi-warmup",
      "mix_fraction", "pi-mix", "cap", "pi-cap", "slope", "pi-slope", "floor", "pi-floor", "k", "pi-k", "value",
      "pi-value");
  private static final Map<String, String> PROMPTS = Map.of("predict", "prompt-predict", "explain", "prompt-explain",
      "labelled", "prompt-labelled");

  /** {@code settings} with every key a setting name. */
  static JsonObject translate(JsonObject settings, String where) {
    JsonObject out = new JsonObject();
    for (Map.Entry<String, JsonElement> e : settings.entrySet()) {
      String key = e.getKey();
      JsonElement v = e.getValue();
      String snake = snake(key);
      if (v.isJsonObject() && (snake.equals("alpha") || snake.equals("sampling") || snake.equals("prompts"))) {
        Map<String, String> names = snake.equals("alpha") ? ALPHA : snake.equals("sampling") ? SAMPLING : PROMPTS;
        for (Map.Entry<String, JsonElement> inner : v.getAsJsonObject().entrySet()) {
          String name = names.get(snake(inner.getKey()));
          if (name == null) {
            throw unknown(where, key + "." + inner.getKey());
          }
          put(out, name, inner.getValue(), where);
        }
      } else if (TrainSettings.named(key) != null) {
        put(out, key, v, where);
      } else if (snake.equals("group_by_length") && v.isJsonPrimitive() && v.getAsJsonPrimitive().isBoolean()) {
        put(out, "random-batches", new JsonPrimitive(!v.getAsBoolean()), where);
      } else {
        String name = RENAMED.getOrDefault(snake, snake.replace('_', '-'));
        if (TrainSettings.named(name) == null || !key.equals(snake) && !key.equals(TrainSetting.camel(snake, '_'))) {
          throw unknown(where, key);
        }
        put(out, name, v, where);
      }
    }
    return out;
  }

  private static void put(JsonObject out, String name, JsonElement v, String where) {
    if (out.has(name)) {
      throw new IllegalArgumentException(where + name + " is given twice (under its name and an old one)");
    }
    out.add(name, v);
  }

  private static IllegalArgumentException unknown(String where, String key) {
    return new IllegalArgumentException(where + key + " is not a training setting (known: "
        + String.join(", ", TrainSettings.names()) + ")");
  }

  /** {@code learningRate} → {@code learning_rate}; snake_case stays as it is. */
  private static String snake(String key) {
    StringBuilder b = new StringBuilder();
    for (char ch : key.toCharArray()) {
      if (Character.isUpperCase(ch)) {
        b.append('_').append(Character.toLowerCase(ch));
      } else {
        b.append(ch);
      }
    }
    return b.toString();
  }
}
