// The range a numeric command-line option accepts, checked by OptionBounds when the command line is parsed.
package dev.reason2decide.cli;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Put beside {@code @Option} on every numeric option field: {@code @Bounded(min = 1, max = 1024)}. Both ends are
 * included. {@code OptionBoundsTest} fails for a numeric option without one.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Bounded {
  double min();

  double max();
}
