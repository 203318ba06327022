// Golden tests: NLTK BLEU, sacreBLEU BLEU/chrF and ROUGE against the numbers of the Python reference libraries.
package dev.reason2decide.eval.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.reason2decide.testing.Shared;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextMetricsGoldenTest {
  private static JsonObject load(String file) throws Exception {
    return JsonParser.parseString(Files.readString(Shared.fixture("metrics-public").resolve(file))).getAsJsonObject();
  }

  private static List<String> strings(JsonElement a) {
    return a.getAsJsonArray().asList().stream().map(JsonElement::getAsString).toList();
  }

  @Test
  void nltkTokensAndBleuEqualNltk38() throws Exception {
    JsonObject f = load("nltk_bleu_cases.json");
    NltkWordTokenizer tok = new NltkWordTokenizer();
    List<String> hyps = new ArrayList<>();
    List<String> refs = new ArrayList<>();
    for (JsonElement c : f.getAsJsonArray("cases")) {
      JsonObject o = c.getAsJsonObject();
      String hyp = o.get("hyp").getAsString();
      String ref = o.get("ref").getAsString();
      assertEquals(strings(o.get("hyp_tokens")), tok.paperTokens(hyp), hyp);
      assertEquals(strings(o.get("ref_tokens")), tok.paperTokens(ref), ref);
      assertEquals(o.get("bleu").getAsDouble(),
          NltkBleu.sentenceBleu(tok.paperTokens(ref), tok.paperTokens(hyp)), 1e-9, hyp);
      hyps.add(hyp);
      refs.add(ref);
    }
    NltkBleu.Result r = new NltkBleu().score(hyps, refs);
    assertEquals(f.get("mean_bleu").getAsDouble(), r.score(), 1e-9);
    assertEquals(hyps.size(), r.perLine().size());
  }

  @Test
  void unseenTrickyTextsEqualNltk38() throws Exception {
    // 140 pairs (quotes, contractions, unicode, odd spacing, random punctuation) scored by NLTK 3.8 itself.
    JsonObject f;
    try (var in = getClass().getResourceAsStream("/eval/nltk_bleu_extra.json")) {
      f = JsonParser.parseString(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
          .getAsJsonObject();
    }
    NltkWordTokenizer tok = new NltkWordTokenizer();
    int n = 0;
    for (JsonElement c : f.getAsJsonArray("cases")) {
      JsonObject o = c.getAsJsonObject();
      String hyp = o.get("hyp").getAsString();
      String ref = o.get("ref").getAsString();
      assertEquals(strings(o.get("hyp_tokens")), tok.paperTokens(hyp), hyp);
      assertEquals(strings(o.get("ref_tokens")), tok.paperTokens(ref), ref);
      assertEquals(o.get("bleu").getAsDouble(), new NltkBleu().score(List.of(hyp), List.of(ref)).score(), 1e-9, hyp);
      n++;
    }
    assertEquals(140, n);
  }

  @Test
  void sacreBleuChrfAndRougeEqualReference() throws Exception {
    JsonObject f = load("metric_cases.json");
    List<String> hyps = new ArrayList<>();
    List<String> refs = new ArrayList<>();
    for (JsonElement p : f.getAsJsonArray("pairs")) {
      hyps.add(p.getAsJsonObject().get("hyp").getAsString());
      refs.add(p.getAsJsonObject().get("ref").getAsString());
    }
    SacreBleu.Result bleu = new SacreBleu().score(hyps, refs);
    JsonObject cb = f.getAsJsonObject("corpus_bleu");
    assertEquals(cb.get("score").getAsDouble(), bleu.corpus().score(), 1e-6);
    assertEquals(cb.get("signature").getAsString(), bleu.signature());
    assertEquals(cb.get("bp").getAsDouble(), bleu.corpus().bp(), 1e-9);
    assertEquals(cb.get("sys_len").getAsInt(), bleu.corpus().sysLen());
    assertEquals(cb.get("ref_len").getAsInt(), bleu.corpus().refLen());
    assertArrayEquals(ints(cb.getAsJsonArray("counts")), bleu.corpus().counts());
    assertArrayEquals(ints(cb.getAsJsonArray("totals")), bleu.corpus().totals());
    for (int i = 0; i < 4; i++) {
      assertEquals(cb.getAsJsonArray("precisions").get(i).getAsDouble(), bleu.corpus().precisions()[i], 1e-9);
    }
    JsonArray sent = f.getAsJsonArray("sentence_bleu");
    for (int i = 0; i < hyps.size(); i++) {
      assertEquals(sent.get(i).getAsDouble(), bleu.perLine().get(i), 1e-6, hyps.get(i));
    }

    assertEquals(f.get("corpus_chrf").getAsDouble(), new ChrF().score(hyps, refs).score(), 1e-6);

    Rouge.Result rouge = new Rouge().score(hyps, refs);
    JsonArray rp = f.getAsJsonArray("rouge_per_pair");
    for (int i = 0; i < hyps.size(); i++) {
      JsonObject e = rp.get(i).getAsJsonObject();
      Rouge.Scores s = rouge.perLine().get(i);
      check(e, "rouge1", s.rouge1(), hyps.get(i));
      check(e, "rouge2", s.rouge2(), hyps.get(i));
      check(e, "rougeL", s.rougeL(), hyps.get(i));
    }
  }

  @Test
  void unseenTextsEqualSacreBleuSourceAndRougeScore() throws Exception {
    JsonObject f;
    try (var in = getClass().getResourceAsStream("/eval/text_metrics_extra.json")) {
      f = JsonParser.parseString(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
          .getAsJsonObject();
    }
    List<String> hyps = new ArrayList<>();
    List<String> refs = new ArrayList<>();
    SacreBleu bleu = new SacreBleu();
    ChrF chrf = new ChrF();
    Rouge rouge = new Rouge();
    for (JsonElement c : f.getAsJsonArray("cases")) {
      JsonObject o = c.getAsJsonObject();
      String hyp = o.get("hyp").getAsString();
      String ref = o.get("ref").getAsString();
      hyps.add(hyp);
      refs.add(ref);
      assertEquals(o.get("sentence_bleu").getAsDouble(), bleu.sentence(hyp, ref).score(), 1e-6, hyp);
      assertEquals(o.get("sentence_chrf").getAsDouble(), chrf.sentence(hyp, ref), 1e-6, hyp);
      Rouge.Scores s = rouge.pair(hyp, ref);
      JsonObject r = o.getAsJsonObject("rouge");
      checkTriple(r.getAsJsonArray("rouge1"), s.rouge1(), hyp);
      checkTriple(r.getAsJsonArray("rouge2"), s.rouge2(), hyp);
      checkTriple(r.getAsJsonArray("rougeL"), s.rougeL(), hyp);
    }
    SacreBleu.Result corpus = bleu.score(hyps, refs);
    assertEquals(f.get("corpus_bleu").getAsDouble(), corpus.corpus().score(), 1e-6);
    assertEquals(f.get("corpus_bleu_signature").getAsString(), corpus.signature());
    assertEquals(f.get("corpus_chrf").getAsDouble(), chrf.score(hyps, refs).score(), 1e-6);
  }

  private static void checkTriple(JsonArray e, Rouge.Prf got, String what) {
    assertEquals(e.get(0).getAsDouble(), got.precision(), 1e-9, what);
    assertEquals(e.get(1).getAsDouble(), got.recall(), 1e-9, what);
    assertEquals(e.get(2).getAsDouble(), got.f(), 1e-9, what);
  }

  private static void check(JsonObject e, String key, Rouge.Prf got, String what) {
    assertEquals(e.get(key + "_precision").getAsDouble(), got.precision(), 1e-6, key + " P " + what);
    assertEquals(e.get(key + "_recall").getAsDouble(), got.recall(), 1e-6, key + " R " + what);
    assertEquals(e.get(key + "_fmeasure").getAsDouble(), got.f(), 1e-6, key + " F " + what);
  }

  private static int[] ints(JsonArray a) {
    return a.asList().stream().mapToInt(JsonElement::getAsInt).toArray();
  }
}
