// End-to-end: `r2d evaluate` writes report.json/report.md with hand-checkable label, calibration and faithfulness figures.
package dev.reason2decide.eval.report;

import dev.reason2decide.io.Provenance;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.reason2decide.cli.EvaluateCommand;
import dev.reason2decide.eval.RationaleLabeler;
import dev.reason2decide.testing.CliRun;
import dev.reason2decide.testing.Shared;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class EvaluateCommandTest {
  @TempDir
  Path tmp;

  private Path predictions() throws Exception {
    Path p = tmp.resolve("run1.jsonl");
    Files.writeString(p, String.join("\n",
        "{\"id\":\"a\",\"input\":\"q1\",\"predicted_label\":\"yes\",\"predicted_rationale\":\"aspirin helps\","
            + "\"probabilities\":{\"yes\":0.9,\"no\":0.1}}",
        "{\"id\":\"b\",\"input\":\"q2\",\"predicted_label\":\" \",\"predicted_rationale\":\"\","
            + "\"probabilities\":{\"yes\":0.6,\"no\":0.4}}",
        "{\"id\":\"c\",\"input\":\"q3\",\"predicted_label\":\"no\",\"predicted_rationale\":\"no effect was seen\"}",
        ""));
    return p;
  }

  private Path gold() throws Exception {
    // CSV in another order than the predictions: matched by id
    Path g = tmp.resolve("gold.csv");
    Files.writeString(g, "id,question,label,rationale\n"
        + "c,q3,no,\"no effect was seen\"\n"
        + "a,q1,yes,\"aspirin helps, a lot\"\n"
        + "b,q2,no,\"the trial,\n\"\"negative\"\"\"\n");
    return g;
  }

  @Test
  void writesBothReportsWithoutModel() throws Exception {
    Path preds = predictions();
    CliRun run = CliRun.of("evaluate", "--predictions", preds.toString(), "--gold", gold().toString());
    assertEquals(0, run.code(), run.err());
    Path dir = tmp.resolve("run1.eval");
    JsonObject r = JsonParser.parseString(Files.readString(dir.resolve("report.json"))).getAsJsonObject();
    JsonObject labels = r.getAsJsonObject("labels");
    assertEquals(2.0 / 3, labels.get("accuracy").getAsDouble(), 1e-12);
    // classes no, unknown, yes: F1 no = 2·1/(2+1) = 2/3, unknown 0, yes 1 → macro 5/9
    assertEquals(5.0 / 9, labels.get("macro_f1").getAsDouble(), 1e-12);
    assertEquals(List.of("no", "unknown", "yes"), labels.getAsJsonObject("confusion").getAsJsonArray("labels")
        .asList().stream().map(e -> e.getAsString()).toList());
    assertEquals(1, labels.getAsJsonObject("confusion").getAsJsonArray("matrix").get(0).getAsJsonArray().get(1)
        .getAsInt());
    // ECE over the two examples with probabilities: |1 - 0.9| and |0 - 0.6| (argmax yes, gold no), one per bin
    assertEquals((0.1 + 0.6) / 2, labels.get("ece").getAsDouble(), 1e-12);
    assertEquals(1, labels.get("without_probabilities").getAsInt());
    assertEquals(10, labels.getAsJsonArray("reliability").size());

    JsonObject rat = r.getAsJsonObject("rationales");
    assertEquals(3, rat.get("n").getAsInt());
    assertEquals(1, rat.get("empty_predictions").getAsInt());
    // pair a: p1 = p2 = 1, no trigrams: method4 gives ln2/10 and ln2/20; BP = exp(1 - 5/2); b empty: 0; c same: 1
    double ln2 = Math.log(2);
    double pairA = Math.exp(-1.5) * Math.exp(0.25 * (Math.log(ln2 / 10) + Math.log(ln2 / 20)));
    double expectedBleu = (pairA + 0 + 1.0) / 3;
    assertEquals(expectedBleu, rat.get("bleu_nltk").getAsDouble(), 1e-12);
    assertEquals("nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp|version:2.6.0",
        rat.getAsJsonObject("sacrebleu").get("signature").getAsString());
    assertTrue(rat.getAsJsonObject("chrf").get("signature").getAsString().startsWith("nrefs:1|case:mixed|eff:yes|nc:6"));
    assertTrue(rat.getAsJsonObject("rougeL").has("f"));
    assertFalse(rat.has("bertscore"));
    JsonObject faith = r.getAsJsonObject("faithfulness");
    assertFalse(faith.get("computed").getAsBoolean());
    assertEquals("not computed (no --model)", faith.get("note").getAsString());
    JsonObject prov = r.getAsJsonObject("provenance");
    assertEquals(Provenance.sha256(preds),
        prov.getAsJsonArray("files").get(0).getAsJsonObject().get("sha256").getAsString());
    assertTrue(prov.has("tool") && prov.has("date"));
    assertEquals("b", r.getAsJsonObject("examples").getAsJsonArray("worst").get(0).getAsJsonObject().get("id")
        .getAsString());

    String md = Files.readString(dir.resolve("report.md"));
    assertTrue(md.contains("Faithfulness: not computed (no --model)."), md);
    assertTrue(md.contains("| gold \\ predicted | no | unknown | yes |"), md);
    assertTrue(md.contains("ECE = 0.3500"), md);
    assertTrue(md.contains("\\\"negative\\\"") || md.contains("\"negative\""), md);
  }

  @Test
  void faithfulnessWithALabelerAndBertScore() throws Exception {
    // a labeler that says "yes" when the rationale mentions aspirin, else "no"
    RationaleLabeler fake = new RationaleLabeler() {
      @Override
      public List<String> labels(List<String> texts) {
        return texts.stream().map(t -> t.contains("aspirin") ? "yes" : "no").toList();
      }

      @Override
      public String describe() {
        return "keyword labeler";
      }
    };
    Path out = tmp.resolve("out");
    int code = new CommandLine(new EvaluateCommand(dir -> fake)).execute("--predictions", predictions().toString(),
        "--gold", gold().toString(), "--model", tmp.toString(), "--perturbation", "--out", out.toString(),
        "--bertscore-model", Shared.fixture("roberta-tiny-bertscore").toString(), "--bertscore-layer", "2");
    assertEquals(0, code);
    JsonObject r = JsonParser.parseString(Files.readString(out.resolve("report.json"))).getAsJsonObject();
    JsonObject faith = r.getAsJsonObject("faithfulness");
    assertTrue(faith.get("computed").getAsBoolean());
    // from rationale: yes, no, no; own labels: yes, unknown, no → 2/3 consistent; gold yes, no, no → 3/3 sufficient
    assertEquals(2.0 / 3, faith.get("consistency").getAsDouble(), 1e-12);
    assertEquals(1.0, faith.get("sufficiency").getAsDouble(), 1e-12);
    // from the gold rationales: "aspirin helps, a lot" yes, "the trial, …" no, "no effect was seen" no = gold: 3/3
    assertEquals(1.0, faith.get("gold_robustness").getAsDouble(), 1e-12);
    assertEquals(3, faith.get("with_gold_rationale").getAsInt());
    assertTrue(Files.readString(out.resolve("report.md")).contains("| 0.6667 | 1.0000 | 1.0000 |"));
    // "aspirin helps" keeps "aspirin" when every second word goes: no flips
    assertEquals(0.0, faith.get("perturbation_flip_rate").getAsDouble(), 1e-12);
    JsonObject bert = r.getAsJsonObject("rationales").getAsJsonObject("bertscore");
    assertTrue(bert.get("hash").getAsString().startsWith("roberta-tiny-bertscore_L2_no-idf"));
    assertTrue(bert.get("F").getAsDouble() > 0);
  }

  @Test
  void misalignedFilesAreRejected() throws Exception {
    Path g = tmp.resolve("gold.jsonl");
    Files.writeString(g, "{\"question\":\"q1\",\"label\":\"yes\"}\n");
    CliRun run = CliRun.of("evaluate", "--predictions", predictions().toString(), "--gold", g.toString());
    assertEquals(1, run.code());
    assertTrue(run.err().contains("3 predictions") && run.err().contains("gold.jsonl"), run.err());
    CliRun noGold = CliRun.of("evaluate", "--predictions", predictions().toString());
    assertEquals(1, noGold.code());
    assertTrue(noGold.err().contains("no gold label"), noGold.err());
  }
}
