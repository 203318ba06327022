// End-to-end: `r2d metrics bleu|chrf|rouge|bertscore` on temp files print the reference libraries' numbers.
package dev.reason2decide.eval.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.reason2decide.testing.CliRun;
import dev.reason2decide.testing.Shared;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsCommandTest {
  @TempDir
  static Path tmp;
  static JsonObject cases;
  static Path hyp;
  static Path ref;

  @BeforeAll
  static void files() throws Exception {
    cases = JsonParser.parseString(Files.readString(Shared.fixture("metrics-public").resolve("metric_cases.json")))
        .getAsJsonObject();
    List<String> h = new ArrayList<>();
    List<String> r = new ArrayList<>();
    for (JsonElement p : cases.getAsJsonArray("pairs")) {
      h.add(p.getAsJsonObject().get("hyp").getAsString());
      r.add(p.getAsJsonObject().get("ref").getAsString());
    }
    hyp = tmp.resolve("hyp.txt");
    ref = tmp.resolve("ref.txt");
    // one of the hypotheses is empty: the file has an empty line for it
    Files.writeString(hyp, String.join("\n", h) + "\n");
    Files.writeString(ref, String.join("\n", r) + "\n");
  }

  private static JsonObject json(String... args) {
    CliRun run = CliRun.of(args);
    assertEquals(0, run.code(), run.err());
    return JsonParser.parseString(run.out().strip()).getAsJsonObject();
  }

  @Test
  void sacreBleuCorpusSentencesAndSignature() {
    JsonObject o = json("metrics", "bleu", "--flavor", "sacrebleu", "--hyp", hyp.toString(), "--ref", ref.toString());
    JsonObject cb = cases.getAsJsonObject("corpus_bleu");
    assertEquals(6, o.get("n").getAsInt());
    assertEquals(cb.get("score").getAsDouble(), o.get("score").getAsDouble(), 1e-6);
    assertEquals(cb.get("signature").getAsString(), o.get("signature").getAsString());
    JsonArray per = o.getAsJsonArray("per_line");
    for (int i = 0; i < per.size(); i++) {
      assertEquals(cases.getAsJsonArray("sentence_bleu").get(i).getAsDouble(), per.get(i).getAsDouble(), 1e-6);
    }
  }

  @Test
  void nltkChrfAndRouge() throws Exception {
    JsonObject nltk = json("metrics", "bleu", "--flavor", "nltk", "--hyp", hyp.toString(), "--ref", ref.toString());
    JsonObject nltkCases = JsonParser.parseString(Files.readString(Shared.fixture("metrics-public")
        .resolve("nltk_bleu_cases.json"))).getAsJsonObject();
    // the first six NLTK cases are the same pairs
    for (int i = 0; i < 6; i++) {
      assertEquals(nltkCases.getAsJsonArray("cases").get(i).getAsJsonObject().get("bleu").getAsDouble(),
          nltk.getAsJsonArray("per_line").get(i).getAsDouble(), 1e-9);
    }
    assertTrue(nltk.getAsJsonObject("settings").get("smoothing").getAsString().contains("method4"));
    JsonObject chrf = json("metrics", "chrf", "--hyp", hyp.toString(), "--ref", ref.toString());
    assertEquals(cases.get("corpus_chrf").getAsDouble(), chrf.get("score").getAsDouble(), 1e-6);
    JsonObject rouge = json("metrics", "rouge", "--hyp", hyp.toString(), "--ref", ref.toString());
    JsonObject first = cases.getAsJsonArray("rouge_per_pair").get(1).getAsJsonObject();
    assertEquals(first.get("rougeL_fmeasure").getAsDouble(),
        rouge.getAsJsonArray("per_line").get(1).getAsJsonObject().getAsJsonObject("rougeL").get("f").getAsDouble(), 1e-6);
  }

  @Test
  void bertscoreOnTheTinyRoberta() throws Exception {
    Path dir = Shared.fixture("roberta-tiny-bertscore");
    JsonObject fx = JsonParser.parseString(Files.readString(dir.resolve("bertscore_cases.json"))).getAsJsonObject();
    List<String> h = new ArrayList<>();
    List<String> r = new ArrayList<>();
    for (JsonElement c : fx.getAsJsonArray("cases")) {
      h.add(c.getAsJsonObject().get("hyp").getAsString());
      r.add(c.getAsJsonObject().get("ref").getAsString());
    }
    Path bh = tmp.resolve("bh.txt");
    Path br = tmp.resolve("br.txt");
    Files.writeString(bh, String.join("\n", h) + "\n");
    Files.writeString(br, String.join("\n", r) + "\n");
    JsonObject o = json("metrics", "bertscore", "--model", dir.toString(), "--layer", "2", "--idf",
        "--hyp", bh.toString(), "--ref", br.toString());
    for (int i = 0; i < h.size(); i++) {
      assertEquals(fx.getAsJsonArray("cases").get(i).getAsJsonObject().get("F_idf").getAsDouble(),
          o.getAsJsonArray("per_line").get(i).getAsJsonObject().get("F").getAsDouble(), 1e-4);
    }
    assertTrue(o.get("hash").getAsString().contains("_L2_idf_"));
    assertEquals(0, o.get("truncated_hypotheses").getAsInt());
  }

  @Test
  void mismatchedFilesAreAnErrorNamingThem() throws Exception {
    Path shortRef = tmp.resolve("short.txt");
    Files.writeString(shortRef, "only one\n");
    CliRun run = CliRun.of("metrics", "chrf", "--hyp", hyp.toString(), "--ref", shortRef.toString());
    assertEquals(1, run.code());
    assertTrue(run.err().contains("short.txt") && run.err().contains("6 lines"), run.err());
    CliRun bad = CliRun.of("metrics", "bleu", "--flavor", "moses", "--hyp", hyp.toString(), "--ref", ref.toString());
    assertEquals(1, bad.code());
    assertTrue(bad.err().contains("--flavor"), bad.err());
  }
}
