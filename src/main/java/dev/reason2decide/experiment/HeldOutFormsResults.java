// The held-out forms column of an experiment's report: decisions and exact checks on notes in forms training never saw.
package dev.reason2decide.experiment;

import com.google.gson.JsonObject;
import dev.reason2decide.data.DatasetFolder;
import dev.reason2decide.data.synth.SynthTriage;
import dev.reason2decide.io.Json;
import dev.reason2decide.runs.RunFolder;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where an experiment's synthetic data keeps note forms out of training ({@code held_out_forms}, issue 24), every
 * run's final model is also evaluated on {@code data/test_held_out_forms.jsonl} into
 * {@code evaluation/held_out_forms/} ({@link RunEvaluation}, as the test split but without counterfactual probes).
 * This reads those reports into one {@link ResultsTable} per metric of {@link #METRICS} (mean ± sd over seeds and the
 * paired differences, as the test split's tables) and renders them for results.json and results.md, where each
 * metric's held-out column stands beside its test column. Generalisation to unseen forms is measured, not assumed.
 */
final class HeldOutFormsResults {
  /** What the held-out forms column reports: the decision, and two exact checks of the rationale. */
  static final List<Metric> METRICS = List.of(Metric.ACCURACY, Metric.MACRO_F1, Metric.CITED_FINDINGS_IN_NOTE,
      Metric.FULLY_FAITHFUL);

  private HeldOutFormsResults() {}

  /** Whether {@code cfg}'s data has held-out forms (and so every run a held-out forms evaluation). */
  static boolean applies(ExperimentConfig cfg) {
    ExperimentConfig.SyntheticSpec s = cfg.data().synthetic();
    return s != null && s.plan() != null && !s.plan().notes().forms().heldOut().isEmpty();
  }

  /** The held-out (slot, form) keys of {@code cfg}, sorted (the policy keeps them as a set). */
  static List<String> forms(ExperimentConfig cfg) {
    return cfg.data().synthetic().plan().notes().forms().heldOut().stream().sorted().toList();
  }

  /** The held-out split's file, relative to the experiment folder. */
  static Path file() {
    return DatasetFolder.split(Path.of("data"), SynthTriage.HELD_OUT_FORMS_SPLIT);
  }

  /** One table per metric of {@link #METRICS}, from every run's held-out forms report.json. */
  static List<ResultsTable> tables(ExperimentConfig cfg, List<RunOutcome> runs) {
    Map<Path, JsonObject> reports = new HashMap<>();
    return ResultsReport.tables(cfg, runs, METRICS, (o, m) -> m.read(reports.computeIfAbsent(o.dir(),
        d -> report(o))));
  }

  /** A run's held-out forms evaluation report. */
  static JsonObject report(RunOutcome o) {
    return Json.readObject(new RunFolder(o.dir()).heldOutFormsEvaluation().report());
  }

  /** A run's values of {@link #METRICS} on the held-out forms split, by metric key. */
  static Map<String, Object> values(RunOutcome o) {
    JsonObject report = report(o);
    Map<String, Object> m = new LinkedHashMap<>();
    for (Metric metric : METRICS) {
      m.put(metric.key(), metric.read(report));
    }
    return m;
  }

  /** The wall seconds of a run's held-out forms evaluation. */
  static double evalSeconds(RunOutcome o) {
    return Json.readObject(new RunFolder(o.dir()).heldOutFormsEvaluation().timing()).get("total_seconds")
        .getAsDouble();
  }

  /** The {@code held_out_forms} object of results.json. */
  static Map<String, Object> json(ExperimentConfig cfg, List<ResultsTable> tables, JsonObject experiment) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("split", file().toString());
    m.put("forms", forms(cfg));
    m.put("examples_evaluated", evaluated(experiment));
    m.put("evaluation_folder", "runs/<run>/" + RunFolder.EVALUATION + "/" + RunFolder.HELD_OUT_FORMS_EVALUATION);
    Map<String, Object> metrics = new LinkedHashMap<>();
    for (ResultsTable t : tables) {
      metrics.put(t.metric().key(), t.toMap(cfg.seeds()));
    }
    m.put("metrics", metrics);
    return m;
  }

  /**
   * Appends the held-out forms section of results.md: one table with each metric's test and held-out forms columns
   * side by side (mean ± sd over seeds), then each held-out table with its seeds and paired differences.
   */
  static void markdown(StringBuilder s, ExperimentConfig cfg, List<ResultsTable> test, List<ResultsTable> heldOut,
      JsonObject experiment) {
    s.append("## Held-out note forms\n\n`").append(file()).append("`: ").append(evaluated(experiment))
        .append(" notes evaluated whose held-out slots are written only in forms that no training, validation or test "
            + "note uses (").append(String.join(", ", forms(cfg).stream().map(f -> "`" + f + "`").toList()))
        .append("); the other slots use training's forms. Every run's final model is evaluated on them as on the "
            + "test split, without counterfactual probes (`runs/<run>/evaluation/held_out_forms/`). Each cell: mean "
            + "± sd over seeds; the best held-out mean in **bold**.\n\n| recipe |");
    for (Metric m : METRICS) {
      s.append(' ').append(m.title()).append(": test | ").append(m.title()).append(": held-out forms |");
    }
    s.append("\n|---|").append("---|---|".repeat(METRICS.size())).append('\n');
    for (String recipe : cfg.recipeNames()) {
      s.append("| ").append(recipe).append(" |");
      for (int i = 0; i < METRICS.size(); i++) {
        s.append(' ').append(cell(test.get(i), recipe, false)).append(" | ")
            .append(cell(heldOut.get(i), recipe, true)).append(" |");
      }
      s.append('\n');
    }
    s.append('\n');
    for (ResultsTable t : heldOut) {
      s.append("### ").append(t.metric().title()).append(" on held-out forms\n\n");
      ResultsReport.table(s, cfg, t, t.reference());
    }
  }

  private static String cell(ResultsTable t, String recipe, boolean bold) {
    ResultsTable.Row r = t.row(recipe);
    String c = ResultsReport.num(t.metric(), r.mean()) + (r.sd() == null ? "" : " ± "
        + ResultsReport.num(t.metric(), r.sd()));
    return bold && recipe.equals(t.best()) ? "**" + c + "**" : c;
  }

  private static int evaluated(JsonObject experiment) {
    return experiment.getAsJsonObject("data").getAsJsonObject("held_out_forms").get("evaluated").getAsInt();
  }
}
