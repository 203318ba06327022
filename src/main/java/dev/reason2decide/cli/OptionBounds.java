// Checks every numeric option against its range before a command runs: one line naming the option and the range.
package dev.reason2decide.cli;

import dev.reason2decide.train.SettingRanges;
import java.lang.reflect.Field;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * The one place numeric options are bounded. Field options carry {@link Bounded}; the training settings (options
 * made by {@link TrainOptions}) take their ranges from {@link SettingRanges}, the same table experiment files and
 * config.json are checked against. Runs as the execution strategy's first step, so nothing of the command has run.
 */
final class OptionBounds {
  private OptionBounds() {}

  /** An option value outside its range: a usage error printed as one line (exit 2). */
  static final class OutOfRange extends ParameterException {
    OutOfRange(CommandLine cl, String message) {
      super(cl, message);
    }
  }

  /** Checks the options of {@code parsed} and of every subcommand it selected. */
  static void check(ParseResult parsed) {
    for (ParseResult p = parsed; p != null; p = p.subcommand()) {
      for (OptionSpec o : p.commandSpec().options()) {
        Object v = o.getValue();
        if (!(v instanceof Number n)) {
          continue;
        }
        double[] range = range(o);
        if (range != null && !(n.doubleValue() >= range[0] && n.doubleValue() <= range[1])) {
          throw new OutOfRange(p.commandSpec().commandLine(), o.longestName() + " must be " + describe(range)
              + ", got " + n);
        }
      }
    }
  }

  /** {min, max} of option {@code o}, or null when it has none. */
  static double[] range(OptionSpec o) {
    if (o.userObject() instanceof Field f) {
      Bounded b = f.getAnnotation(Bounded.class);
      return b == null ? null : new double[] {b.min(), b.max()};
    }
    return SettingRanges.of(o.longestName().replaceFirst("^--", ""));
  }

  /** "between 1 and 1,024" (whole numbers shown without a fraction). */
  static String describe(double[] range) {
    return "between " + SettingRanges.text(range[0]) + " and " + SettingRanges.text(range[1]);
  }
}
