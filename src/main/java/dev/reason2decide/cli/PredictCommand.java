// `r2d predict`: the decision, its rationale and a probability per label for every input, as JSONL or CSV.
package dev.reason2decide.cli;

import dev.reason2decide.data.CsvCells;
import dev.reason2decide.data.Example;
import dev.reason2decide.data.ExampleReader;
import dev.reason2decide.data.ExampleSet;
import dev.reason2decide.data.RequiredExamples;
import dev.reason2decide.engine.DeviceSpec;
import dev.reason2decide.eval.report.PredictionRow;
import dev.reason2decide.inference.Decision;
import dev.reason2decide.inference.T5DecisionModel;
import dev.reason2decide.io.AtomicFiles;
import dev.reason2decide.io.InputOutputPaths;
import dev.reason2decide.io.Json;
import dev.reason2decide.io.OutputTarget;
import dev.reason2decide.io.PrintableText;
import dev.reason2decide.io.Provenance;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Two-step inference (ŷ greedy from {@code predict: x}, then r̂ from {@code given label: ŷ, explain: x}) plus the
 * normalised sequence probability of every label. Output format follows the extension: {@code .csv} gives the
 * authors' columns (question, label, rationale, Predicted_Label, Predicted_Rationale) plus Probabilities; anything
 * else JSONL with id, input, label, rationale, predicted_label, predicted_rationale, probabilities, and checks (the
 * rationale's faithfulness checks, docs/metrics.md).
 */
@Command(name = "predict", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Predict a decision and its rationale for every input; labels and rationales in the input are "
        + "optional and carried over as gold.")
public final class PredictCommand implements Callable<Integer> {
  @Option(names = "--model", required = true, description = "Trained model folder (e.g. RUN/model).")
  Path model;

  @Option(names = "--input", required = true, description = "JSONL or CSV with a question column.")
  Path input;

  @Option(names = "--output", required = true, description = "Predictions file (.jsonl or .csv).")
  Path output;

  @Bounded(min = 1, max = 1024)
  @Option(names = "--batch-size", defaultValue = "16", description = "Inputs decoded together (default: ${DEFAULT-VALUE}).")
  int batchSize;

  @Bounded(min = 0, max = 1024)
  @Option(names = "--threads", defaultValue = "0", description = "PyTorch threads (0: all cores).")
  int threads;

  @Mixin
  QuietOption quiet;

  @Mixin
  ExampleFileOptions files;

  @Mixin
  DeviceOption devices;

  @Override
  public Integer call() throws IOException {
    new InputOutputPaths().input("--input", input).inputFolder("--model", model).output("--output", output)
        .output("--output's provenance", Path.of(output + ".provenance.json")).check();
    boolean csv = csvOutput(output);
    DeviceSpec device = devices.resolve();
    if (!quiet.on()) {
      System.err.println(DeviceOption.logLine("predict", device));
    }
    ExampleSet set = RequiredExamples.atLeastOne(new ExampleReader(files.toReadOptions().forPrediction()).read(input));
    if (!quiet.on() || !set.report().skipped().isEmpty()) {
      System.err.println(PrintableText.escape(set.report().summary()));
    }
    if (threads > 0) {
      dev.reason2decide.engine.Engines.setThreads(threads);
    }
    List<String> labelOverride = files.labelList();
    List<Decision> decisions = new ArrayList<>();
    long start = System.nanoTime();
    try (T5DecisionModel m = T5DecisionModel.load(model, labelOverride, device);
        Progress bar = Progress.start("predict", set.size(), quiet.on())) {
      List<Example> ex = set.examples();
      for (int i = 0; i < ex.size(); i += batchSize) {
        List<String> texts = ex.subList(i, Math.min(ex.size(), i + batchSize)).stream().map(Example::input).toList();
        decisions.addAll(m.decideAll(texts));
        bar.step(texts.size());
      }
      AtomicFiles.write(output, w -> {
        if (csv) {
          writeCsv(w, ex, decisions);
        } else {
          PredictionRow.writeJsonl(w, ex, decisions, m.labels());
        }
      });
      Map<String, Object> prov = new LinkedHashMap<>(Provenance.base());
      prov.put("model", m.describe().get("path"));
      prov.put("model_weights", Provenance.file(model.resolve("model.safetensors")));
      prov.put("input", Provenance.file(input));
      prov.put("examples", ex.size());
      prov.put("device", device.toString());
      prov.put("labels", m.labels());
      prov.put("prompts", m.card().prompts());
      prov.put("generation", Json.ordered("label", "greedy, max " + m.card().labelMaxNewTokens() + " new tokens",
          "rationale", "greedy, max " + m.card().rationaleMaxNewTokens() + " new tokens"));
      prov.put("seconds", (System.nanoTime() - start) / 1e9);
      // a device or FIFO (--output /dev/stdout) gets no provenance file beside it
      OutputTarget.sideFile(output, ".provenance.json")
          .ifPresent(f -> AtomicFiles.writeString(f, Json.PRETTY.toJson(prov) + "\n"));
      if (!quiet.on()) {
        m.trustNotice().ifPresent(n -> System.err.println(PrintableText.escape(n)));
      }
    }
    System.out.println(output);
    return 0;
  }

  /**
   * True for {@code .csv}, false for {@code .jsonl}; any other extension is refused before the work (it used to get
   * JSONL silently). A device or FIFO without an extension ({@code /dev/stdout}) gets JSONL.
   */
  static boolean csvOutput(Path output) {
    String name = output.getFileName() == null ? "" : output.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".csv")) {
      return true;
    }
    if (name.endsWith(".jsonl") || (!name.contains(".") && OutputTarget.of(output).special())) {
      return false;
    }
    throw new IllegalArgumentException("--output " + output + ": the format follows the extension, .jsonl (JSON "
        + "lines) or .csv; " + (name.contains(".") ? name.substring(name.lastIndexOf('.')) + " is not one of them"
        : "the name has none"));
  }

  private static void writeCsv(Writer w, List<Example> ex, List<Decision> d) throws IOException {
    w.write("id,question,label,rationale,Predicted_Label,Predicted_Rationale,Probabilities\r\n");
    for (int i = 0; i < ex.size(); i++) {
      Example e = ex.get(i);
      String[] cells = {e.id(), e.input(), e.label(), e.rationale() == null ? "" : e.rationale(), d.get(i).label(),
          d.get(i).rationale(), Json.COMPACT.toJson(d.get(i).probabilities())};
      for (int c = 0; c < cells.length; c++) {
        if (c > 0) {
          w.write(',');
        }
        w.write(quote(cells[c]));
      }
      w.write("\r\n");
    }
  }

  static String quote(String cell) {
    String s = CsvCells.escape(cell);
    if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
      return '"' + s.replace("\"", "\"\"") + '"';
    }
    return s;
  }
}
