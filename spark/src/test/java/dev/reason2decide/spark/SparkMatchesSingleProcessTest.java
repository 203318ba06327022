// r2d spark predict/evaluate in local mode on 2 cores give r2d predict's records and r2d evaluate's numbers.
package dev.reason2decide.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SparkMatchesSingleProcessTest {
  @TempDir
  Path tmp;

  @Test
  void predictionsAndEvaluationEqualTheSingleProcessOnes() throws IOException {
    TinyTriage t = TinyTriage.get();
    Path single = tmp.resolve("single.jsonl");
    Cli.core("predict", "--model", t.model.toString(), "--input", t.notes.toString(), "--output",
        single.toString(), "--threads", "1", "--quiet").ok();
    Path spark = tmp.resolve("spark");
    Cli.spark("predict", "--model", t.model.toString(), "--input", t.notes.toString(), "--output",
        spark.toString(), "--master", "local[2]").ok();

    assertTrue(Files.exists(spark.resolve("_SUCCESS")), "committed");
    assertTrue(Files.exists(Path.of(spark + ".errors", "_SUCCESS")), "errors output committed");
    assertEquals(List.of(), partLines(Path.of(spark + ".errors")), "no bad rows among the generated notes");
    assertEquals(2000, Files.readAllLines(single).size());
    Set<String> decisions = assertSameRecords(Files.readAllLines(single), partLines(spark));
    assertTrue(decisions.size() >= 2, "the model's outputs vary: " + decisions);

    // evaluation: r2d evaluate on the single-process file, r2d spark evaluate on the Spark folder, both with the
    // simulator trained on the generated training split
    Path singleEval = tmp.resolve("single-eval");
    Cli.core("evaluate", "--predictions", single.toString(), "--gold", t.notes.toString(), "--simulator-train",
        t.train.toString(), "--out", singleEval.toString()).ok();
    Path sparkEval = tmp.resolve("spark-eval");
    Cli.spark("evaluate", "--predictions", spark.toString(), "--gold", t.notes.toString(), "--simulator-train",
        t.train.toString(), "--group-by", "department", "--master", "local[2]", "--out", sparkEval.toString()).ok();
    JsonObject r1 = parse(singleEval.resolve("report.json"));
    JsonObject r2 = parse(sparkEval.resolve("report.json"));
    assertSame("labels", r1.get("labels"), r2.get("labels"));
    assertSame("rationales", r1.get("rationales"), r2.get("rationales"));
    assertSame("faithfulness_checks", r1.get("faithfulness_checks"), r2.get("faithfulness_checks"));
    assertEquals(2000, r2.getAsJsonObject("labels").get("n").getAsInt());
    // every section of the checks was computed (not two nulls compared): the notes are the synthetic set
    JsonObject checks = r1.getAsJsonObject("faithfulness_checks");
    assertEquals(2000, checks.getAsJsonObject("predicted_rationales").get("rationales").getAsInt());
    assertEquals(2000, checks.getAsJsonObject("gold_rationales").get("rationales").getAsInt());
    assertEquals(2000, checks.getAsJsonObject("simulator").get("n").getAsInt());
    assertEquals(2000, checks.getAsJsonObject("synthetic_triage").getAsJsonObject("all").get("n").getAsInt());

    // each department's figures equal r2d evaluate on that department's notes alone
    List<String> groupLines = Files.readAllLines(sparkEval.resolve("groups.jsonl"));
    assertEquals(TinyTriage.DEPARTMENTS.size(), groupLines.size());
    for (int d = 0; d < TinyTriage.DEPARTMENTS.size(); d++) {
      String dept = TinyTriage.DEPARTMENTS.get(d);
      JsonObject g = JsonParser.parseString(groupLines.get(d)).getAsJsonObject();
      assertEquals(dept, g.getAsJsonObject("group").get("department").getAsString());
      List<String> golds = new ArrayList<>();
      List<String> preds = new ArrayList<>();
      List<String> notes = Files.readAllLines(t.notes);
      List<String> singleLines = Files.readAllLines(single);
      for (int i = d; i < notes.size(); i += TinyTriage.DEPARTMENTS.size()) {
        golds.add(notes.get(i));
        preds.add(singleLines.get(i));
      }
      Path dg = tmp.resolve(dept + "-gold.jsonl");
      Path dp = tmp.resolve(dept + "-preds.jsonl");
      Files.write(dg, golds);
      Files.write(dp, preds);
      Path de = tmp.resolve(dept + "-eval");
      Cli.core("evaluate", "--predictions", dp.toString(), "--gold", dg.toString(), "--simulator-train",
          t.train.toString(), "--out", de.toString()).ok();
      JsonObject r = parse(de.resolve("report.json"));
      assertSame(dept + " labels", r.get("labels"), g.get("labels"));
      assertSame(dept + " rationales", r.get("rationales"), g.get("rationales"));
      assertSame(dept + " faithfulness_checks", r.get("faithfulness_checks"), g.get("faithfulness_checks"));
    }
  }

  /**
   * r2d predict's lines and r2d spark predict's hold the same records: same ids in the same
   * order, same fields, every field but the probabilities identical ({@code checks} is JSON text in Spark),
   * probabilities within 1e-6. Returns the decisions made.
   */
  static Set<String> assertSameRecords(List<String> single, List<String> spark) {
    List<JsonObject> a = read(single);
    List<JsonObject> b = read(spark);
    assertEquals(a.size(), b.size(), "records");
    Set<String> decisions = new HashSet<>();
    for (int i = 0; i < a.size(); i++) {
      JsonObject x = a.get(i);
      JsonObject y = b.get(i);
      String where = "record " + (i + 1) + " (" + x.get("id").getAsString() + ")";
      // same fields in the same order, in input order; every field but the probabilities identical
      assertEquals(List.copyOf(x.keySet()), List.copyOf(y.keySet()), where);
      for (String f : x.keySet()) {
        if (f.equals("checks")) { // a JSON-text column in Spark (one type per column): the same object as text
          assertEquals(x.get(f), JsonParser.parseString(y.get(f).getAsString()), where + " " + f);
        } else if (f.equals("trust")) { // JSON text too; its numbers come from batched floats, like probabilities
          assertSameTrust(x.getAsJsonObject(f), JsonParser.parseString(y.get(f).getAsString()).getAsJsonObject(),
              where);
        } else if (!f.equals("probabilities")) {
          assertEquals(x.get(f), y.get(f), where + " " + f);
        }
      }
      JsonObject px = x.getAsJsonObject("probabilities");
      JsonObject py = y.getAsJsonObject("probabilities");
      assertEquals(List.copyOf(px.keySet()), List.copyOf(py.keySet()), where);
      for (Map.Entry<String, JsonElement> e : px.entrySet()) {
        assertEquals(e.getValue().getAsDouble(), py.get(e.getKey()).getAsDouble(), 1e-6, where + " p(" + e.getKey()
            + ")");
      }
      // the raw label text too: a weak model's texts vary while the label they map to may not
      decisions.add(x.get("predicted_label").getAsString()
          + (x.has("label_text") ? " / " + x.get("label_text").getAsString() : ""));
    }
    return decisions;
  }

  /** The same verdict and reasons; score and signals within 1e-4 (relative), as batches of other sizes give. */
  static void assertSameTrust(JsonObject x, JsonObject y, String where) {
    assertEquals(x.get("decide"), y.get("decide"), where + " trust.decide");
    assertEquals(x.get("reasons").getAsJsonArray().size(), y.get("reasons").getAsJsonArray().size(),
        where + " trust.reasons");
    assertEquals(x.get("score").getAsDouble(), y.get("score").getAsDouble(),
        1e-4 * Math.max(1, Math.abs(x.get("score").getAsDouble())), where + " trust.score");
    JsonObject sx = x.getAsJsonObject("signals");
    JsonObject sy = y.getAsJsonObject("signals");
    assertEquals(List.copyOf(sx.keySet()), List.copyOf(sy.keySet()), where + " trust.signals");
    for (String k : sx.keySet()) {
      if (sx.get(k).isJsonNull()) {
        assertTrue(sy.get(k).isJsonNull(), where + " trust.signals." + k);
      } else {
        double v = sx.get(k).getAsDouble();
        assertEquals(v, sy.get(k).getAsDouble(), 1e-4 * Math.max(1, Math.abs(v)), where + " trust.signals." + k);
      }
    }
  }

  /** r2d predict's lines with the {@code checks} object written as JSON text, as Spark's JSON-text column has it. */
  static List<String> withChecksAsText(List<String> lines) {
    List<String> out = new ArrayList<>();
    for (String l : lines) {
      JsonObject o = JsonParser.parseString(l).getAsJsonObject();
      for (String f : List.of("checks", "trust")) {
        if (o.has(f)) {
          o.addProperty(f, o.get(f).toString());
        }
      }
      out.add(o.toString());
    }
    return out;
  }

  /** Same structure; numbers within 1e-9 (sums are added in another order), everything else identical. */
  private static void assertSame(String where, JsonElement a, JsonElement b) {
    if (a.isJsonObject()) {
      assertTrue(b.isJsonObject(), where);
      assertEquals(a.getAsJsonObject().keySet(), b.getAsJsonObject().keySet(), where);
      for (String k : a.getAsJsonObject().keySet()) {
        assertSame(where + "/" + k, a.getAsJsonObject().get(k), b.getAsJsonObject().get(k));
      }
    } else if (a.isJsonArray()) {
      assertEquals(a.getAsJsonArray().size(), b.getAsJsonArray().size(), where);
      for (int i = 0; i < a.getAsJsonArray().size(); i++) {
        assertSame(where + "/" + i, a.getAsJsonArray().get(i), b.getAsJsonArray().get(i));
      }
    } else if (a.isJsonPrimitive() && a.getAsJsonPrimitive().isNumber()) {
      assertEquals(a.getAsDouble(), b.getAsDouble(), 1e-9, where);
    } else {
      assertEquals(a, b, where);
    }
  }

  static List<String> partLines(Path folder) throws IOException {
    List<String> lines = new ArrayList<>();
    try (Stream<Path> parts = Files.list(folder)) {
      for (Path p : parts.filter(p -> p.getFileName().toString().startsWith("part-")).sorted().toList()) {
        lines.addAll(Files.readAllLines(p));
      }
    }
    return lines;
  }

  private static List<JsonObject> read(List<String> lines) {
    return lines.stream().map(l -> JsonParser.parseString(l).getAsJsonObject()).toList();
  }

  private static JsonObject parse(Path p) throws IOException {
    return JsonParser.parseString(Files.readString(p)).getAsJsonObject();
  }
}
