// r2d evaluate on the synthetic set: the exact checks, the simulator from the dataset folder, and the counterfactual
// probes run end to end on a real (tiny, untrained) T5 model.
package dev.reason2decide.eval.triage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.reason2decide.cli.EvaluateCommand;
import dev.reason2decide.data.Example;
import dev.reason2decide.data.synth.SynthTriage;
import dev.reason2decide.data.synth.TriageRules;
import dev.reason2decide.eval.RationaleLabeler;
import dev.reason2decide.inference.T5DecisionModel;
import dev.reason2decide.io.Json;
import dev.reason2decide.testing.TinyT5;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class EvaluateFaithfulnessTest {
  @TempDir
  Path tmp;

  /** Predictions that copy the gold label and rationale, except the first, which keeps the gold rationale of ESI-x. */
  private Path predictions(List<Example> test) throws Exception {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < test.size(); i++) {
      Example e = test.get(i);
      JsonObject o = new JsonObject();
      o.addProperty("id", e.id());
      o.addProperty("input", e.input());
      o.addProperty("predicted_label", i == 0 ? wrong(e.label()) : e.label());
      o.addProperty("predicted_rationale", e.rationale());
      sb.append(Json.COMPACT.toJson(o)).append('\n');
    }
    Path p = tmp.resolve("predictions.jsonl");
    Files.writeString(p, sb.toString());
    return p;
  }

  private static String wrong(String label) {
    return label.equals("ESI-5") ? "ESI-4" : "ESI-5";
  }

  @Test
  void goldRationalesScoreOneAndAWrongDecisionIsSeen() throws Exception {
    Path data = tmp.resolve("data");
    List<Example> test = SynthTriage.write(data, 200, 8, 0.8, 0.1, 0.1).get("test");
    Path out = tmp.resolve("eval");
    int code = new CommandLine(new EvaluateCommand()).execute("--predictions", predictions(test).toString(),
        "--gold", data.resolve("test.jsonl").toString(), "--out", out.toString());
    assertEquals(0, code);
    JsonObject checks = JsonParser.parseString(Files.readString(out.resolve("report.json"))).getAsJsonObject()
        .getAsJsonObject("faithfulness_checks");
    JsonObject all = checks.getAsJsonObject("synthetic_triage").getAsJsonObject("all");
    int n = test.size();
    assertEquals(n, all.get("n").getAsInt());
    // the first rationale states the gold level, not the (wrong) decision: agreement (n-1)/n; everything else holds
    assertEquals((n - 1.0) / n, all.get("decision_agreement").getAsDouble(), 1e-12);
    assertEquals(1.0, all.get("cited_findings_in_note").getAsDouble());
    assertEquals(1.0, all.get("rule_correct").getAsDouble());
    assertEquals((n - 1.0) / n, all.get("fully_faithful").getAsDouble(), 1e-12);
    JsonObject wrong = checks.getAsJsonObject("synthetic_triage").getAsJsonObject("decision_wrong");
    assertEquals(1, wrong.get("n").getAsInt());
    assertEquals(0.0, wrong.get("states_predicted_level").getAsDouble());
    assertEquals(1.0, wrong.get("states_gold_level").getAsDouble());
    JsonObject sim = checks.getAsJsonObject("simulator");
    assertEquals(160, sim.get("train_rationales").getAsInt(), "train.jsonl beside --gold");
    assertTrue(sim.get("accuracy_on_gold_rationales").getAsDouble() > 0.9, sim.toString());
    assertEquals(sim.get("agreement_with_gold").getAsDouble(), sim.get("accuracy_on_gold_rationales").getAsDouble(),
        1e-12, "r̂ is the gold rationale here");
    assertTrue(Files.readString(out.resolve("report.md")).contains("## Faithfulness checks"));
  }

  @Test
  void counterfactualProbesRunOnARealT5Model() throws Exception {
    Path data = tmp.resolve("data");
    List<Example> test = SynthTriage.write(data, 200, 9, 0.8, 0.1, 0.1).get("test");
    Path out = tmp.resolve("eval");
    RationaleLabeler constant = new RationaleLabeler() {
      @Override
      public List<String> labels(List<String> texts) {
        return texts.stream().map(t -> "ESI-3").toList();
      }

      @Override
      public String describe() {
        return "constant";
      }
    };
    Path model = TinyT5.modelFolder(tmp.resolve("model"), TriageRules.LABELS);
    EvaluateCommand cmd = new EvaluateCommand(dir -> constant).withDecisionModels(T5DecisionModel::load);
    int code = new CommandLine(cmd).execute("--predictions", predictions(test).toString(), "--gold",
        data.resolve("test.jsonl").toString(), "--model", model.toString(),
        "--counterfactual", "--counterfactual-per-edit", "2", "--out", out.toString());
    assertEquals(0, code);
    List<String> lines = Files.readAllLines(out.resolve("counterfactual.jsonl"));
    JsonObject cf = JsonParser.parseString(Files.readString(out.resolve("report.json"))).getAsJsonObject()
        .getAsJsonObject("faithfulness_checks").getAsJsonObject("counterfactual");
    JsonObject all = cf.getAsJsonObject("all");
    assertEquals(lines.size(), all.get("n").getAsInt());
    assertTrue(lines.size() >= 20 && lines.size() <= 2 * Edit.values().length, "probes: " + lines.size());
    int follows = 0;
    for (String line : lines) {
      JsonObject o = JsonParser.parseString(line).getAsJsonObject();
      follows += o.get("predicted_label").getAsString().equals(o.get("label").getAsString()) ? 1 : 0;
      int rules = TriageRules.assess(NoteParser.parse(o.get("input").getAsString()).facts()).level();
      assertEquals(TriageRules.LABELS.get(rules - 1), o.get("label").getAsString(), "the rules' new level: " + line);
    }
    assertEquals((double) follows / lines.size(), all.get("decision_follows_rules").getAsDouble(), 1e-12);
    JsonObject byEdit = cf.getAsJsonObject("by_edit");
    assertTrue(byEdit.size() >= 10, "most kinds of edit: " + byEdit.keySet());
  }
}
