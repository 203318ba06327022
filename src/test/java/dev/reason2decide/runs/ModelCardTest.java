// r2d.json records the rationale prompt of its model; cards written with a phase name still load.
package dev.reason2decide.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reason2decide.io.Json;
import dev.reason2decide.prompts.PromptKind;
import dev.reason2decide.prompts.PromptTemplates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelCardTest {
  @TempDir
  Path dir;

  /** An r2d.json as written before the prompt kind, with {@code stage} as given (null: no such key). */
  private ModelCard oldCard(String stage) throws Exception {
    Files.writeString(dir.resolve(ModelCard.FILE), "{\"labels\": [\"yes\", \"no\"], \"prompts\": {\"predict\": "
        + "\"predict: {x}\", \"explain\": \"explain: {x}\", \"labelled\": \"given label: {y}, explain: {x}\"}, "
        + "\"maxInputTokens\": 512, \"labelMaxNewTokens\": 8, \"rationaleMaxNewTokens\": 64, \"recipe\": \"r2d\""
        + (stage == null ? "" : ", \"stage\": \"" + stage + "\"") + "}");
    return ModelCard.read(dir);
  }

  @Test
  void anOldCardsStageMapsToThePromptItsModelWasExplainedWith() throws Exception {
    assertEquals(PromptKind.EXPLAIN, oldCard("dss").rationalePrompt());
    assertEquals(PromptKind.LABELLED, oldCard("stage2").rationalePrompt());
    assertEquals(PromptKind.LABELLED, oldCard("stage1").rationalePrompt());
    assertEquals(PromptKind.LABELLED, oldCard("sft").rationalePrompt());
    assertEquals(PromptKind.LABELLED, oldCard("fixture").rationalePrompt(), "no phase's name: as inference did");
    assertEquals(PromptKind.LABELLED, oldCard(null).rationalePrompt());
    assertEquals(List.of("yes", "no"), oldCard("dss").labels());
  }

  @Test
  void aNewCardWritesAndReadsThePromptKind() throws Exception {
    ModelCard card = new ModelCard(List.of("a", "b"), PromptTemplates.reference(), 256, 4, 32, "dss",
        PromptKind.EXPLAIN);
    String json = Json.PRETTY.toJson(card);
    assertTrue(json.contains("\"rationalePrompt\": \"explain\"") && !json.contains("stage"), json);
    Files.writeString(dir.resolve(ModelCard.FILE), json);
    assertEquals(card, ModelCard.read(dir));
  }

  @Test
  void anUnknownPromptKindIsRefusedNamingTheField() throws Exception {
    Files.writeString(dir.resolve(ModelCard.FILE), "{\"labels\": [\"a\"], \"prompts\": {\"predict\": \"p {x}\", "
        + "\"explain\": \"e {x}\", \"labelled\": \"l {y} {x}\"}, \"maxInputTokens\": 512, \"labelMaxNewTokens\": 8, "
        + "\"rationaleMaxNewTokens\": 64, \"recipe\": \"r2d\", \"rationalePrompt\": \"shout\"}");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelCard.read(dir));
    assertEquals(dir.resolve(ModelCard.FILE) + ": not a valid model card: rationalePrompt is missing or unknown; use "
        + "\"explain\" or \"labelled\"", e.getMessage());
  }

  @Test
  void eachPhaseKindNamesItsFolderAndPrompt() {
    assertEquals("stage1 labelled, stage2 labelled, sft labelled, dss explain", String.join(", ",
        java.util.Arrays.stream(PhaseKind.values()).map(k -> k.folder() + " " + Json.COMPACT.toJson(k.prompt())
            .replace("\"", "")).toList()));
    assertEquals(PhaseKind.DSS, PhaseKind.ofFolder("dss"));
    assertEquals(null, PhaseKind.ofFolder("stage3"));
    assertEquals(Path.of("run", "dss"), new RunFolder(Path.of("run")).phase(PhaseKind.DSS).dir());
    PromptTemplates t = PromptTemplates.reference();
    assertEquals("explain: chest pain", PromptKind.EXPLAIN.prompt(t, "ESI-2", "chest pain"));
    assertEquals("given label: ESI-2, explain: chest pain", PromptKind.LABELLED.prompt(t, "ESI-2", "chest pain"));
  }
}
