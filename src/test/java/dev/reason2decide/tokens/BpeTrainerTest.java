// BpeTrainer on a corpus small enough to train by hand, and the ids the written tokenizer.json gives through DJL.
package dev.reason2decide.tokens;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BpeTrainerTest {
  @TempDir
  Path dir;

  private static BpeTrainer.Vocab handCorpus() {
    WordCounts w = new WordCounts(false, false);
    w.addText("ab ab ab abc", 1);
    return BpeTrainer.train(w.counts(), new BpeTrainer.Config(1000, 2, 1000));
  }

  @Test
  void trainsTheMergesWorkedOutByHand() {
    BpeTrainer.Vocab v = handCorpus();
    // characters a, b, ▁ (4 each; ties by code point) then c (1): ids 259..262
    assertEquals(List.of("a", "b", "\u2581", "c"), v.pieces().subList(259, 263));
    // (a,b) and (▁,a) both occur 4 times; (a,b) wins the tie because a entered first -> "ab" = 263;
    // then (▁,ab) = 4 -> "▁ab" = 264; (▁ab,c) occurs once, below the minimum frequency 2
    assertEquals(List.of("a b", "\u2581 ab"), v.merges().stream().map(m -> m[0] + " " + m[1]).toList());
    assertEquals(List.of("ab", "\u2581ab"), v.pieces().subList(263, 265));
    assertEquals(265, v.pieces().size());
    assertEquals("<0x64>", v.pieces().get(3 + 0x64));
  }

  @Test
  void writtenTokenizerEncodesAsTrained() {
    TokenizerFiles.write(dir, handCorpus(), false, false);
    try (TextTokenizer tok = TextTokenizer.load(dir)) {
      assertArrayEquals(new long[] {264, 264, 262, 1}, tok.encode("ab abc"));
      // d was never seen: byte fallback <0x64>
      assertArrayEquals(new long[] {264, 3 + 0x64}, tok.encodePlain("abd"));
      assertEquals("ab abd", tok.decode(tok.encode("ab  abd")));
      // sentinels follow the model vocabulary, <extra_id_0> last as in T5
      assertArrayEquals(new long[] {265 + 99}, tok.encodePlain("<extra_id_0>"));
      assertArrayEquals(new long[] {265}, tok.encodePlain("<extra_id_99>"));
      assertEquals(1, tok.eosId());
      assertEquals(0, tok.padId());
    }
  }

  @Test
  void rejectsAVocabularyTooSmallForTheBytePieces() {
    assertThrows(IllegalArgumentException.class, () -> new BpeTrainer.Config(200, 2, 100));
  }
}
