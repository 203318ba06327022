// trust.json + trust.bin round-trip exactly, and damaged files are errors that name the file.
package dev.reason2decide.trust;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrustFileTest {
  @TempDir
  Path tmp;

  static RelativeMahalanobis stats(int d, int seed) {
    java.util.Random r = new java.util.Random(seed);
    List<float[]> xs = new java.util.ArrayList<>();
    List<String> ys = new java.util.ArrayList<>();
    for (int i = 0; i < 40; i++) {
      float[] x = new float[d];
      for (int j = 0; j < d; j++) {
        x[j] = (float) r.nextGaussian() + (i % 3);
      }
      xs.add(x);
      ys.add("L" + i % 3);
    }
    return RelativeMahalanobis.fit(xs, ys, 0.1);
  }

  @Test
  void statisticsAndRuleRoundTrip() {
    RelativeMahalanobis in = stats(5, 1);
    RelativeMahalanobis out = stats(4, 2);
    Map<TrustFeature, double[]> refs = new LinkedHashMap<>();
    refs.put(TrustFeature.INPUT_RMD, new double[] {-1.5, 0.25, 3});
    refs.put(TrustFeature.LABEL_SURPRISE, new double[] {0, 1e-4});
    TrustRule rule = new TrustRule(refs, 0.0125, 0.98);
    new TrustFile(in, out, rule, List.of("92", "3"), Map.of("train_notes", 40)).write(tmp);
    assertTrue(TrustFile.exists(tmp));
    assertEquals((3 * 5 + 25 + 5 + 25 + 3 * 4 + 16 + 4 + 16) * 4L, tmp.resolve(TrustFile.BINARY).toFile().length());
    TrustFile back = TrustFile.read(tmp);
    for (RelativeMahalanobis[] p : new RelativeMahalanobis[][] {{in, back.input()}, {out, back.output()}}) {
      assertEquals(p[0].classes(), p[1].classes());
      for (int k = 0; k < p[0].classMeans().length; k++) {
        assertArrayEquals(p[0].classMeans()[k], p[1].classMeans()[k]);
      }
      for (int i = 0; i < p[0].dim(); i++) {
        assertArrayEquals(p[0].shared()[i], p[1].shared()[i]);
        assertArrayEquals(p[0].background().precision()[i], p[1].background().precision()[i]);
      }
      assertArrayEquals(p[0].background().mean(), p[1].background().mean());
    }
    assertEquals(0.0125, back.rule().threshold());
    assertEquals(0.98, back.rule().targetCoverage());
    assertEquals(refs.keySet(), back.rule().references().keySet());
    assertArrayEquals(refs.get(TrustFeature.INPUT_RMD), back.rule().references().get(TrustFeature.INPUT_RMD));
    assertEquals(40.0, ((Number) back.fitted().get("train_notes")).doubleValue());
    assertEquals(List.of("92", "3"), back.knownNumbers());
  }

  @Test
  void trainingValuesByLabelRoundTripAndAFileWithoutThemIsPooled() throws Exception {
    Map<TrustFeature, double[]> refs = Map.of(TrustFeature.INPUT_MD, new double[] {50, 60, 70});
    Map<TrustFeature, Map<String, double[]>> byLabel = Map.of(TrustFeature.INPUT_MD,
        Map.of("ESI-1", new double[] {70, 80, 90}, "ESI-5", new double[] {40, 45}));
    new TrustFile(stats(3, 3), null, new TrustRule(refs, byLabel, 0.25, 0.98), List.of(), Map.of()).write(tmp);
    TrustRule back = TrustFile.read(tmp).rule();
    assertEquals(Set.of("ESI-1", "ESI-5"), back.byLabel().get(TrustFeature.INPUT_MD).keySet());
    assertArrayEquals(new double[] {70, 80, 90}, back.byLabel().get(TrustFeature.INPUT_MD).get("ESI-1"));
    assertArrayEquals(new double[] {40, 45}, back.byLabel().get(TrustFeature.INPUT_MD).get("ESI-5"));

    // a trust.json written before the field existed: the rule reads every feature against the validation values
    Path json = tmp.resolve(TrustFile.JSON);
    com.google.gson.JsonObject j = com.google.gson.JsonParser.parseString(Files.readString(json)).getAsJsonObject();
    j.getAsJsonObject("rule").remove("references_by_label");
    Files.writeString(json, j.toString());
    TrustRule old = TrustFile.read(tmp).rule();
    assertTrue(old.byLabel().isEmpty());
    assertArrayEquals(new double[] {50, 60, 70}, old.references().get(TrustFeature.INPUT_MD));
  }

  @Test
  void withoutOutputStatisticsOnlyTheInputIsStored() {
    new TrustFile(stats(3, 3), null, new TrustRule(Map.of(), 0.5, 0.9), List.of(), Map.of()).write(tmp);
    TrustFile back = TrustFile.read(tmp);
    assertNull(back.output());
    assertEquals(3, back.input().dim());
  }

  @Test
  void tokenStatisticsRoundTripAfterTheOthers() {
    // tokens: mean (D=2) and precision (2,2) after the input block (3 means of 3, 9, 3, 9)
    Gaussian tokens = new Gaussian(new float[] {0.5f, -1f}, new float[][] {{2f, 0.25f}, {0.25f, 3f}});
    new TrustFile(stats(3, 3), null, tokens, new TrustRule(Map.of(), 0.5, 0.9), List.of(), Map.of()).write(tmp);
    assertEquals((3 * 3 + 9 + 3 + 9 + 2 + 4) * 4L, tmp.resolve(TrustFile.BINARY).toFile().length());
    TrustFile back = TrustFile.read(tmp);
    assertArrayEquals(tokens.mean(), back.tokens().mean());
    assertArrayEquals(tokens.precision()[0], back.tokens().precision()[0]);
    assertArrayEquals(tokens.precision()[1], back.tokens().precision()[1]);
    assertEquals(3, back.input().dim());
    // a file written without them (as before token statistics existed) reads with none
    new TrustFile(stats(3, 3), null, new TrustRule(Map.of(), 0.5, 0.9), List.of(), Map.of()).write(tmp);
    assertNull(TrustFile.read(tmp).tokens());
  }

  @Test
  void phraseSupportRoundTripsAndAFileWithoutItReadsWithNone() throws Exception {
    PhraseSupport phrases = new PhraseSupport(List.of(
        new PhraseSupport.Rule("no response to", List.of("unresponsive", "gcs 5"), 167),
        new PhraseSupport.Rule("abdominal pain will", List.of("abdominal"), 179)));
    new TrustFile(stats(3, 3), null, null, new TrustRule(Map.of(), 0.5, 0.9), List.of(), Map.of(), phrases)
        .write(tmp);
    TrustFile back = TrustFile.read(tmp);
    assertEquals(phrases.rules(), back.phraseSupport().rules());
    // as a file written before the check existed: the field removed by hand
    Path json = tmp.resolve(TrustFile.JSON);
    com.google.gson.JsonObject j = com.google.gson.JsonParser.parseString(Files.readString(json)).getAsJsonObject();
    j.remove("phrase_support");
    Files.writeString(json, j.toString());
    assertTrue(TrustFile.read(tmp).phraseSupport().isEmpty());
  }

  @Test
  void aTruncatedBinaryIsAnErrorNamingTheFile() throws Exception {
    new TrustFile(stats(3, 3), null, new TrustRule(Map.of(), 0.5, 0.9), List.of(), Map.of()).write(tmp);
    byte[] b = Files.readAllBytes(tmp.resolve(TrustFile.BINARY));
    Files.write(tmp.resolve(TrustFile.BINARY), java.util.Arrays.copyOf(b, b.length - 4));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TrustFile.read(tmp));
    assertTrue(e.getMessage().contains(TrustFile.JSON) && e.getMessage().contains("bytes"), e.getMessage());
  }

  @Test
  void aFolderWithoutTheFileHasNone() {
    assertFalse(TrustFile.exists(tmp));
  }
}
