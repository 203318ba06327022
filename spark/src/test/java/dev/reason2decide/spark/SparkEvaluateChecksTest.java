// r2d spark evaluate's faithfulness checks per group use the group's own label set, as r2d evaluate on that group does.
package dev.reason2decide.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SparkEvaluateChecksTest {
  @TempDir
  Path tmp;

  private static final String A1 = "{\"id\":\"a1\",\"department\":\"A\",\"input\":\"patient has fever 38\",\"label\":"
      + "\"urgent care\",\"rationale\":\"fever 38\",\"predicted_label\":\"urgent care\",\"predicted_rationale\":"
      + "\"fever 38 needs urgent care\"}";
  private static final String A2 = "{\"id\":\"a2\",\"department\":\"A\",\"input\":\"cough\",\"label\":\"home\","
      + "\"rationale\":\"mild cough\",\"predicted_label\":\"home\",\"predicted_rationale\":\"cough at home 3 days\"}";
  private static final String B1 = "{\"id\":\"b1\",\"department\":\"B\",\"input\":\"rash\",\"label\":\"home\","
      + "\"rationale\":\"rash\",\"predicted_label\":\"home\",\"predicted_rationale\":\"rash is urgent\"}";

  /**
   * By hand (content words are not NLTK stop words; a word is known when the input or a label has it): a1 has
   * fever, needs, urgent, care (novel: needs; 38 is in the input); a2 has cough, home, days (novel: days; 3 is
   * unsupported); b1 has rash, urgent. In the whole file "urgent" is a label word; department B alone has only the
   * label "home", so there b1's "urgent" is novel: 2 novel words overall, 1 in B, 2 in A.
   */
  @Test
  void eachGroupIsCheckedWithItsOwnLabelsAsR2dEvaluateChecksItAlone() throws IOException {
    Path preds = tmp.resolve("preds.jsonl");
    Files.write(preds, List.of(A1, A2, B1));
    Path sparkEval = tmp.resolve("spark-eval");
    Cli.spark("evaluate", "--predictions", preds.toString(), "--group-by", "department", "--master", "local[1]",
        "--out", sparkEval.toString()).ok();
    JsonObject whole = checks(Files.readString(sparkEval.resolve("report.json")));
    List<String> groups = Files.readAllLines(sparkEval.resolve("groups.jsonl"));
    JsonObject a = checks(groups.get(0));
    JsonObject b = checks(groups.get(1));

    assertEquals(List.of(3, 9, 2, 2, 1, 1), text(whole));
    assertEquals(List.of(2, 7, 2, 2, 1, 1), text(a));
    assertEquals(List.of(1, 2, 1, 0, 0, 0), text(b));
    // gold rationales: "fever 38", "mild cough" (mild is novel), "rash"
    assertEquals(4, whole.getAsJsonObject("gold_rationales").get("content_words").getAsInt());
    assertEquals(1, whole.getAsJsonObject("gold_rationales").get("novel_content_words").getAsInt());

    // and r2d evaluate gives the same sections for the whole file and for each department's lines alone
    assertEquals(checks(coreReport(preds)), whole);
    Path onlyA = tmp.resolve("a.jsonl");
    Files.write(onlyA, List.of(A1, A2));
    assertEquals(checks(coreReport(onlyA)), a);
    Path onlyB = tmp.resolve("b.jsonl");
    Files.write(onlyB, List.of(B1));
    assertEquals(checks(coreReport(onlyB)), b);
  }

  @Test
  void aMissingSimulatorTrainingFileIsOneLine() throws IOException {
    Path preds = tmp.resolve("preds.jsonl");
    Files.write(preds, List.of(A1));
    Path missing = tmp.resolve("no-train.jsonl");
    Cli run = Cli.spark("evaluate", "--predictions", preds.toString(), "--simulator-train", missing.toString(),
        "--out", tmp.resolve("eval").toString());
    assertEquals(1, run.code());
    assertEquals("r2d spark evaluate: --simulator-train " + missing + ": no such file", run.err().strip());
  }

  /** rationales, content words, novel words, numbers, unsupported numbers, rationales with one. */
  private static List<Integer> text(JsonObject checks) {
    JsonObject p = checks.getAsJsonObject("predicted_rationales");
    return List.of(p.get("rationales").getAsInt(), p.get("content_words").getAsInt(),
        p.get("novel_content_words").getAsInt(), p.get("numbers").getAsInt(), p.get("unsupported_numbers").getAsInt(),
        (int) Math.round(p.get("rationales_with_unsupported_numbers").getAsDouble() * p.get("rationales").getAsInt()));
  }

  private String coreReport(Path preds) throws IOException {
    Path out = tmp.resolve(preds.getFileName() + ".eval");
    Cli.core("evaluate", "--predictions", preds.toString(), "--out", out.toString()).ok();
    return Files.readString(out.resolve("report.json"));
  }

  private static JsonObject checks(String json) {
    return JsonParser.parseString(json).getAsJsonObject().getAsJsonObject("faithfulness_checks");
  }
}
