// The converters on the real raw files in ../shared/data: counts per split and label as SOURCE.md states them.
package dev.reason2decide.data.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.reason2decide.data.Example;
import dev.reason2decide.data.ExampleReader;
import dev.reason2decide.data.ReadOptions;
import dev.reason2decide.testing.Shared;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConvertersTest {
  @TempDir
  Path dir;

  private static Map<String, Integer> counts(List<Example> examples, List<String> labels) {
    Map<String, Integer> m = new LinkedHashMap<>();
    labels.forEach(l -> m.put(l, 0));
    examples.forEach(e -> m.merge(e.label(), 1, Integer::sum));
    return m;
  }

  @Test
  void pubmedQa() throws Exception {
    Path raw = Shared.data("pubmedqa_pqal").resolve("raw");
    Map<String, List<Example>> s = PubMedQa.write(new PubMedQa.Options(raw), dir);
    List<String> l = PubMedQa.LABELS.labels();
    assertEquals(Map.of("yes", 276, "no", 169, "maybe", 55), counts(s.get("test"), l));
    // stratified 50 of the non-test 500 (276/169/55): 27.6/16.9/5.5 -> 28/17/5 by largest remainder
    assertEquals(Map.of("yes", 28, "no", 17, "maybe", 5), counts(s.get("validation"), l));
    assertEquals(Map.of("yes", 248, "no", 152, "maybe", 50), counts(s.get("train"), l));
    JsonObject truth = JsonParser.parseString(Files.readString(raw.resolve("test_ground_truth.json")))
        .getAsJsonObject();
    assertEquals(truth.keySet(), s.get("test").stream().map(Example::id).collect(java.util.stream.Collectors.toSet()));
    Example first = s.values().stream().flatMap(List::stream).filter(e -> e.id().equals("21645374")).findFirst()
        .orElseThrow();
    assertTrue(first.input().startsWith("Do mitochondria play a role in remodelling lace plant leaves during "
        + "programmed cell death? Programmed cell death (PCD) is the regulated death"), first.input());
    assertEquals("human", first.rationaleSource());
    JsonObject card = JsonParser.parseString(Files.readString(dir.resolve("dataset.json"))).getAsJsonObject();
    assertEquals("8b3276be8942ebbd77f3ddcda12c1749bf0e490045a736fd8438ee40cf37a41d",
        card.getAsJsonArray("raw_files").get(0).getAsJsonObject().get("sha256").getAsString());
    assertEquals(450, card.getAsJsonObject("splits").getAsJsonObject("train").get("total").getAsInt());
    ReadOptions strict = ReadOptions.DEFAULT.withLabels(PubMedQa.LABELS);
    assertEquals(s.get("test"), new ExampleReader(strict).read(dir.resolve("test.jsonl")).examples());
  }

  @Test
  void casiMedicos() {
    Map<String, List<Example>> s = CasiMedicosArg.convert(Shared.data("casimedicos_arg").resolve("raw"));
    List<String> l = CasiMedicosArg.LABELS.labels();
    assertEquals(Map.of("1", 77, "2", 83, "3", 96, "4", 81, "5", 44), counts(s.get("train"), l));
    assertEquals(Map.of("1", 12, "2", 9, "3", 19, "4", 9, "5", 6), counts(s.get("validation"), l));
    assertEquals(Map.of("1", 23, "2", 22, "3", 38, "4", 24, "5", 10), counts(s.get("test"), l));
    Example e = s.get("train").get(0);
    assertTrue(e.input().startsWith("A 27-year-old woman under study in the dermatology department"), e.input());
    assertTrue(e.input().endsWith("5- Abdominal ultrasound."), e.input());
    assertEquals("4", e.label());
    assertTrue(e.rationale().startsWith("In this question, they give an important piece of information"));
    assertTrue(e.rationale().endsWith("is 4 (intestinal biopsy)."), e.rationale());
    // mean explanation length of train, as SOURCE.md reports (90.1 words)
    double words = s.get("train").stream().mapToInt(x -> x.rationale().split("\\s+").length).average().orElse(0);
    assertEquals(90.1, words, 0.5);
  }

  @Test
  void medMcqa() {
    Path raw = Shared.data("medmcqa_dev").resolve("raw");
    MedMcqa.Kept kept = MedMcqa.read(raw.resolve("dev.json"));
    assertEquals(4183, kept.questions());
    List<String> l = MedMcqa.LABELS.labels();
    assertEquals(Map.of("A", 688, "B", 543, "C", 513, "D", 462), counts(kept.examples(), l));
    Map<String, List<Example>> s = MedMcqa.convert(new MedMcqa.Options(raw));
    assertEquals(List.of(1765, 221, 220), s.values().stream().map(List::size).toList());
    Map<String, Integer> all = counts(kept.examples(), l);
    for (var part : s.entrySet()) {
      Map<String, Integer> c = counts(part.getValue(), l);
      for (String label : l) {
        double expected = (double) all.get(label) * part.getValue().size() / 2206;
        assertTrue(Math.abs(c.get(label) - expected) < 1.0, part.getKey() + " " + label + ": " + c);
      }
    }
    Example e = kept.examples().get(0);
    assertEquals("b944ada9-d776-4c2a-9180-3ae5f393f72d", e.id());
    assertEquals("A", e.label());
    assertTrue(e.input().startsWith("Which of the following is not true about glomerular capillaries') A) The "
        + "oncotic pressure"), e.input());
    assertTrue(e.input().contains(" D) Hematocrit of the fluid leaving"), e.input());
  }
}
