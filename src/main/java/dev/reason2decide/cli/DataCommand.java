// `r2d data`: convert public datasets, generate synthetic triage data, split and check example files.
package dev.reason2decide.cli;

import dev.reason2decide.data.DatasetCard;
import dev.reason2decide.data.DatasetFolder;
import dev.reason2decide.data.Example;
import dev.reason2decide.data.ExampleReader;
import dev.reason2decide.data.ExampleSet;
import dev.reason2decide.data.LabelSet;
import dev.reason2decide.data.ReadOptions;
import dev.reason2decide.data.ReadReport;
import dev.reason2decide.data.RequiredExamples;
import dev.reason2decide.data.StratifiedSplit;
import dev.reason2decide.data.convert.CasiMedicosArg;
import dev.reason2decide.data.convert.MedMcqa;
import dev.reason2decide.data.convert.PubMedQa;
import dev.reason2decide.data.convert.PubMedQaQuestions;
import dev.reason2decide.data.synth.ShiftSuite;
import dev.reason2decide.data.synth.SynthTriage;
import dev.reason2decide.io.InputOutputPaths;
import dev.reason2decide.io.Json;
import dev.reason2decide.io.PrintableText;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Data preparation. Every command writes train/validation/test JSONL and dataset.json into {@code --out}. */
@Command(name = "data", mixinStandardHelpOptions = true,
    description = "Prepare example files: converters, synthetic triage data, splitting, checking.",
    subcommands = {DataCommand.PubMedQaCmd.class, DataCommand.CasiMedicosCmd.class, DataCommand.MedMcqaCmd.class,
        SynthTriageCommand.class, DataCommand.ShiftCmd.class, DataCommand.SplitCmd.class, DataCommand.CheckCmd.class})
public final class DataCommand implements Runnable {
  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** Prints split sizes and label counts as one JSON line. */
  static void printSummary(Path out, Map<String, List<Example>> splits) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("out", out.toString());
    Map<String, Object> s = new LinkedHashMap<>();
    splits.forEach((name, examples) -> s.put(name, labelCounts(examples)));
    m.put("splits", s);
    System.out.println(PrintableText.json(Json.COMPACT.toJson(m)));
  }

  static Map<String, Integer> labelCounts(List<Example> examples) {
    Map<String, Integer> c = new TreeMap<>();
    examples.forEach(e -> c.merge(e.label(), 1, Integer::sum));
    return c;
  }

  @Command(name = "pubmedqa", mixinStandardHelpOptions = true,
      description = "PubMedQA PQA-L: official 500 test; train/validation split from the other 500.")
  static final class PubMedQaCmd implements Callable<Integer> {
    @Option(names = "--raw", required = true, description = "Folder with ori_pqal.json and test_ground_truth.json.")
    Path raw;

    @Mixin
    OutputFolderOption out;

    @Bounded(min = 0, max = 1e6)
    @Option(names = "--validation", defaultValue = "50", description = "Validation size (default: ${DEFAULT-VALUE}).")
    int validation;

    @Bounded(min = Long.MIN_VALUE, max = Long.MAX_VALUE)
    @Option(names = "--seed", defaultValue = "0", description = "Split seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() {
      new InputOutputPaths().inputFolder("--raw", raw).outputFolder("--out", out.path()).check();
      printSummary(out.path(), PubMedQa.write(new PubMedQa.Options(raw, validation, seed), out.path()));
      return 0;
    }
  }

  @Command(name = "casimedicos", mixinStandardHelpOptions = true,
      description = "CasiMedicos-Arg English (IOB2 files), its fixed train/dev/test splits.")
  static final class CasiMedicosCmd implements Callable<Integer> {
    @Option(names = "--raw", required = true, description = "Folder with train.tsv, dev.tsv, test.tsv (or its parent).")
    Path raw;

    @Mixin
    OutputFolderOption out;

    @Override
    public Integer call() {
      new InputOutputPaths().inputFolder("--raw", raw).outputFolder("--out", out.path()).check();
      printSummary(out.path(), CasiMedicosArg.write(raw, out.path()));
      return 0;
    }
  }

  @Command(name = "medmcqa", mixinStandardHelpOptions = true,
      description = "MedMCQA dev questions with an explanation, split stratified and seeded.")
  static final class MedMcqaCmd implements Callable<Integer> {
    @Option(names = "--raw", required = true, description = "Folder with dev.json.")
    Path raw;

    @Mixin
    SplitOptions split;

    @Override
    public Integer call() {
      new InputOutputPaths().inputFolder("--raw", raw).outputFolder("--out", split.out.path()).check();
      double[] f = split.fractions();
      printSummary(split.out.path(),
          MedMcqa.write(new MedMcqa.Options(raw, f[0], f[1], f[2], split.seed), split.out.path()));
      return 0;
    }
  }

  @Command(name = "shift", mixinStandardHelpOptions = true,
      description = {"Write the shift suite: SYNTHETIC triage notes rewritten without changing their meaning, one file "
          + "per kind (lower, upper, order, unseen-names, numbers, missing, added-text, typos), with gold labels "
          + "(and rationales where they still hold); with --pubmedqa also far.jsonl, PubMedQA questions labelled "
          + "'" + PubMedQaQuestions.LABEL + "'. See docs/data.md."})
  static final class ShiftCmd implements Callable<Integer> {
    @Bounded(min = 1, max = 100_000)
    @Option(names = "--n", defaultValue = "200", description = "Notes per kind (default: ${DEFAULT-VALUE}).")
    int n;

    @Bounded(min = Long.MIN_VALUE, max = Long.MAX_VALUE)
    @Option(names = "--seed", defaultValue = "7", description = "Seed of the notes and rewrites; use one no training "
        + "or held-out split came from (synth-triage uses seed, seed+1, seed+2; default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--pubmedqa", description = "PubMedQA raw folder with ori_pqal.json (e.g. "
        + "../shared/data/pubmedqa_pqal/raw): writes far.jsonl.")
    Path pubmedqa;

    @Bounded(min = 0, max = 100_000)
    @Option(names = "--far", defaultValue = "200", description = "Far-text questions with --pubmedqa (default: "
        + "${DEFAULT-VALUE}).")
    int far;

    @Mixin
    OutputFolderOption out;

    @Override
    public Integer call() {
      new InputOutputPaths().inputFolder("--pubmedqa", pubmedqa).outputFolder("--out", out.path()).check();
      if (far < 1) {
        throw new IllegalArgumentException("--far " + far + ": must be at least 1; nothing written");
      }
      List<Example> farText = pubmedqa == null ? List.of() : PubMedQaQuestions.sample(pubmedqa, far, seed);
      if (pubmedqa == null) {
        System.err.println("r2d data shift: no --pubmedqa, so no far text (far.jsonl) is written");
      }
      printSummary(out.path(), ShiftSuite.write(out.path(), n, seed, farText, PubMedQaQuestions.LABEL,
          pubmedqa == null ? null : pubmedqa.resolve("ori_pqal.json")));
      return 0;
    }
  }

  @Command(name = "split", mixinStandardHelpOptions = true,
      description = "Split an example file into train/validation/test, stratified by label and seeded.")
  static final class SplitCmd implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "Example file (.jsonl, .csv, .tsv).")
    Path in;

    @Mixin
    SplitOptions split;

    @Mixin
    ExampleFileOptions files;

    @Override
    public Integer call() {
      new InputOutputPaths().input("FILE", in).outputFolder("--out", split.out.path()).check();
      double[] f = split.fractions();
      ReadOptions o = files.toReadOptions();
      ExampleSet set = RequiredExamples.atLeastOne(new ExampleReader(o).read(in));
      reportSkipped(set.report());
      Map<String, List<Example>> splits = StratifiedSplit.byFractions(set.examples(),
          List.of("train", "validation", "test"), split.seed, f[0], f[1], f[2]);
      Map<String, Object> options = new LinkedHashMap<>();
      options.put("fractions", List.of(f[0], f[1], f[2]));
      options.put("rows", set.report().rows());
      options.put("skipped_malformed", set.report().skipped().size());
      LabelSet labels = o.labels().isAny() ? LabelSet.observed(set.examples()) : o.labels();
      DatasetCard card = new DatasetCard(stem(in), in.toString(), "as the source file", false, split.seed, labels,
          List.of(in), options);
      DatasetFolder.write(split.out.path(), splits, card);
      printSummary(split.out.path(), splits);
      return 0;
    }

    private static String stem(Path p) {
      String name = p.getFileName().toString();
      int dot = name.lastIndexOf('.');
      return dot > 0 ? name.substring(0, dot) : name;
    }
  }

  @Command(name = "check", mixinStandardHelpOptions = true,
      description = "Validate example files; print rows, examples, label counts and skipped rows (and, for "
          + "synthetic triage files, which grammar their notes and rationales use, and the exact checks' scores of "
          + "their gold rationales per rationale source). Exit 1 on the first malformed row "
          + "unless --skip-malformed.")
  static final class CheckCmd implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Example files.")
    List<Path> files;

    @Mixin
    ExampleFileOptions options;

    @Override
    public Integer call() {
      ExampleReader reader = new ExampleReader(options.toReadOptions());
      List<Object> results = new ArrayList<>();
      for (Path f : files) {
        ExampleSet set = RequiredExamples.atLeastOne(reader.read(f));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", f.toString());
        m.put("rows", set.report().rows());
        m.put("examples", set.size());
        m.put("labels", labelCounts(set.examples()));
        m.put("skipped", set.report().skipped());
        Map<String, Object> grammar = SynthGrammarCount.of(set.examples());
        if (grammar != null) {
          m.put("synth_triage_grammar", grammar);
        }
        Map<String, Object> gold = GoldRationaleChecks.of(set.examples());
        if (gold != null) {
          m.put("gold_rationale_checks", gold);
        }
        results.add(m);
      }
      System.out.println(PrintableText.json(Json.COMPACT.toJson(results.size() == 1 ? results.get(0) : results)));
      return 0;
    }
  }

  static void reportSkipped(ReadReport r) {
    if (!r.skipped().isEmpty()) {
      System.err.println("r2d data: " + PrintableText.escape(r.summary()));
      for (ReadReport.Skipped s : r.skipped()) {
        System.err.println(PrintableText.escape("  line " + s.line() + (s.field() == null ? "" : " field '"
            + s.field() + "'") + ": " + s.problem()));
      }
    }
  }
}
