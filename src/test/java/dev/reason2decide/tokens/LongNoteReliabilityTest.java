// Issue 18, long notes: a 50 MB note is cut by characters before tokenizing, in training and in prediction.
package dev.reason2decide.tokens;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reason2decide.data.Example;
import dev.reason2decide.inference.T5DecisionModel;
import dev.reason2decide.prompts.PromptTemplates;
import dev.reason2decide.testing.Shared;
import dev.reason2decide.train.EncodedExamples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LongNoteReliabilityTest {
  /** 100 characters ending with a space, so repeating it repeats its words exactly. */
  private static final String SENTENCE = "Patient reports crushing chest pain radiating to the left arm, "
      + "diaphoretic, BP 90/60, HR 120 noted. ";
  private static final int NOTE_CHARS = 50_000_000;
  private static TextTokenizer tok;
  private static String note;

  @BeforeAll
  static void load() {
    assertEquals(100, SENTENCE.length());
    tok = TextTokenizer.load(Shared.fixture("t5-tiny-v1_0"));
    note = SENTENCE.repeat(NOTE_CHARS / SENTENCE.length());
  }

  @AfterAll
  static void close() {
    tok.close();
    note = null;
  }

  /** The whole note's first {@code n} ids: its words repeat every 100 characters, so 200 repetitions suffice. */
  private static long[] firstIdsOfTheWholeNote(int n) {
    long[] ids = tok.encodePlain(SENTENCE.repeat(200));
    assertTrue(ids.length > n, "200 sentences give " + ids.length + " ids");
    return Arrays.copyOf(ids, n);
  }

  @Test
  void onlyAPrefixOfAFiftyMegabyteNoteReachesTheTokenizer() {
    List<Integer> seen = new ArrayList<>();
    CharacterWindow.Result r = CharacterWindow.firstTokens(note, 500, tok.longestPiece(), s -> {
      seen.add(s.length());
      return tok.encodePlain(s);
    });
    assertEquals(16, tok.longestPiece(), "the fixture's longest piece, e.g. '▁cholecystectomy'");
    // one window of 500 × 16 = 8000 characters, which starts sentence 81 at "Patient": extended to its space
    assertEquals(List.of(8007), seen);
    assertFalse(r.whole());
    assertArrayEquals(firstIdsOfTheWholeNote(500), Arrays.copyOf(r.ids(), 500));
  }

  @Test
  void encodeCutsTheNoteAndKeepsTheWholeTextsFirstIds() {
    TextTokenizer.Tokens t = tok.encode(note, 512);
    long[] expected = Arrays.copyOf(firstIdsOfTheWholeNote(511), 512);
    expected[511] = tok.eosId();
    assertArrayEquals(expected, t.ids());
    assertTrue(t.truncated());
    assertEquals(-1, t.fullLength(), "the whole note was never tokenized");
  }

  @Test
  void aNoteThatFitsIsNeverCutHoweverManyCharactersItHas() {
    // 40,000 spaces carry no tokens: the first windows hold too few ids, so the window grows to the whole text
    String padded = " ".repeat(40_000) + "chest pain " + "\n".repeat(30_000) + "HR 120";
    List<Integer> seen = new ArrayList<>();
    CharacterWindow.Result r = CharacterWindow.firstTokens(padded, 512, tok.longestPiece(), s -> {
      seen.add(s.length());
      return tok.encodePlain(s);
    });
    assertTrue(r.whole());
    assertEquals(padded.length(), seen.get(seen.size() - 1));
    TextTokenizer.Tokens t = tok.encode(padded, 512);
    assertArrayEquals(tok.encode("chest pain HR 120"), t.ids());
    assertFalse(t.truncated());
    assertEquals(t.ids().length, t.fullLength());
  }

  @Test
  void trainingEncodesAFiftyMegabyteNoteIntoTheInputLimit() {
    List<Example> examples = List.of(new Example("big", note, "yes", "because", ""),
        new Example("small", "HR 120", "no", "calm", ""));
    EncodedExamples e = new EncodedExamples(examples, tok, PromptTemplates.reference(), 512, 64, true);
    assertEquals(512, e.predict[0].length);
    assertEquals(512, e.explain[0].length);
    assertEquals(512, e.goldLabelled[0].length);
    long[] expected = Arrays.copyOf(tok.encodePlain("predict: " + SENTENCE.repeat(200)), 512);
    expected[511] = tok.eosId();
    assertArrayEquals(expected, e.predict[0]);
    assertEquals(1, e.truncatedInputs);
  }

  @Test
  void predictionOnAFiftyMegabyteNoteEqualsPredictionOnItsFirstWords(@TempDir Path dir) throws Exception {
    for (String f : List.of("config.json", "tokenizer.json", "model.safetensors")) {
      Files.copy(Shared.fixture("t5-tiny-v1_0").resolve(f), dir.resolve(f));
    }
    Files.writeString(dir.resolve("r2d.json"), "{\"labels\":[\"yes\",\"no\"],\"prompts\":{\"predict\":"
        + "\"predict: {x}\",\"explain\":\"explain: {x}\",\"labelled\":\"given label: {y}, explain: {x}\"},"
        + "\"maxInputTokens\":64,\"labelMaxNewTokens\":4,\"rationaleMaxNewTokens\":8}");
    try (T5DecisionModel m = T5DecisionModel.load(dir)) {
      assertEquals(64, m.card().maxInputTokens());
      // both inputs are cut to the same first 63 ids (20 sentences hold more), so the decisions are the same
      assertTrue(tok.encodePlain(SENTENCE.repeat(20)).length > 64);
      assertEquals(m.decide(SENTENCE.repeat(20)), m.decide(note));
    }
  }
}
