// Reads and copies records by a path of component names ("schedules.sampling.cap"): settings set by name, not position.
package dev.reason2decide.train;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;

/**
 * The one way a configuration record is changed: {@link #with} copies a record with the component at a path
 * replaced, through each record's canonical constructor, so every record on the path checks itself again. Names
 * are checked against the record's components ({@link #type}, which {@link TrainSettings} calls for every row when
 * it loads), so a value can only reach the component it names: no two values of the same type can be swapped.
 */
final class RecordPaths {
  private RecordPaths() {}

  /** The declared type of the component at {@code path} of records of class {@code root}. */
  static Class<?> type(Class<?> root, String path) {
    Class<?> c = root;
    for (String name : path.split("\\.")) {
      c = component(c, name, path).getType();
    }
    return c;
  }

  /** The value at {@code path} of {@code root}. */
  static Object get(Record root, String path) {
    Object v = root;
    for (String name : path.split("\\.")) {
      v = read((Record) v, component(v.getClass(), name, path));
    }
    return v;
  }

  /** A copy of {@code root} with the value at {@code path} replaced by {@code value}. */
  @SuppressWarnings("unchecked")
  static <R extends Record> R with(R root, String path, Object value) {
    int dot = path.indexOf('.');
    String name = dot < 0 ? path : path.substring(0, dot);
    RecordComponent[] parts = root.getClass().getRecordComponents();
    Object[] values = new Object[parts.length];
    for (int i = 0; i < parts.length; i++) {
      values[i] = read(root, parts[i]);
    }
    int at = Arrays.asList(parts).indexOf(component(parts, root.getClass(), name, path));
    values[at] = dot < 0 ? value : with((Record) values[at], path.substring(dot + 1), value);
    try {
      Constructor<?> canonical = root.getClass().getDeclaredConstructor(
          Arrays.stream(parts).map(RecordComponent::getType).toArray(Class<?>[]::new));
      return (R) canonical.newInstance(values);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r; // the record's own check, e.g. "batch sizes must be positive"
      }
      throw new IllegalStateException(e.getCause());
    } catch (ReflectiveOperationException | IllegalArgumentException e) {
      throw new IllegalStateException(path + ": cannot set " + value + " (" + e + ")", e);
    }
  }

  private static RecordComponent component(Class<?> record, String name, String path) {
    return component(record.getRecordComponents(), record, name, path);
  }

  private static RecordComponent component(RecordComponent[] parts, Class<?> record, String name, String path) {
    if (parts != null) {
      for (RecordComponent p : parts) {
        if (p.getName().equals(name)) {
          return p;
        }
      }
    }
    throw new IllegalStateException(path + ": " + record.getSimpleName() + " has no component " + name);
  }

  private static Object read(Record r, RecordComponent c) {
    try {
      return c.getAccessor().invoke(r);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(c.getName() + " of " + r.getClass().getSimpleName(), e);
    }
  }
}
