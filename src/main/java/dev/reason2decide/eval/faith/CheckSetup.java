// Prepares what the faithfulness checks need beyond predictions: the trained simulator and the counterfactual run.
package dev.reason2decide.eval.faith;

import com.google.gson.JsonObject;
import dev.reason2decide.data.Example;
import dev.reason2decide.data.Prediction;
import dev.reason2decide.eval.triage.CounterfactualRun;
import dev.reason2decide.eval.triage.Counterfactuals;
import dev.reason2decide.eval.triage.Probe;
import dev.reason2decide.inference.DecisionModel;
import dev.reason2decide.io.AtomicFiles;
import dev.reason2decide.io.Json;
import java.nio.file.Path;
import java.util.List;
import java.util.function.IntConsumer;

/** Shared by {@code r2d evaluate} and the experiment runner. */
public final class CheckSetup {
  private CheckSetup() {}

  /**
   * The simulator trained on the gold rationales of {@code train} (examples without one are left out), with
   * {@code source} naming the data in the note when it cannot be trained.
   */
  public static CheckInputs simulator(List<Example> train, String source) {
    if (train == null) {
      return CheckInputs.NONE;
    }
    List<Example> withRationale = train.stream().filter(e -> e.rationale() != null && !e.rationale().isBlank()
        && e.label() != null && !e.label().isBlank()).toList();
    if (withRationale.stream().map(e -> e.label().strip()).distinct().count() < 2) {
      return new CheckInputs(null, "not computed (" + source + " has gold rationales of fewer than two "
          + "labels)", null);
    }
    Simulator s = Simulator.train(withRationale.stream().map(Example::rationale).toList(),
        withRationale.stream().map(Example::label).toList());
    return new CheckInputs(s, null, null);
  }

  /**
   * Counterfactual probes of the predictions' notes (at most {@code perEdit} of each edit), decided by
   * {@code model}; the probes and the model's answers are written to {@code probesFile} as JSONL when it is not null.
   * Fails when the notes are not the synthetic set.
   */
  public static CounterfactualRun.Result counterfactual(List<Prediction> preds, DecisionModel model, int perEdit,
      long seed, int batch, Path probesFile, IntConsumer progress) {
    if (!FaithfulnessChecks.syntheticTriage(preds)) {
      throw new IllegalArgumentException("counterfactual probes need the synthetic triage set ("
          + FaithfulnessChecks.DETECTION + "); these predictions are not");
    }
    List<Probe> probes = Counterfactuals.probes(preds.stream().map(p -> p.id() == null ? "" : p.id()).toList(),
        preds.stream().map(Prediction::input).toList(), seed, perEdit);
    CounterfactualRun.Result r = CounterfactualRun.run(model, probes, batch, progress);
    if (probesFile != null) {
      AtomicFiles.write(probesFile, w -> {
        for (CounterfactualRun.Outcome o : r.outcomes()) {
          JsonObject j = new JsonObject();
          j.addProperty("id", o.probe().id());
          j.addProperty("edit", o.probe().edit().json());
          j.addProperty("input", o.probe().note());
          j.addProperty("old_value", o.probe().oldValue());
          j.addProperty("new_value", o.probe().newValue());
          j.addProperty("label", o.probe().newLabel());
          j.addProperty("predicted_label", o.decision().label());
          j.addProperty("predicted_rationale", o.decision().rationale());
          j.addProperty("decision_follows_rules", o.decisionFollowsRules());
          j.addProperty("cites_edited_value", o.citesEditedValue());
          j.addProperty("states_new_level", o.statesNewLevel());
          j.addProperty("fully_faithful", o.fullyFaithful());
          w.write(Json.COMPACT.toJson(j));
          w.write('\n');
        }
      });
    }
    return r;
  }
}
