// TokenizerTrainer: a tokenizer built from example files round-trips text through DJL and is deterministic.
package dev.reason2decide.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reason2decide.data.ExampleWriter;
import dev.reason2decide.data.ReadOptions;
import dev.reason2decide.data.synth.SynthTriage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenizerTrainerTest {
  @TempDir
  Path dir;

  private Path corpus() {
    Path f = dir.resolve("train.jsonl");
    ExampleWriter.writeDefault(f, SynthTriage.generate(300, 1));
    return f;
  }

  @Test
  void roundTripsNormalisedText() throws Exception {
    Path out = dir.resolve("tok");
    TokenizerTrainer.Report r = TokenizerTrainer.build(List.of(corpus()), new BpeTrainer.Config(1200, 2, 1000),
        ReadOptions.DEFAULT, out);
    assertEquals(1200, r.vocabSize());
    assertEquals(1300, r.totalSize());
    for (String f : List.of("tokenizer.json", "tokenizer_config.json", "special_tokens_map.json")) {
      assertTrue(Files.isRegularFile(out.resolve(f)), f);
    }
    List<String> texts = List.of(
        "predict: 54-year-old man with chest pain. HR 118, SpO2 91%.",
        "given label: ESI-2, explain: Pt 70F c/o vomiting blood",
        "  unseen   Ωμέγα\tcharacters ✓ 🙂 and ﬁ ligature ",
        "Temperature 38.5 °C, α-blocker");
    try (TextTokenizer tok = TextTokenizer.load(out)) {
      for (String t : texts) {
        long[] ids = tok.encode(t);
        assertEquals(1, ids[ids.length - 1], "ends with </s>");
        assertEquals(WordCounts.canonical(t), tok.decode(ids), t);
      }
      // prompt words are whole pieces
      assertEquals(List.of("\u2581predict:"), tok.pieces("predict:"));
      assertTrue(tok.pieces("HR 118").size() <= 3, tok.pieces("HR 118").toString());
    }
  }

  @Test
  void sameCorpusSameTokenizer() throws Exception {
    Path c = corpus();
    TokenizerTrainer.build(List.of(c), new BpeTrainer.Config(600, 2, 1000), ReadOptions.DEFAULT, dir.resolve("a"));
    TokenizerTrainer.build(List.of(c), new BpeTrainer.Config(600, 2, 1000), ReadOptions.DEFAULT, dir.resolve("b"));
    assertEquals(Files.readString(dir.resolve("a/tokenizer.json")), Files.readString(dir.resolve("b/tokenizer.json")));
  }

  @Test
  void canonicalFormCollapsesUnicodeWhiteSpace() {
    assertEquals("a b c", WordCounts.canonical("\u00A0a \u2003b\n\tc\u3000"));
    assertEquals("fi", WordCounts.canonical("\uFB01"));
  }
}
