// One named training setting: its name (the CLI flag without "--", the experiment and config.json key), type and use.
package dev.reason2decide.train;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonPrimitive;
import java.math.BigDecimal;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A setting of {@link TrainConfig} by name. {@code type} is Integer, Long, Float, Double, Boolean or String (an enum
 * written as the CLI spells it); {@code nullable} settings may be JSON null ("not set"). {@code get} reads the value
 * from a configuration, {@code set} returns a copy with it (the records' own checks run there).
 */
public record TrainSetting<T>(String name, Class<T> type, boolean nullable, String description,
    Function<TrainConfig, T> get, BiFunction<TrainConfig, T, TrainConfig> set) {

  public TrainSetting {
    SettingCheck.require(name.matches("[a-z][a-z0-9-]*"), "setting names are lower-case with dashes: " + name);
  }

  /** The picocli parameter label, e.g. {@code <batchSize>} for {@code batch-size}. */
  public String paramLabel() {
    return "<" + camel(name, '-') + ">";
  }

  /** {@code batch-size} (or {@code batch_size} with '_') → {@code batchSize}. */
  static String camel(String words, char separator) {
    StringBuilder b = new StringBuilder();
    boolean up = false;
    for (char ch : words.toCharArray()) {
      if (ch == separator) {
        up = true;
      } else {
        b.append(up ? Character.toUpperCase(ch) : ch);
        up = false;
      }
    }
    return b.toString();
  }

  /** The value in {@code c} as JSON. */
  public JsonElement toJson(TrainConfig c) {
    T v = get.apply(c);
    if (v == null) {
      return JsonNull.INSTANCE;
    }
    if (v instanceof Boolean b) {
      return new JsonPrimitive(b);
    }
    return v instanceof Number n ? new JsonPrimitive(n) : new JsonPrimitive(v.toString());
  }

  /** The value in {@code c} as text for people (e.g. {@code 5e-5}, {@code 0.625}); null when not set. */
  public String text(TrainConfig c) {
    T v = get.apply(c);
    if (v instanceof Float || v instanceof Double) {
      String[] parts = v.toString().split("E"); // 5.0E-5 → 5e-5, 0.625 → 0.625, 0.0 → 0
      String mantissa = new BigDecimal(parts[0]).stripTrailingZeros().toPlainString();
      return parts.length == 1 ? mantissa : mantissa + "e" + parts[1];
    }
    return v == null ? null : v.toString();
  }

  /**
   * A copy of {@code c} with this setting from JSON {@code e}; errors start with {@code where} (e.g.
   * {@code "x.json: train."}) and name the setting.
   */
  public TrainConfig apply(TrainConfig c, JsonElement e, String where) {
    T v = parse(e, where);
    String outside = v instanceof Number n ? SettingRanges.outside(name, n) : null;
    if (outside != null) {
      throw new IllegalArgumentException(where + name + " " + outside);
    }
    try {
      return set.apply(c, v);
    } catch (IllegalArgumentException ex) {
      throw new IllegalArgumentException(where + name + ": " + ex.getMessage(), ex);
    }
  }

  private T parse(JsonElement e, String where) {
    if (e == null || e.isJsonNull()) {
      if (!nullable) {
        throw new IllegalArgumentException(where + name + " needs a value");
      }
      return null;
    }
    if (!e.isJsonPrimitive()) {
      throw new IllegalArgumentException(where + name + " must be a single value, got " + e);
    }
    JsonPrimitive p = e.getAsJsonPrimitive();
    Object v;
    if (type == Boolean.class) {
      require(p.isBoolean(), where, "true or false", e);
      v = p.getAsBoolean();
    } else if (type == String.class) {
      require(p.isString(), where, "a string", e);
      v = p.getAsString();
    } else {
      require(p.isNumber(), where, "a number", e);
      double d = p.getAsDouble();
      if (type == Integer.class || type == Long.class) {
        require(d == Math.rint(d) && Math.abs(d) <= (type == Integer.class ? Integer.MAX_VALUE : 9.0e15), where,
            "a whole number", e);
        v = type == Integer.class ? (Object) p.getAsInt() : (Object) p.getAsLong();
      } else {
        v = type == Float.class ? (Object) p.getAsFloat() : (Object) d;
      }
    }
    return type.cast(v);
  }

  private void require(boolean ok, String where, String what, JsonElement e) {
    if (!ok) {
      throw new IllegalArgumentException(where + name + " must be " + what + ", got " + e);
    }
  }
}
