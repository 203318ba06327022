// Enums of training settings as the CLI, experiment files and config.json spell them: lower case with dashes.
package dev.reason2decide.train;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A constant {@code SCALED_HEAD} is spelled {@code scaled-head}; the upper-case name (what config.json held before
 * settings had names) is read too.
 */
final class Choices {
  private Choices() {}

  static String spelling(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The constant of enum {@code type} spelled {@code text}; otherwise "{@code name} must be a, b or c, got text". */
  static Enum<?> parse(Class<?> type, String text, String name) {
    List<Enum<?>> all = Arrays.stream(type.getEnumConstants()).<Enum<?>>map(e -> (Enum<?>) e).toList();
    for (Enum<?> e : all) {
      if (spelling(e).equals(text.toLowerCase(Locale.ROOT).replace('_', '-'))) {
        return e;
      }
    }
    List<String> names = all.stream().map(Choices::spelling).toList();
    throw new IllegalArgumentException(name + " must be " + String.join(", ", names.subList(0, names.size() - 1))
        + " or " + names.get(names.size() - 1) + ", got " + text);
  }
}
