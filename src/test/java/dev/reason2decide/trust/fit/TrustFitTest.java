// On a real (tiny, untrained) T5: a folder without trust statistics still decides; r2d trust fit writes them and
// every later decision carries its distances; a label text outside the label set is never decided.
package dev.reason2decide.trust.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.reason2decide.cli.Main;
import dev.reason2decide.data.Example;
import dev.reason2decide.data.synth.SynthTriage;
import dev.reason2decide.data.synth.TriageRules;
import dev.reason2decide.eval.faith.TrustReview;
import dev.reason2decide.inference.Decision;
import dev.reason2decide.inference.T5DecisionModel;
import dev.reason2decide.testing.TinyT5;
import dev.reason2decide.trust.TrustFeature;
import dev.reason2decide.trust.TrustFile;
import dev.reason2decide.trust.TrustVerdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrustFitTest {
  @TempDir
  Path tmp;

  @Test
  void withoutStatisticsAFolderStillDecidesAndFittingAddsThem() throws Exception {
    Path data = tmp.resolve("data");
    Map<String, List<Example>> splits = SynthTriage.write(data, 48, 5, 0.7, 0.15, 0.15);
    Path model = TinyT5.modelFolder(tmp.resolve("model"), TriageRules.LABELS);
    String note = splits.get("test").get(0).input();
    try (T5DecisionModel m = T5DecisionModel.load(model)) {
      assertNull(m.trust());
      Decision d = m.decide(note);
      assertNull(d.trust().signals().inputDistance());
      assertTrue(TriageRules.LABELS.contains(d.label()), d.label());
      TrustVerdict v = TrustReview.verdict(d, note, m.labels());
      assertTrue(v.score() >= 0 && v.score() <= 1);
    }
    assertEquals(0, Main.run("trust", "fit", "--model", model.toString(), "--train",
        data.resolve("train.jsonl").toString(), "--validation", data.resolve("validation.jsonl").toString(),
        "--coverage", "0.9"));
    assertTrue(TrustFile.exists(model));
    TrustFile f = TrustFile.read(model);
    assertEquals(64, f.input().dim());
    assertNotNull(f.output());
    // each training note's input distance, by its gold label, for the decided label's comparison
    Map<String, Long> perLabel = new TreeMap<>();
    splits.get("train").forEach(e -> perLabel.merge(e.label(), 1L, Long::sum));
    Map<String, double[]> md = f.rule().byLabel().get(TrustFeature.INPUT_MD);
    assertEquals(perLabel.keySet(), new TreeSet<>(md.keySet()));
    perLabel.forEach((label, n) -> assertEquals(n.intValue(), md.get(label).length, label));
    for (double[] v : md.values()) {
      for (int i = 1; i < v.length; i++) {
        assertTrue(v[i - 1] <= v[i], "ascending");
      }
    }
    assertEquals(f.rule().byLabel().get(TrustFeature.INPUT_MD).keySet(),
        f.rule().byLabel().get(TrustFeature.TOKEN_MD).keySet());
    try (T5DecisionModel m = T5DecisionModel.load(model)) {
      Decision d = m.decide(note);
      assertNotNull(d.trust().signals().inputRelative());
      assertNotNull(d.trust().signals().outputRelative());
      assertEquals(f.rule().threshold(), d.trust().rule().threshold());
    }
  }

  @Test
  void aModelThatDecidesNoValidationNoteSaysWhy() throws Exception {
    // an untrained model's rationales state no decision, so a veto refuses every validation note: the rule decides
    // nothing, and the fit says so and why instead of a bare "decides 0 of 7"
    Path data = tmp.resolve("data");
    Map<String, List<Example>> splits = SynthTriage.write(data, 48, 5, 0.7, 0.15, 0.15);
    Path model = TinyT5.modelFolder(tmp.resolve("model"), TriageRules.LABELS);
    List<String> log = new java.util.ArrayList<>();
    TrustFile f = TrustFit.fitInto(model, splits.get("train"), splits.get("validation"), TrustSettings.defaults(),
        log::add);
    assertTrue(log.stream().anyMatch(l -> l.startsWith("trust: the model will refer nearly every note: it decides "
        + "none of the 7 validation notes, as a veto refuses every one of them (validation accuracy ")),
        log.toString());
    try (T5DecisionModel m = T5DecisionModel.load(model)) {
      for (Example e : splits.get("validation")) {
        assertFalse(TrustReview.verdict(m.decide(e.input()), e.input(), m.labels()).decide(), e.input());
      }
    }
    assertEquals(f.rule().threshold(), TrustFile.read(model).rule().threshold());
  }

  @Test
  void aLabelTextOutsideTheLabelSetIsNeverDecided() throws Exception {
    // an untrained model writes no label of a set it never saw: every one of its decisions is refused, and the
    // row holds the most probable label with the raw text beside it
    Path notes = tmp.resolve("notes.jsonl");
    StringBuilder jsonl = new StringBuilder();
    for (Example e : SynthTriage.write(tmp.resolve("data"), 12, 6, 0.5, 0.25, 0.25).get("test")) {
      JsonObject o = new JsonObject();
      o.addProperty("id", e.id());
      o.addProperty("question", e.input());
      jsonl.append(o).append('\n');
    }
    Files.writeString(notes, jsonl);
    List<String> labels = List.of("refer to the emergency department now", "home care");
    Path model = TinyT5.modelFolder(tmp.resolve("model"), labels);
    Path out = tmp.resolve("p.jsonl");
    assertEquals(0, Main.run("predict", "--model", model.toString(), "--input", notes.toString(),
        "--output", out.toString(), "--quiet", "--threads", "1", "--labels", String.join(",", labels)));
    List<String> lines = Files.readAllLines(out);
    assertFalse(lines.isEmpty());
    for (String line : lines) {
      JsonObject o = JsonParser.parseString(line).getAsJsonObject();
      String text = o.get("label_text").getAsString();
      assertFalse(labels.contains(text), line);
      assertTrue(labels.contains(o.get("predicted_label").getAsString()), line);
      JsonObject p = o.getAsJsonObject("probabilities");
      String best = labels.get(p.get(labels.get(0)).getAsDouble() >= p.get(labels.get(1)).getAsDouble() ? 0 : 1);
      assertEquals(best, o.get("predicted_label").getAsString(), line);
      JsonObject trust = o.getAsJsonObject("trust");
      assertFalse(trust.get("decide").getAsBoolean(), line);
      assertTrue(trust.getAsJsonArray("reasons").get(0).getAsString().contains("not one of the model's labels"),
          line);
    }
  }
}
