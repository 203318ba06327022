// The training settings as command-line options: one picocli option per row of the settings table, declared there.
package dev.reason2decide.cli;

import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import dev.reason2decide.train.Recipe;
import dev.reason2decide.train.TrainConfig;
import dev.reason2decide.train.TrainSetting;
import dev.reason2decide.train.TrainSettings;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * A picocli model transformer ({@code @Command(modelTransformer = TrainOptions.class)}) that gives a command
 * {@code --NAME} for every {@link TrainSettings} row, with the reference value as its default, placed before the
 * options of the command's other mixins (as the annotated mixin did). {@link #toConfig} reads what was given.
 */
public final class TrainOptions implements IModelTransformer {
  private static final TrainConfig REFERENCE = TrainConfig.reference(Recipe.R2D);

  @Override
  public CommandSpec transform(CommandSpec spec) {
    List<OptionSpec> later = new ArrayList<>();
    spec.mixins().values().forEach(m -> later.addAll(m.options()));
    later.forEach(spec::remove);
    for (TrainSetting<?> s : TrainSettings.ALL) {
      OptionSpec.Builder b = OptionSpec.builder("--" + s.name()).paramLabel(s.paramLabel()).type(s.type())
          .description(s.description());
      if (s.type() == Boolean.class) {
        b.arity("0");
      }
      String dflt = s.text(REFERENCE);
      if (dflt != null) {
        b.defaultValue(dflt);
      }
      spec.addOption(b.build());
    }
    later.forEach(spec::addOption);
    return spec;
  }

  /**
   * The reference configuration of the recipe given (r2d when none; {@link TrainSettings#applyToReference}) with the
   * settings given on the command line of {@code parsed}.
   */
  public static TrainConfig toConfig(ParseResult parsed) {
    JsonObject given = new JsonObject();
    for (TrainSetting<?> s : TrainSettings.ALL) {
      OptionSpec o = parsed.matchedOption("--" + s.name());
      if (o != null) {
        Object v = o.getValue();
        given.add(s.name(), v == null ? JsonNull.INSTANCE : dev.reason2decide.io.Json.COMPACT.toJsonTree(v));
      }
    }
    return TrainSettings.applyToReference(given, "--");
  }
}
