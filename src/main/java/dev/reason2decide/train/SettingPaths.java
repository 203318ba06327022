// Rows of the settings table built from the path of the record component each one sets: its type, reading, copying.
package dev.reason2decide.train;

import java.lang.invoke.MethodType;
import java.util.List;
import java.util.function.Function;

/**
 * Every {@link TrainSettings} row reads and sets its component through {@link RecordPaths}, the one generic path;
 * the setting's type is the component's (boxed), an enum is a string spelled as the CLI spells it ({@link Choices}).
 * A path that names no component, or a component of a type a setting cannot have, fails when the table loads.
 */
final class SettingPaths {
  private SettingPaths() {}

  private static final List<Class<?>> TYPES = List.of(Integer.class, Long.class, Float.class, Double.class,
      Boolean.class, String.class);

  /** The setting {@code name} of the component at {@code path}. */
  static TrainSetting<?> plain(String name, String path, String description) {
    return of(name, path, false, description);
  }

  /** A setting that may be JSON null ("not set"). */
  static TrainSetting<?> nullable(String name, String path, String description) {
    return of(name, path, true, description);
  }

  /** A yes/no setting that is the negation of the boolean component at {@code path}. */
  static TrainSetting<Boolean> negated(String name, String path, String description) {
    require(RecordPaths.type(TrainConfig.class, path) == boolean.class, path, "is not a boolean");
    return new TrainSetting<>(name, Boolean.class, false, description,
        c -> !(Boolean) RecordPaths.get(c, path), (c, v) -> RecordPaths.with(c, path, !v));
  }

  /** A setting written as text, read into the component at {@code path} by {@code parse} (written by toString). */
  static TrainSetting<String> text(String name, String path, Function<String, ?> parse, String description) {
    return new TrainSetting<>(name, String.class, false, description,
        c -> RecordPaths.get(c, path).toString(), (c, v) -> RecordPaths.with(c, path, parse.apply(v)));
  }

  private static TrainSetting<?> of(String name, String path, boolean nullable, String description) {
    Class<?> component = RecordPaths.type(TrainConfig.class, path);
    if (component.isEnum()) {
      return new TrainSetting<>(name, String.class, nullable, description,
          c -> Choices.spelling((Enum<?>) RecordPaths.get(c, path)),
          (c, v) -> RecordPaths.with(c, path, Choices.parse(component, v, name)));
    }
    Class<?> type = MethodType.methodType(component).wrap().returnType();
    require(TYPES.contains(type), path, "has type " + component.getSimpleName() + ", which no setting has");
    require(!(nullable && component.isPrimitive()), path, "cannot be null");
    return typed(name, type, nullable, path, description);
  }

  private static <T> TrainSetting<T> typed(String name, Class<T> type, boolean nullable, String path,
      String description) {
    return new TrainSetting<>(name, type, nullable, description, c -> type.cast(RecordPaths.get(c, path)),
        (c, v) -> RecordPaths.with(c, path, v));
  }

  private static void require(boolean ok, String path, String what) {
    if (!ok) {
      throw new IllegalStateException("training setting at " + path + " " + what);
    }
  }
}
