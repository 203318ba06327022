// A tokenizer built with --normalise-inputs: the file travels into the model, which reads typos and number words plain.
package dev.reason2decide.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reason2decide.cli.Main;
import dev.reason2decide.inference.Decision;
import dev.reason2decide.inference.T5DecisionModel;
import dev.reason2decide.tokens.InputNormaliser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputNormaliserRunTest {
  @TempDir
  Path dir;

  @Test
  void theModelReadsATypoAndANumberInWordsAsTheTrainingWordAndDigits() throws Exception {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 16; i++) {
      int hr = 60 + 7 * i;
      String label = hr > 100 ? "ESI-2" : "ESI-4";
      b.append("{\"id\":\"ex").append(i).append("\",\"question\":\"Patient tachycardic, pulse ").append(hr)
          .append("\",\"label\":\"").append(label).append("\",\"rationale\":\"Pulse ").append(hr).append(", so ")
          .append(label).append(".\"}\n");
    }
    Path train = dir.resolve("train.jsonl");
    Files.writeString(train, b.toString());
    Path tok = dir.resolve("tok");
    assertEquals(0, Main.run("tokenizer", "build", "--corpus", train.toString(), "--vocab-size", "300",
        "--normalise-inputs", "--out", tok.toString()));
    assertFalse(InputNormaliser.read(tok).isIdentity());
    Path run = dir.resolve("run");
    TruecaseFinisherTest.train(train, tok, run);
    Path model = run.resolve("model");
    assertTrue(Files.isRegularFile(model.resolve(InputNormaliser.JSON)), "copied into the model folder");
    assertTrue(dev.reason2decide.io.Json.readObject(run.resolve("provenance.json")).has("input_normaliser"),
        "the run's provenance names the file");
    String plain = "Patient tachycardic, pulse 94";
    String written = "Patient tachycadric, pulse ninety-four";
    try (T5DecisionModel m = T5DecisionModel.load(model)) {
      List<Decision> d = m.decideAll(List.of(plain, written));
      assertEquals(d.get(0).probabilities(), d.get(1).probabilities(), "one reading of both");
      assertEquals(d.get(0).rationale(), d.get(1).rationale());
      assertTrue(m.describe().containsKey("input_normaliser"));
    }
    // without the file the model reads the note as written, and the two notes are two inputs
    Files.delete(model.resolve(InputNormaliser.JSON));
    try (T5DecisionModel m = T5DecisionModel.load(model)) {
      List<Decision> d = m.decideAll(List.of(plain, written));
      assertNotEquals(d.get(0).probabilities(), d.get(1).probabilities());
      assertFalse(m.describe().containsKey("input_normaliser"));
    }
  }
}
