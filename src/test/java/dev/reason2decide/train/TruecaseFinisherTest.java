// A run whose tokenizer folds case ends with truecase.json and recased rationales; a cased tokenizer gets no file.
package dev.reason2decide.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.reason2decide.cli.Main;
import dev.reason2decide.inference.Decision;
import dev.reason2decide.inference.T5DecisionModel;
import dev.reason2decide.io.Json;
import dev.reason2decide.runs.ModelFolder;
import dev.reason2decide.testing.CliRun;
import dev.reason2decide.testing.Shared;
import dev.reason2decide.tokens.CaseFolding;
import dev.reason2decide.tokens.Truecase;
import dev.reason2decide.tokens.TruecaseFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TruecaseFinisherTest {
  @TempDir
  Path dir;

  /** 16 examples whose rationales are cased: "Heart rate 88 is normal, so ESI-4." */
  private Path data() throws Exception {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 16; i++) {
      int hr = 60 + 7 * i;
      String label = hr > 140 ? "ESI-2" : hr > 100 ? "ESI-3" : "ESI-4";
      b.append("{\"id\":\"ex").append(i).append("\",\"question\":\"Patient, HR ").append(hr)
          .append("\",\"label\":\"").append(label).append("\",\"rationale\":\"Heart rate ").append(hr)
          .append(" seen in ED, so ").append(label).append(".\"}\n");
    }
    Path f = dir.resolve("train.jsonl");
    Files.writeString(f, b.toString());
    return f;
  }

  /** A 4-step tiny r2d run on {@code train} (validated on it too) with {@code tokenizer}: the model is out/model. */
  static void train(Path train, Path tokenizer, Path out) {
    assertEquals(0, Main.run("train", "--train", train.toString(), "--validation", train.toString(),
        "--scratch", "tiny", "--tokenizer", tokenizer.toString(), "--out", out.toString(), "--recipe", "r2d",
        "--steps", "4", "--batch-size", "16", "--eval-batch-size", "16", "--lr", "3e-3", "--lr-schedule", "constant",
        "--stage1-eval-every", "1000", "--eval-every", "1000", "--max-input-tokens", "64", "--max-target-tokens", "32",
        "--label-max-new-tokens", "4", "--rationale-max-new-tokens", "8", "--seed", "7", "--threads", "2",
        "--quiet"));
  }

  @Test
  void aCaseFoldingRunWritesTheFileAndInferenceRecasesWithIt() throws Exception {
    Path train = data();
    Path tok = dir.resolve("tok");
    assertEquals(0, Main.run("tokenizer", "build", "--corpus", train.toString(), "--vocab-size", "300",
        "--lowercase", "--out", tok.toString()));
    assertTrue(CaseFolding.folds(tok));
    Path run = dir.resolve("run");
    train(train, tok, run);
    Path model = run.resolve("model");
    assertTrue(TruecaseFile.exists(model));
    Truecase t = TruecaseFile.read(model);
    assertEquals(Map.of("esi", "ESI", "ed", "ED"), t.forms());
    assertTrue(t.sentenceCapital());
    assertEquals(16L, t.fitted().get("rationales"));
    JsonObject note = Json.readObject(new ModelFolder(model).provenance()).getAsJsonObject("truecase");
    assertTrue(note.get("rationales_recased").getAsBoolean());
    assertEquals(16, note.get("rationales").getAsInt());

    // the same folder without the file decodes as before; with it, every rationale is that text recased
    String[] notes = {"Patient, HR 88", "Patient, HR 150"};
    byte[] file = Files.readAllBytes(model.resolve(TruecaseFile.JSON));
    Files.delete(model.resolve(TruecaseFile.JSON));
    List<Decision> plain;
    try (T5DecisionModel m = T5DecisionModel.load(model)) {
      plain = m.decideAll(List.of(notes));
      assertFalse(m.describe().containsKey("truecase"));
    }
    Files.write(model.resolve(TruecaseFile.JSON), file);
    try (T5DecisionModel m = T5DecisionModel.load(model)) {
      List<Decision> recased = m.decideAll(List.of(notes));
      System.out.println("decoded " + plain.stream().map(Decision::rationale).toList() + ", recased "
          + recased.stream().map(Decision::rationale).toList());
      assertTrue(plain.stream().anyMatch(d -> !t.apply(d.rationale()).equals(d.rationale())),
          "no decoded rationale had anything to recase: the test would not see the recasing");
      for (int i = 0; i < notes.length; i++) {
        assertEquals(plain.get(i).label(), recased.get(i).label());
        assertEquals(t.apply(plain.get(i).rationale()), recased.get(i).rationale());
        assertEquals(plain.get(i).rationale().toLowerCase(java.util.Locale.ROOT), plain.get(i).rationale());
      }
      assertTrue(m.describe().containsKey("truecase"));
    }

    // r2d truecase fit writes the same file again from the same training rationales
    Files.delete(model.resolve(TruecaseFile.JSON));
    CliRun fit = CliRun.of("truecase", "fit", "--model", model.toString(), "--train", train.toString());
    assertEquals(0, fit.code(), fit.err());
    assertEquals(new String(file), Files.readString(model.resolve(TruecaseFile.JSON)));
  }

  @Test
  void aCasedTokenizerGetsNoFileAndTheCommandSaysWhy() throws Exception {
    Path train = data();
    Path run = dir.resolve("run");
    Path cased = Shared.fixture("tokenizer-pubmed-2k");
    assertFalse(CaseFolding.folds(cased));
    train(train, cased, run);
    Path model = run.resolve("model");
    assertFalse(TruecaseFile.exists(model));
    assertFalse(Json.readObject(new ModelFolder(model).provenance()).has("truecase"));
    CliRun fit = CliRun.of("truecase", "fit", "--model", model.toString(), "--train", train.toString());
    assertEquals(1, fit.code());
    assertTrue(fit.err().contains("keeps case"), fit.err());
    assertFalse(TruecaseFile.exists(model));
    List<String> none = new ArrayList<>();
    try (var files = Files.list(model)) {
      files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("truecase")).forEach(none::add);
    }
    assertEquals(List.of(), none);
  }
}
