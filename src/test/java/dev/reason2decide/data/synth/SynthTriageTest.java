// SynthTriage: deterministic, labels follow the rules, rationales name the deciding findings, borderline cases exist.
package dev.reason2decide.data.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.reason2decide.data.Example;
import dev.reason2decide.data.ExampleReader;
import dev.reason2decide.data.ReadOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SynthTriageTest {
  @TempDir
  Path dir;

  @Test
  void sameSeedSameData() {
    assertEquals(SynthTriage.generate(200, 3), SynthTriage.generate(200, 3));
    assertNotEquals(SynthTriage.generate(200, 3), SynthTriage.generate(200, 4));
    assertEquals(SynthTriage.generate(50, 3), SynthTriage.generate(200, 3).subList(0, 50), "prefix-stable");
  }

  @Test
  void labelsFollowTheRulesAndRationalesNameTheFindings() {
    List<SynthTriage.Generated> all = SynthTriage.generateWithCases(1000, 11);
    Map<String, Integer> perLabel = new TreeMap<>();
    int borderline = 0;
    Set<String> rationaleOpenings = new HashSet<>();
    for (SynthTriage.Generated g : all) {
      Example e = g.example();
      TriageRules.Assessment a = TriageRules.assess(g.triageCase());
      assertEquals(a.label(), e.label(), e.toString());
      assertEquals("synthetic", e.rationaleSource());
      perLabel.merge(e.label(), 1, Integer::sum);
      borderline += g.triageCase().borderline() ? 1 : 0;
      for (TriageRules.Finding f : a.findings()) {
        if (f.value() != 0) {
          assertTrue(e.rationale().contains(String.valueOf(f.value())), "rationale names " + f + ": " + e);
        }
      }
      if (a.level() >= 3) {
        for (String r : a.resources()) {
          assertTrue(e.rationale().contains(r), "rationale names resource " + r + ": " + e);
        }
      }
      if (g.triageCase().recorded(Observation.HEART_RATE) && !g.forms().get("numbers").equals("words")) {
        assertTrue(e.input().matches("(?s).*(?<![0-9.])" + g.triageCase().heartRate() + "(?![0-9]).*"), e.input());
      }
      int noteWords = e.input().split("\\s+").length;
      int rationaleWords = e.rationale().split("\\s+").length;
      assertTrue(noteWords >= 15 && noteWords <= 80, noteWords + " words: " + e.input());
      assertTrue(rationaleWords >= 5 && rationaleWords <= 40, rationaleWords + " words: " + e.rationale());
      rationaleOpenings.add(e.rationale().split("\\s+")[0]);
    }
    assertEquals(Set.of("ESI-1", "ESI-2", "ESI-3", "ESI-4", "ESI-5"), perLabel.keySet());
    perLabel.values().forEach(n -> assertTrue(n >= 80, "every level well represented: " + perLabel));
    assertTrue(borderline > 150 && borderline < 350, "about a quarter borderline: " + borderline);
    assertTrue(rationaleOpenings.size() >= 6, "varied wording: " + rationaleOpenings);
  }

  @Test
  void writesALabelledSyntheticDatasetFolder() throws Exception {
    Map<String, List<Example>> splits = SynthTriage.write(dir, 300, 5, 0.8, 0.1, 0.1);
    assertEquals(List.of(240, 30, 30), splits.values().stream().map(List::size).toList());
    JsonObject card = JsonParser.parseString(Files.readString(dir.resolve("dataset.json"))).getAsJsonObject();
    assertTrue(card.get("synthetic").getAsBoolean());
    assertTrue(card.get("source").getAsString().startsWith("SYNTHETIC"));
    assertEquals(30, card.getAsJsonObject("splits").getAsJsonObject("test").get("total").getAsInt());
    ReadOptions strict = ReadOptions.DEFAULT.withLabels(SynthTriage.labels());
    assertEquals(splits.get("train"), new ExampleReader(strict).read(dir.resolve("train.jsonl")).examples());
  }

  @Test
  void variedTrainingNotesJoinAGrammarOneSetAndLeaveItsHeldOutSplitsAsTheyWere() throws Exception {
    SynthTriage.Plan plan = new SynthTriage.Plan(300, 40, 60, 9, SynthTriage.Mix.RULE_BALANCED,
        new SynthTriage.Notes(1, FormPolicy.ALL));
    Map<String, List<Example>> plain = SynthTriage.write(dir.resolve("plain"), plan);
    Map<String, List<Example>> mixed = SynthTriage.write(dir.resolve("mixed"), plan, 200);
    assertEquals(plain.get("validation"), mixed.get("validation"));
    assertEquals(plain.get("test"), mixed.get("test"));
    List<Example> train = mixed.get("train");
    assertEquals(500, train.size());
    assertTrue(new HashSet<>(train).containsAll(plain.get("train")), "every grammar-1 training note kept");
    Set<String> ids = new HashSet<>();
    Set<String> notes = new HashSet<>();
    mixed.values().forEach(l -> l.forEach(e -> {
      assertTrue(ids.add(e.id()), "ids unique across splits: " + e.id());
      assertTrue(notes.add(e.input()), "no note twice: " + e.input());
    }));
    List<Example> varied = train.stream().filter(e -> !plain.get("train").contains(e)).toList();
    assertEquals(200, varied.size());
    // grammar 2 from seed + 1000, numbered after the 400 notes of the plan's splits
    Set<String> others = new HashSet<>();
    plain.values().forEach(l -> l.forEach(e -> others.add(e.input())));
    assertEquals(new HashSet<>(SynthTriage.generateWithCases(200, 1009, SynthTriage.Mix.RULE_BALANCED, 401, others, 2,
        FormPolicy.ALL).stream().map(SynthTriage.Generated::example).toList()), new HashSet<>(varied));
    assertNotEquals(varied, train.subList(300, 500), "shuffled in, not appended");
    JsonObject card = JsonParser.parseString(Files.readString(dir.resolve("mixed/dataset.json"))).getAsJsonObject();
    JsonObject v = card.getAsJsonObject("options").getAsJsonObject("varied_train");
    assertEquals(200, v.get("notes").getAsInt());
    assertEquals(1009, v.get("seed").getAsLong());
    assertEquals(500, card.getAsJsonObject("splits").getAsJsonObject("train").get("total").getAsInt());
  }
}
