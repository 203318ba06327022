// bert_score's leading space for RoBERTa: a tokenizer.json with add_prefix_space off gives the fixture's ids and scores.
package dev.reason2decide.eval.bertscore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.reason2decide.testing.Shared;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BertScoreLeadingSpaceTest {
  private static final double TOL = 1e-4;
  @TempDir
  static Path tmp;
  private static Path flagOff;
  private static JsonObject fixture;
  private static BertScorer on;
  private static BertScorer off;

  /** A copy of the fixture whose tokenizer files say add_prefix_space = false everywhere (as the hub's roberta-large). */
  @BeforeAll
  static void copyWithFlagOff() throws Exception {
    Path src = Shared.fixture("roberta-tiny-bertscore");
    flagOff = Files.createDirectories(tmp.resolve("roberta-tiny-flag-off"));
    for (String f : List.of("config.json", "model.safetensors", "vocab.json", "merges.txt")) {
      Files.copy(src.resolve(f), flagOff.resolve(f));
    }
    JsonObject tok = JsonParser.parseString(Files.readString(src.resolve("tokenizer.json"))).getAsJsonObject();
    for (String part : List.of("pre_tokenizer", "post_processor", "decoder")) {
      JsonObject o = tok.getAsJsonObject(part);
      assertTrue(o.get("add_prefix_space").getAsBoolean(), "the fixture has the flag on in " + part);
      o.addProperty("add_prefix_space", false);
    }
    Files.writeString(flagOff.resolve("tokenizer.json"), tok.toString());
    JsonObject cfg = JsonParser.parseString(Files.readString(src.resolve("tokenizer_config.json"))).getAsJsonObject();
    cfg.addProperty("add_prefix_space", false);
    Files.writeString(flagOff.resolve("tokenizer_config.json"), cfg.toString());

    fixture = JsonParser.parseString(Files.readString(src.resolve("bertscore_cases.json"))).getAsJsonObject();
    on = BertScorer.load(src, fixture.get("layer").getAsInt());
    off = BertScorer.load(flagOff, fixture.get("layer").getAsInt());
  }

  @AfterAll
  static void close() {
    on.close();
    off.close();
  }

  private static long[] longs(JsonElement a) {
    return a.getAsJsonArray().asList().stream().mapToLong(JsonElement::getAsLong).toArray();
  }

  private static List<JsonObject> cases() {
    return fixture.getAsJsonArray("cases").asList().stream().map(JsonElement::getAsJsonObject).toList();
  }

  @Test
  void theEditedFileUsedAsItIsWouldGiveOtherIds() throws Exception {
    // proves the copy really differs: its own encoding of the first word is not bert_score's
    JsonObject first = cases().get(0);
    try (HuggingFaceTokenizer raw = HuggingFaceTokenizer.newInstance(flagOff.resolve("tokenizer.json"),
        Map.of("addSpecialTokens", "true"))) {
      long[] ids = raw.encode(first.get("hyp").getAsString(), true, false).getIds();
      assertFalse(Arrays.equals(longs(first.get("hyp_ids")), ids), Arrays.toString(ids));
    }
  }

  @Test
  void flagOffGivesTheFixturesIds() {
    for (JsonObject c : cases()) {
      assertArrayEquals(longs(c.get("hyp_ids")), off.encode(c.get("hyp").getAsString()).ids(), c.get("hyp").getAsString());
      assertArrayEquals(longs(c.get("ref_ids")), off.encode(c.get("ref").getAsString()).ids(), c.get("ref").getAsString());
    }
    // stripped first, as bert_score does: surrounding whitespace changes nothing; empty is <s> </s>
    JsonObject first = cases().get(0);
    assertArrayEquals(longs(first.get("hyp_ids")), off.encode("\n\t " + first.get("hyp").getAsString() + "  ").ids());
    assertArrayEquals(new long[] {0, 2}, off.encode("").ids());
    assertArrayEquals(new long[] {0, 2}, off.encode(" \n ").ids());
  }

  @Test
  void flagOffGivesTheFixturesScores() {
    int layer = fixture.get("layer").getAsInt();
    List<String> hyps = new ArrayList<>();
    List<String> refs = new ArrayList<>();
    for (JsonObject c : cases()) {
      hyps.add(c.get("hyp").getAsString());
      refs.add(c.get("ref").getAsString());
    }
    BertScoreResult plain = off.score(hyps, refs, BertScoreOptions.of(layer));
    BertScoreResult idf = off.score(hyps, refs, BertScoreOptions.of(layer).withIdf(true));
    for (int i = 0; i < hyps.size(); i++) {
      JsonObject c = cases().get(i);
      assertEquals(c.get("P").getAsDouble(), plain.perLine().get(i).p(), TOL, "P " + hyps.get(i));
      assertEquals(c.get("R").getAsDouble(), plain.perLine().get(i).r(), TOL, "R " + hyps.get(i));
      assertEquals(c.get("F").getAsDouble(), plain.perLine().get(i).f(), TOL, "F " + hyps.get(i));
      assertEquals(c.get("F_idf").getAsDouble(), idf.perLine().get(i).f(), TOL, "F_idf " + hyps.get(i));
    }
  }

  @Test
  void bothFilesAgreeOnTextsWithSpecialTokensInside() {
    // the file's own flag would put a space after <mask> as well; bert_score's slow tokenizer only before the text
    for (String text : List.of("before <mask> after", "yes</s>no", "<s> x", "café — naïve 10 mg")) {
      assertArrayEquals(on.encode(text).ids(), off.encode(text).ids(), text);
    }
  }

  @Test
  void onlyByteLevelPreTokenizersTakeTheLeadingSpace() {
    assertTrue(BertScoreTokenizer.byteLevelOff(JsonParser.parseString(
        "{\"type\":\"ByteLevel\",\"add_prefix_space\":true}")));
    JsonObject seq = JsonParser.parseString("{\"type\":\"Sequence\",\"pretokenizers\":[{\"type\":\"Split\"},"
        + "{\"type\":\"ByteLevel\",\"add_prefix_space\":true}]}").getAsJsonObject();
    assertTrue(BertScoreTokenizer.byteLevelOff(seq));
    assertFalse(seq.getAsJsonArray("pretokenizers").get(1).getAsJsonObject().get("add_prefix_space").getAsBoolean());
    assertFalse(BertScoreTokenizer.byteLevelOff(JsonParser.parseString("{\"type\":\"BertPreTokenizer\"}")));
    assertFalse(BertScoreTokenizer.byteLevelOff(JsonParser.parseString(
        "{\"type\":\"Metaspace\",\"replacement\":\"\u2581\",\"add_prefix_space\":true}")));
    assertFalse(BertScoreTokenizer.byteLevelOff(JsonParser.parseString("null")));
    assertFalse(BertScoreTokenizer.byteLevelOff(null));
  }
}
