// Strict whole numbers from JSON: an integral number within range, never a string, fraction, null or wrapped value.
package dev.reason2decide.io;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonPrimitive;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * Gson's {@code getAsInt} wraps 4294967808 to 512, turns 1e30 into 1073741824 and reads {@code "7"} and 512.7 as
 * numbers. Every integer of a model file (config.json, r2d.json, the safetensors header, tokenizer.json) is read
 * here instead; a value that is not a JSON number with no fraction inside the Java type's range is an error whose
 * message names the field: {@code field 'num_layers' is 4294967298, beyond the largest allowed (2,147,483,647)}.
 */
public final class JsonIntegers {
  private JsonIntegers() {}

  /** {@code e} as an int; {@code field} names it in the message. */
  public static int integer(JsonElement e, String field) {
    return (int) whole(e, field, Integer.MIN_VALUE, Integer.MAX_VALUE);
  }

  /** {@code e} as a long; {@code field} names it in the message. */
  public static long longInteger(JsonElement e, String field) {
    return whole(e, field, Long.MIN_VALUE, Long.MAX_VALUE);
  }

  private static long whole(JsonElement e, String field, long min, long max) {
    if (e == null || e.isJsonNull()) {
      throw new IllegalArgumentException("field '" + field + "' must be a whole number, got null");
    }
    if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
      throw new IllegalArgumentException("field '" + field + "' must be a whole number, got " + e);
    }
    return whole(e.getAsJsonPrimitive().getAsString(), field, min, max);
  }

  private static long whole(String text, String field, long min, long max) {
    BigDecimal d;
    try {
      d = new BigDecimal(text);
    } catch (NumberFormatException ex) {
      throw new IllegalArgumentException("field '" + field + "' must be a whole number, got " + text, ex);
    }
    if (d.signum() != 0 && d.stripTrailingZeros().scale() > 0) {
      throw new IllegalArgumentException("field '" + field + "' must be a whole number, got " + text);
    }
    if (d.compareTo(BigDecimal.valueOf(max)) > 0) {
      throw new IllegalArgumentException("field '" + field + "' is " + text + ", beyond the largest allowed ("
          + String.format(Locale.ROOT, "%,d", max) + ")");
    }
    if (d.compareTo(BigDecimal.valueOf(min)) < 0) {
      throw new IllegalArgumentException("field '" + field + "' is " + text + ", below the smallest allowed ("
          + String.format(Locale.ROOT, "%,d", min) + ")");
    }
    return d.longValueExact();
  }

  /** {@code base} reading every int/Integer/long/Long field strictly (for records bound from model files). */
  public static Gson strict(Gson base) {
    return base.newBuilder()
        .registerTypeAdapter(int.class, new Strict(Integer.MIN_VALUE, Integer.MAX_VALUE))
        .registerTypeAdapter(Integer.class, new Strict(Integer.MIN_VALUE, Integer.MAX_VALUE))
        .registerTypeAdapter(long.class, new Strict(Long.MIN_VALUE, Long.MAX_VALUE))
        .registerTypeAdapter(Long.class, new Strict(Long.MIN_VALUE, Long.MAX_VALUE)).create();
  }

  /** A Gson adapter that refuses strings, fractions, nulls and out-of-range numbers, naming the field. */
  private static final class Strict extends TypeAdapter<Number> {
    private final long min;
    private final long max;

    Strict(long min, long max) {
      this.min = min;
      this.max = max;
    }

    @Override
    public void write(JsonWriter out, Number value) throws IOException {
      out.value(value);
    }

    @Override
    public Number read(JsonReader in) throws IOException {
      String field = in.getPath().replaceFirst("^\\$\\.?", "");
      JsonToken t = in.peek();
      if (t != JsonToken.NUMBER) {
        String got = t == JsonToken.NULL ? "null" : t == JsonToken.STRING
            ? new JsonPrimitive(in.nextString()).toString() : t.toString().toLowerCase(Locale.ROOT);
        throw new IllegalArgumentException("field '" + field + "' must be a whole number, got " + got);
      }
      long v = whole(in.nextString(), field, min, max);
      return max == Integer.MAX_VALUE ? (Number) (int) v : (Number) v;
    }
  }
}
