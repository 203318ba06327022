// `r2d truecase fit`: truecase.json for a case-folding model trained elsewhere (training writes it itself).
package dev.reason2decide.cli;

import dev.reason2decide.data.Example;
import dev.reason2decide.data.ExampleReader;
import dev.reason2decide.data.ExampleSet;
import dev.reason2decide.data.RequiredExamples;
import dev.reason2decide.io.InputOutputPaths;
import dev.reason2decide.tokens.Truecase;
import dev.reason2decide.tokens.TruecaseFile;
import dev.reason2decide.train.TruecaseFinisher;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The truecase commands (docs/data.md, "Case folding"). */
@Command(name = "truecase", mixinStandardHelpOptions = true,
    description = "Rationales of a case-folding model in proper case: fit a model folder's truecase.json (what "
        + "training does when it ends).",
    subcommands = {TruecaseCommand.FitCmd.class})
public final class TruecaseCommand implements Runnable {
  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** {@code r2d truecase fit --model DIR --train F}. */
  @Command(name = "fit", mixinStandardHelpOptions = true,
      description = "Learn each word's most frequent letter case and whether sentences start with a capital from the "
          + "training rationales; writes truecase.json into the model folder when its tokenizer folds case.")
  static final class FitCmd implements Callable<Integer> {
    @Option(names = "--model", required = true, description = "Model folder (weights, tokenizer.json, r2d.json).")
    Path model;

    @Option(names = "--train", required = true, description = "Training examples: their rationales are what the "
        + "model learned to write.")
    Path train;

    @Mixin
    ExampleFileOptions files;

    @Override
    public Integer call() {
      new InputOutputPaths().inputFolder("--model", model).input("--train", train).check();
      ExampleSet tr = RequiredExamples.atLeastOne(new ExampleReader(files.toReadOptions()).read(train));
      List<String> rationales = tr.examples().stream().map(Example::rationale).toList();
      Optional<Truecase> t = TruecaseFinisher.fitInto(model, rationales);
      if (t.isEmpty()) {
        System.err.println("r2d truecase fit: " + model.resolve("tokenizer.json") + " keeps case (no Lowercase "
            + "normaliser); its rationales need no recasing, nothing written");
        return 1;
      }
      System.out.println(model.resolve(TruecaseFile.JSON) + " (" + t.get().forms().size() + " words recased, "
          + "sentence capital " + (t.get().sentenceCapital() ? "on" : "off") + ", fitted on "
          + t.get().fitted().get("rationales") + " rationales)");
      return 0;
    }
  }
}
