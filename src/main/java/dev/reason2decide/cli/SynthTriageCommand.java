// `r2d data synth-triage`: generate a SYNTHETIC triage set, its training rationales from a chosen source.
package dev.reason2decide.cli;

import dev.reason2decide.data.synth.FormPolicy;
import dev.reason2decide.data.synth.RationaleSource;
import dev.reason2decide.data.synth.SynthTriage;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Writes train/validation/test JSONL and dataset.json; see docs/data.md. */
@Command(name = "synth-triage", mixinStandardHelpOptions = true,
    description = {"Generate SYNTHETIC emergency-triage notes (ESI-1..ESI-5 from explicit rules) with rationales.",
        "Either --n with --fractions (one natural-mix set, split stratified), or --train, --validation and --test: "
            + "splits generated separately, training notes from --seed in --train-mix, held-out notes from "
            + "seed+1 and seed+2 in the natural mix."})
public final class SynthTriageCommand implements Callable<Integer> {
  /** Most notes generated: a set is built in memory (100,000 notes fit a 400 MB heap), so this fits the 8 GB one. */
  static final int MAX_SYNTH_EXAMPLES = 1_000_000;

  @Bounded(min = 1, max = MAX_SYNTH_EXAMPLES)
  @Option(names = "--n", description = "Number of examples, split by --fractions (default: 2000 when no --train).")
  Integer n;

  @Bounded(min = Long.MIN_VALUE, max = Long.MAX_VALUE)
  @Option(names = "--seed", defaultValue = "42", description = "Seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--fractions", description = "train,validation,test with --n (default: 0.8,0.1,0.1).")
  String fractions;

  @Bounded(min = 0, max = MAX_SYNTH_EXAMPLES)
  @Option(names = "--train", description = "Training examples, generated on their own (with --validation, --test).")
  Integer train;

  @Bounded(min = 0, max = MAX_SYNTH_EXAMPLES)
  @Option(names = "--validation", description = "Validation examples (natural mix, seed+1).")
  Integer validation;

  @Bounded(min = 0, max = MAX_SYNTH_EXAMPLES)
  @Option(names = "--test", description = "Test examples (natural mix, seed+2).")
  Integer test;

  @Option(names = "--train-mix", defaultValue = "rule-balanced", description = "How training notes are drawn with "
      + "--train: natural or rule-balanced (every deciding finding with every complaint; default: "
      + "${DEFAULT-VALUE}).")
  String trainMix;

  @Bounded(min = 1, max = 2)
  @Option(names = "--grammar", defaultValue = "2", description = "Note grammar: 2 (varied notes, default) or 1 "
      + "(the four fixed styles of earlier files).")
  int grammar;

  @Option(names = "--held-out-forms", description = "Note forms kept out of training, e.g. "
      + "hr:pulse-bpm,spo2:o2-sat-percent (docs/data.md lists them); with --train, also writes "
      + SynthTriage.HELD_OUT_FORMS_SPLIT + ".jsonl (as large as --test, seed+3) whose held-out slots use only them.")
  String heldOutForms;

  @Option(names = "--rationale-source", defaultValue = "rules", description = "Who writes the training split's "
      + "rationales, for the same notes and labels: rules (the rule templates), nurse (terse, abbreviated, not always "
      + "every deciding finding, no resource count), llm (verbose, hedged, restating findings) or llm-noisy (llm with "
      + "--noise-rate of them carrying one error). Held-out splits keep the rules' rationales (default: "
      + "${DEFAULT-VALUE}; needs --train).")
  String rationaleSource;

  @Bounded(min = 0, max = 1)
  @Option(names = "--noise-rate", description = "Share of llm-noisy rationales with one planted error: a value copied "
      + "wrong, or a finding that did not decide given as deciding (default: 0.10).")
  Double noiseRate;

  @Mixin
  OutputFolderOption out;

  @Override
  public Integer call() {
    RationaleSource source = RationaleSource.of(rationaleSource);
    if (noiseRate != null && source != RationaleSource.LLM_NOISY) {
      throw new IllegalArgumentException("--noise-rate is for --rationale-source llm-noisy, not " + rationaleSource);
    }
    SynthTriage.Notes notes = new SynthTriage.Notes(grammar, new FormPolicy(FormPolicy.parse(heldOutForms), false),
        source, noiseRate == null ? RationaleSource.DEFAULT_NOISE_RATE : noiseRate);
    if (train != null || validation != null || test != null) {
      if (train == null || validation == null || test == null) {
        throw new IllegalArgumentException("--train, --validation and --test go together");
      }
      if (n != null || fractions != null) {
        throw new IllegalArgumentException("--n/--fractions and --train/--validation/--test are alternatives");
      }
      DataCommand.printSummary(out.path(), SynthTriage.write(out.path(), new SynthTriage.Plan(train, validation, test,
          seed, SynthTriage.Mix.of(trainMix), notes)));
      return 0;
    }
    if (!notes.forms().heldOut().isEmpty()) {
      throw new IllegalArgumentException("--held-out-forms needs --train, --validation and --test");
    }
    if (source != RationaleSource.RULES) {
      throw new IllegalArgumentException("--rationale-source " + rationaleSource + " needs --train, --validation and "
          + "--test (only the training split takes the source)");
    }
    double[] f = SplitOptions.fractions(fractions == null ? "0.8,0.1,0.1" : fractions);
    DataCommand.printSummary(out.path(),
        SynthTriage.write(out.path(), n == null ? 2000 : n, seed, f[0], f[1], f[2], grammar));
    return 0;
  }
}
