// Golden test: BERTScore on the tiny RoBERTa fixture equals bert_score (plain, idf, rescaled), ids included.
package dev.reason2decide.eval.bertscore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.reason2decide.testing.Shared;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BertScoreGoldenTest {
  private static final double TOL = 1e-4;
  private static BertScorer scorer;
  private static JsonObject fixture;
  private static final List<String> HYPS = new ArrayList<>();
  private static final List<String> REFS = new ArrayList<>();

  @BeforeAll
  static void load() throws Exception {
    Path dir = Shared.fixture("roberta-tiny-bertscore");
    fixture = JsonParser.parseString(Files.readString(dir.resolve("bertscore_cases.json"))).getAsJsonObject();
    scorer = BertScorer.load(dir, fixture.get("layer").getAsInt());
    for (JsonElement c : fixture.getAsJsonArray("cases")) {
      HYPS.add(c.getAsJsonObject().get("hyp").getAsString());
      REFS.add(c.getAsJsonObject().get("ref").getAsString());
    }
  }

  @AfterAll
  static void close() {
    scorer.close();
  }

  private static long[] longs(JsonElement a) {
    return a.getAsJsonArray().asList().stream().mapToLong(JsonElement::getAsLong).toArray();
  }

  @Test
  void tokenIdsEqualBertScoreEncoding() {
    for (JsonElement c : fixture.getAsJsonArray("cases")) {
      JsonObject o = c.getAsJsonObject();
      assertArrayEquals(longs(o.get("hyp_ids")), scorer.encode(o.get("hyp").getAsString()).ids());
      assertArrayEquals(longs(o.get("ref_ids")), scorer.encode(o.get("ref").getAsString()).ids());
    }
  }

  @Test
  void plainIdfAndRescaledEqualBertScore() {
    int layer = fixture.get("layer").getAsInt();
    BertScoreResult plain = scorer.score(HYPS, REFS, BertScoreOptions.of(layer));
    BertScoreResult idf = scorer.score(HYPS, REFS, BertScoreOptions.of(layer).withIdf(true));
    BertScoreResult rescaled = scorer.score(HYPS, REFS, BertScoreOptions.of(layer).withBaseline(Baseline.constant(0.8)));
    double meanF = 0;
    for (int i = 0; i < HYPS.size(); i++) {
      JsonObject o = fixture.getAsJsonArray("cases").get(i).getAsJsonObject();
      String what = HYPS.get(i);
      assertEquals(o.get("P").getAsDouble(), plain.perLine().get(i).p(), TOL, "P " + what);
      assertEquals(o.get("R").getAsDouble(), plain.perLine().get(i).r(), TOL, "R " + what);
      assertEquals(o.get("F").getAsDouble(), plain.perLine().get(i).f(), TOL, "F " + what);
      assertEquals(o.get("P_idf").getAsDouble(), idf.perLine().get(i).p(), TOL, "P_idf " + what);
      assertEquals(o.get("R_idf").getAsDouble(), idf.perLine().get(i).r(), TOL, "R_idf " + what);
      assertEquals(o.get("F_idf").getAsDouble(), idf.perLine().get(i).f(), TOL, "F_idf " + what);
      assertEquals(o.get("F_rescaled_b0.8").getAsDouble(), rescaled.perLine().get(i).f(), TOL, "F_resc " + what);
      meanF += o.get("F").getAsDouble() / HYPS.size();
    }
    assertEquals(meanF, plain.f(), TOL);
    assertEquals(0, plain.truncatedHypotheses());
    assertTrue(plain.hash().startsWith("roberta-tiny-bertscore_L2_no-idf_version="), plain.hash());
    assertTrue(idf.hash().contains("_L2_idf_"), idf.hash());
    assertTrue(rescaled.hash().contains("-custom-rescaled"), rescaled.hash());
  }

  @Test
  void emptyIdenticalAndOverlongTexts() {
    int layer = fixture.get("layer").getAsInt();
    BertScoreResult r = scorer.score(List.of("", "same words here"), List.of("a reference", "same words here"),
        BertScoreOptions.of(layer));
    assertEquals(0.0, r.perLine().get(0).f());
    assertEquals(0.0, r.perLine().get(0).p());
    assertEquals(1.0, r.perLine().get(1).f(), 1e-5);
    String longText = "word ".repeat(400);
    BertScorer.Encoded e = scorer.encode(longText);
    assertTrue(e.truncated());
    assertEquals(scorer.maxTokens(), e.ids().length);
    assertEquals(2, e.ids()[e.ids().length - 1]);
    assertFalse(scorer.encode("short").truncated());
    BertScoreResult t = scorer.score(List.of(longText), List.of("word"), BertScoreOptions.of(layer));
    assertEquals(1, t.truncatedHypotheses());
    assertEquals(0, t.truncatedReferences());
    assertThrows(IllegalArgumentException.class, () -> scorer.score(List.of("a"), List.of("b"), BertScoreOptions.of(1)));
  }
}
