// results.json and results.md of an experiment: one table per metric, the runs, their cost, and the charts.
package dev.reason2decide.experiment;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import dev.reason2decide.io.AtomicFiles;
import dev.reason2decide.io.Json;
import dev.reason2decide.io.Provenance;
import dev.reason2decide.runs.PhaseKind;
import dev.reason2decide.runs.RunFolder;
import dev.reason2decide.train.Recipe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Renders the comparison. The reference recipe of the paired differences is {@code r2d} when the experiment has
 * it, else its first recipe. Every number in the tables is read from the runs' own evaluation/report.json.
 */
final class ResultsReport {
  private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls()
      .serializeSpecialFloatingPointValues().create();

  private ResultsReport() {}

  /** The recipe the others are compared with. */
  static String reference(ExperimentConfig cfg) {
    return (cfg.recipes().contains(Recipe.R2D) ? Recipe.R2D : cfg.recipes().get(0)).cliName();
  }

  /** One table per configured metric, values in seed order. */
  static List<ResultsTable> tables(ExperimentConfig cfg, List<RunOutcome> runs) {
    return tables(cfg, runs, cfg.metrics(), RunOutcome::value);
  }

  /** One table per metric of {@code metrics}, each run's value read by {@code value}, in seed order. */
  static List<ResultsTable> tables(ExperimentConfig cfg, List<RunOutcome> runs, List<Metric> metrics,
      BiFunction<RunOutcome, Metric, Double> value) {
    List<ResultsTable> out = new ArrayList<>();
    for (Metric m : metrics) {
      Map<String, List<Double>> values = new LinkedHashMap<>();
      for (String r : cfg.recipeNames()) {
        List<Double> v = new ArrayList<>();
        for (long s : cfg.seeds()) {
          v.add(value.apply(runs.stream().filter(o -> o.recipe().equals(r) && o.seed() == s).findFirst()
              .orElseThrow(), m));
        }
        values.put(r, v);
      }
      out.add(ResultsTable.of(m, reference(cfg), values));
    }
    return out;
  }

  /** Writes results.json, results.md and charts/ into {@code out}. */
  static void write(Path out, ExperimentConfig cfg, List<RunOutcome> runs, double wallSeconds, String model) {
    List<ResultsTable> tables = tables(cfg, runs);
    List<String> charts = Charts.write(out.resolve("charts"), cfg, runs, tables);
    Map<String, Object> machine = Provenance.base();
    JsonObject experiment = Json.readObject(out.resolve("experiment.json"));

    Map<String, Object> json = new LinkedHashMap<>();
    json.put("name", cfg.name());
    json.put("recipes", cfg.recipeNames());
    json.put("seeds", cfg.seeds());
    json.put("steps", cfg.steps());
    json.put("model", model);
    json.put("data", experiment.get("data"));
    json.put("reference", reference(cfg));
    Map<String, Object> metrics = new LinkedHashMap<>();
    for (ResultsTable t : tables) {
      metrics.put(t.metric().key(), t.toMap(cfg.seeds()));
    }
    json.put("metrics", metrics);
    List<ResultsTable> heldOut = HeldOutFormsResults.applies(cfg) ? HeldOutFormsResults.tables(cfg, runs) : null;
    if (heldOut != null) {
      json.put("held_out_forms", HeldOutFormsResults.json(cfg, heldOut, experiment));
    }
    List<Object> runList = new ArrayList<>();
    double train = 0;
    double eval = 0;
    for (RunOutcome o : runs) {
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("recipe", o.recipe());
      r.put("seed", o.seed());
      r.put("folder", out.relativize(o.dir()).toString());
      r.put("report", out.relativize(new RunFolder(o.dir()).evaluation().report()).toString());
      r.put("provenance", out.relativize(new RunFolder(o.dir()).provenance()).toString());
      r.put("phases", phases(o.dir()));
      r.put("train_seconds", o.trainSeconds());
      r.put("eval_seconds", o.evalSeconds());
      r.put("trained_in_this_invocation", o.trainedNow());
      r.put("first_non_finite_step", o.history().nonFiniteStep());
      Map<String, Object> values = new LinkedHashMap<>();
      for (Metric m : cfg.metrics()) {
        values.put(m.key(), o.value(m));
      }
      r.put("values", values);
      if (heldOut != null) {
        r.put("held_out_forms_report", out.relativize(new RunFolder(o.dir()).heldOutFormsEvaluation().report())
            .toString());
        r.put("held_out_forms_eval_seconds", HeldOutFormsResults.evalSeconds(o));
        r.put("held_out_forms_values", HeldOutFormsResults.values(o));
      }
      runList.add(r);
      train += o.trainSeconds();
      eval += o.evalSeconds();
    }
    json.put("runs", runList);
    Map<String, Object> timing = new LinkedHashMap<>();
    timing.put("train_seconds_total", train);
    timing.put("eval_seconds_total", eval);
    timing.put("this_invocation_seconds", wallSeconds);
    json.put("timing", timing);
    json.put("charts", charts.stream().map(c -> "charts/" + c).toList());
    json.put("machine", machine);
    AtomicFiles.writeString(out.resolve("results.json"), GSON.toJson(json) + "\n");
    AtomicFiles.writeString(out.resolve("results.md"), markdown(cfg, runs, tables, heldOut, charts, experiment, model,
        train, eval, wallSeconds, machine));
  }

  /** Each finished phase's done.json (last step, best step, early stop), by phase name. */
  private static Map<String, Object> phases(Path dir) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (PhaseKind p : PhaseKind.values()) {
      Path f = new RunFolder(dir).phase(p).done();
      if (Files.exists(f)) {
        JsonObject o = Json.readObject(f);
        Map<String, Object> ph = new LinkedHashMap<>();
        ph.put("last_step", o.get("last_step").getAsInt());
        ph.put("best_step", o.get("best_step").getAsInt());
        ph.put("stopped_early", o.get("stopped_early").getAsBoolean());
        m.put(p.folder(), ph);
      }
    }
    return m;
  }

  /** {@code heldOut}: the held-out forms tables, or null when the data has none. */
  private static String markdown(ExperimentConfig cfg, List<RunOutcome> runs, List<ResultsTable> tables,
      List<ResultsTable> heldOut, List<String> charts, JsonObject experiment, String model, double train, double eval,
      double wall, Map<String, Object> machine) {
    String ref = reference(cfg);
    JsonObject counts = experiment.getAsJsonObject("data").getAsJsonObject("counts");
    StringBuilder s = new StringBuilder();
    s.append("# Experiment `").append(cfg.name()).append("`\n\n");
    s.append(String.format(Locale.ROOT, "%d recipe%s × %d seed%s (%s), each run %d optimiser steps in all "
        + "(Stage-1 and Stage-2 together); model %s; data: %d train / %d validation examples, %d test examples "
        + "evaluated.%n%n", cfg.recipes().size(), cfg.recipes().size() == 1 ? "" : "s", cfg.seeds().size(),
        cfg.seeds().size() == 1 ? "" : "s", join(cfg.seeds()), cfg.steps(), model,
        counts.get("train").getAsInt(), counts.get("validation").getAsInt(), counts.get("test_evaluated").getAsInt()));
    s.append(String.format(Locale.ROOT, "Machine: %s cores, %s, Java %s, DJL %s. Training %.0f s and test "
        + "evaluation %.0f s summed over runs; this invocation took %.0f s.%n%n", machine.get("cores"),
        machine.get("os"), machine.get("java"), machine.get("djl"), train, eval, wall));
    List<RunOutcome> diverged = runs.stream().filter(o -> o.history().nonFiniteStep() != null).toList();
    if (!diverged.isEmpty()) {
      s.append("**Warning:** ").append(diverged.size()).append(" of ").append(runs.size()).append(" runs had a "
          + "NaN or infinite training loss or gradient norm (").append(String.join(", ", diverged.stream()
          .map(o -> o.dir().getFileName() + " from step " + o.history().nonFiniteStep()).toList()))
          .append("). Their values below are those of the checkpoint their selection kept; they are part of the "
          + "means.\n\n");
    }
    s.append("Each cell: mean ± sample standard deviation over seeds; the best mean in **bold**. ")
        .append("Δ vs `").append(ref).append("`: the mean over seeds of the paired difference (recipe − ").append(ref)
        .append(" with the same seed) and on how many seeds the recipe was above / below / equal to ")
        .append(ref).append(". With this few seeds a difference whose sign changes between seeds is not evidence "
        + "of a real difference.\n\n");
    for (ResultsTable t : tables) {
      s.append("## ").append(t.metric().title()).append("\n\n");
      table(s, cfg, t, ref);
    }
    if (heldOut != null) {
      HeldOutFormsResults.markdown(s, cfg, tables(cfg, runs, HeldOutFormsResults.METRICS, RunOutcome::value),
          heldOut, experiment);
    }
    s.append("## Runs\n\n| run | phases: last step (best step) | first NaN/inf step | train s | eval s | report |\n"
        + "|---|---|---|---|---|---|\n");
    for (RunOutcome o : runs) {
      StringBuilder ph = new StringBuilder();
      phases(o.dir()).forEach((name, v) -> {
        @SuppressWarnings("unchecked")
        Map<String, Object> p = (Map<String, Object>) v;
        ph.append(ph.length() > 0 ? ", " : "").append(name).append(' ').append(p.get("last_step")).append(" (")
            .append(p.get("best_step")).append(')').append(Boolean.TRUE.equals(p.get("stopped_early"))
            ? " stopped early" : "");
      });
      String folder = "runs/" + o.dir().getFileName();
      Integer bad = o.history().nonFiniteStep();
      s.append(String.format(Locale.ROOT, "| %s | %s | %s | %.0f | %.0f | [%s](%s/evaluation/report.md) |%n",
          o.dir().getFileName(), ph, bad == null ? "—" : String.valueOf(bad), o.trainSeconds(), o.evalSeconds(),
          "report", folder));
    }
    s.append('\n');
    if (!charts.isEmpty()) {
      s.append("## Charts\n\n");
      for (String c : charts) {
        s.append("![").append(c).append("](charts/").append(c).append(")\n\n");
      }
    }
    s.append("Configuration and provenance: `experiment.json`; every run's own `config.json`, `provenance.json`, "
        + "`metrics.jsonl` and `evaluation/` are in its folder.\n");
    return s.toString();
  }

  /**
   * Appends the table of {@code t} (below its heading): the report key, then per recipe its mean ± sd, per-seed values
   * and the paired difference to {@code ref}; a line instead when no run has the metric.
   */
  static void table(StringBuilder s, ExperimentConfig cfg, ResultsTable t, String ref) {
    if (t.empty()) {
      s.append("Not computed for any run (").append(t.metric() == Metric.BERTSCORE
          ? "give evaluation.bertscore_model" : "missing from the reports").append(").\n\n");
      return;
    }
    s.append("`").append(t.metric().path()).append("`, ").append(t.metric().higherIsBetter() ? "higher" : "lower")
        .append(" is better.\n\n| recipe | mean ± sd |");
    for (long seed : cfg.seeds()) {
      s.append(" seed ").append(seed).append(" |");
    }
    s.append(" Δ vs ").append(ref).append(" | seeds above / below / equal |\n|---|---|");
    s.append("---|".repeat(cfg.seeds().size())).append("---|---|\n");
    for (ResultsTable.Row r : t.rows()) {
      String cell = num(t.metric(), r.mean()) + (r.sd() == null ? "" : " ± " + num(t.metric(), r.sd()));
      if (r.recipe().equals(t.best())) {
        cell = "**" + cell + "**";
      }
      s.append("| ").append(r.recipe()).append(" | ").append(cell).append(" |");
      for (Double v : r.values()) {
        s.append(' ').append(num(t.metric(), v)).append(" |");
      }
      ResultsTable.Difference d = r.difference();
      if (d == null) {
        s.append(" (reference) | |\n");
      } else {
        s.append(' ').append(d.mean() == null ? "n/a" : signed(t.metric(), d.mean())).append(" | ")
            .append(d.higher()).append(" / ").append(d.lower()).append(" / ").append(d.ties())
            .append(d.unpaired() > 0 ? " (" + d.unpaired() + " unpaired)" : "").append(" |\n");
      }
    }
    s.append('\n');
  }

  private static String join(List<Long> seeds) {
    return String.join(", ", seeds.stream().map(String::valueOf).toList());
  }

  static String num(Metric m, Double v) {
    if (v == null) {
      return "n/a";
    }
    return String.format(Locale.ROOT, m == Metric.SACREBLEU || m == Metric.CHRF ? "%.2f" : "%.3f", v);
  }

  private static String signed(Metric m, double v) {
    String s = num(m, v);
    return v > 0 ? "+" + s : v < 0 ? s.replace("-", "−") : s;
  }
}
