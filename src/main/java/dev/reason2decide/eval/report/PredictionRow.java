// One record of `r2d predict`'s JSONL: the note's id and text, its gold fields if any, the decision, its rationale, checks.
package dev.reason2decide.eval.report;

import com.google.gson.JsonObject;
import dev.reason2decide.data.Example;
import dev.reason2decide.eval.faith.ExampleChecks;
import dev.reason2decide.eval.faith.TrustReview;
import dev.reason2decide.inference.Decision;
import dev.reason2decide.data.Prediction;
import dev.reason2decide.inference.DecisionModel;
import dev.reason2decide.io.AtomicFiles;
import dev.reason2decide.io.Json;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the output record of one note. It is the single place where prediction fields are named and the one
 * JSONL writer of predictions: {@code r2d predict}, the evaluations of experiments and of the quickstart write
 * through {@link #writeJsonl}, and {@code r2d spark predict} turns the same objects into its rows, so a field added
 * here appears in every output with the same name and value.
 */
public final class PredictionRow {
  /** The trust verdict's field (docs/trust.md): {@code {"score", "decide", "reasons", "signals"}}. */
  public static final String TRUST = "trust";

  private PredictionRow() {}

  /**
   * {@code id, input, label (when the note has one), rationale (when it has one), predicted_label,
   * label_text} (the label step's raw text; predicted_label is always a label), {@code predicted_rationale,
   * probabilities} (label → probability, in the model's label order), {@code checks} (the rationale's faithfulness
   * checks, {@link ExampleChecks}; {@code labels} is the model's label set), {@code trust} ({@link TrustReview}).
   */
  public static JsonObject of(Example note, Decision decision, List<String> labels) {
    JsonObject o = new JsonObject();
    o.addProperty("id", note.id());
    o.addProperty("input", note.input());
    if (note.label() != null && !note.label().isEmpty()) {
      o.addProperty("label", note.label());
    }
    if (note.rationale() != null && !note.rationale().isEmpty()) {
      o.addProperty("rationale", note.rationale());
    }
    o.addProperty("predicted_label", decision.label());
    o.addProperty("label_text", decision.labelText());
    o.addProperty("predicted_rationale", decision.rationale());
    JsonObject p = new JsonObject();
    decision.probabilities().forEach(p::addProperty);
    o.add("probabilities", p);
    ExampleChecks checks = ExampleChecks.of(note.input(), decision.label(), decision.rationale(), labels);
    o.add(PredictionFile.CHECKS, Json.COMPACT.toJsonTree(checks.toMap()));
    o.add(TRUST, Json.COMPACT.toJsonTree(TrustReview.verdict(decision, checks).toMap()));
    return o;
  }

  /** The rows of {@code notes} and their {@code decisions} as JSON lines ({@code labels}: the model's label set). */
  public static void writeJsonl(Writer w, List<Example> notes, List<Decision> decisions, List<String> labels)
      throws IOException {
    for (int i = 0; i < notes.size(); i++) {
      w.write(Json.COMPACT.toJson(of(notes.get(i), decisions.get(i), labels)));
      w.write('\n');
    }
  }

  /**
   * Decides {@code notes} with {@code model} ({@code batch} at a time), writes the rows to {@code file} as {@code r2d
   * predict} does and reads them back as {@code r2d evaluate} does, so every field (the trust verdict included)
   * reaches the figures the same way.
   */
  public static List<Prediction> decide(DecisionModel model, List<Example> notes, int batch, Path file) {
    List<Decision> decisions = new ArrayList<>();
    for (int i = 0; i < notes.size(); i += batch) {
      decisions.addAll(model.decideAll(notes.subList(i, Math.min(notes.size(), i + batch)).stream()
          .map(Example::input).toList()));
    }
    AtomicFiles.write(file, w -> writeJsonl(w, notes, decisions, model.labels()));
    return PredictionFile.read(file);
  }
}
