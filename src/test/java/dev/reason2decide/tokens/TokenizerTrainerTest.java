// TokenizerTrainer: a tokenizer built from example files round-trips text through DJL and is deterministic.
package dev.reason2decide.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
      // digits are split by default: every digit is its own piece, a number starts with a bare ▁
      assertEquals(List.of("\u2581HR", "\u2581", "1", "1", "8", ","), tok.pieces("HR 118,"));
    }
  }

  @Test
  void splitDigitsGiveOneIdPerDigitWherever() throws Exception {
    Path out = dir.resolve("tok");
    TokenizerTrainer.build(List.of(corpus()), new BpeTrainer.Config(1200, 2, 1000), ReadOptions.DEFAULT, out);
    try (TextTokenizer tok = TextTokenizer.load(out)) {
      long[] digit = new long[10];
      for (int d = 0; d <= 9; d++) {
        List<String> p = tok.pieces("x" + d + "y");
        assertEquals(List.of("\u2581x", String.valueOf(d), "y"), p, "digit " + d);
        digit[d] = tok.encode("x" + d + "y")[1];
      }
      assertEquals(10, java.util.Arrays.stream(digit).distinct().count(), "ten distinct digit ids");
      // in any text: no piece mixes a digit with anything else, and a digit always has the same id
      String text = "SpO2 92% BP 120/80 T 37.5";
      long[] ids = tok.encode(text);
      List<String> pieces = tok.pieces(text);
      assertEquals("\u2581SpO2\u258192%\u2581BP\u2581120/80\u2581T\u258137.5", String.join("", pieces));
      int k = 0;
      for (int i = 0; i < pieces.size(); i++) {
        String p = pieces.get(i);
        if (p.chars().anyMatch(Character::isDigit)) {
          assertEquals(1, p.length(), "a digit shares piece " + p);
          assertEquals(digit[p.charAt(0) - '0'], ids[i], "id of " + p + " at " + i);
          k++;
        }
      }
      assertEquals(11, k);
      for (String t : List.of("HR 100, RR 21/min, SpO2 84%", "0.5 mg 1,000 units 2026-12-01", "١٢٣ and ½")) {
        assertEquals(WordCounts.canonical(t), tok.decode(tok.encode(t)), t);
      }
    }
  }

  @Test
  void wholeWordLayoutIsTheOldOneAndStillLoads() throws Exception {
    Path out = dir.resolve("old");
    TokenizerTrainer.build(List.of(corpus()), new BpeTrainer.Config(1200, 2, 1000, false, false), ReadOptions.DEFAULT,
        out);
    String json = Files.readString(out.resolve("tokenizer.json"));
    assertTrue(!json.contains("Digits"), "no Digits pre-tokeniser in the old layout");
    try (TextTokenizer tok = TextTokenizer.load(out)) {
      assertTrue(tok.pieces("HR 118").size() <= 3, tok.pieces("HR 118").toString());
      String t = "predict: 54-year-old man with chest pain. HR 118, SpO2 91%.";
      assertEquals(WordCounts.canonical(t), tok.decode(tok.encode(t)));
    }
  }

  @Test
  void splitPunctuationGivesANumberTheSamePiecesWhateverFollowsIt() throws Exception {
    Path out = dir.resolve("punct");
    TokenizerTrainer.build(List.of(corpus()), new BpeTrainer.Config(1200, 2, 1000, false, true), ReadOptions.DEFAULT,
        out);
    assertTrue(Files.readString(out.resolve("tokenizer.json")).contains("\"Punctuation\""));
    try (TextTokenizer tok = TextTokenizer.load(out)) {
      for (String n : List.of("76", "118", "37.5", "92")) {
        List<String> bare = tok.pieces("HR " + n);
        for (String tail : List.of(",", "%", ").", "/10")) {
          List<String> with = tok.pieces("HR " + n + tail);
          assertEquals(bare, with.subList(0, bare.size()), n + tail + ": " + with);
          assertTrue(with.subList(bare.size(), with.size()).stream().allMatch(p -> p.length() == 1
              || p.chars().allMatch(Character::isDigit)), n + tail + ": " + with);
        }
      }
      for (String t : List.of("(HR 76, RR 18/min) SpO2 94%.", "A&O x3; c/o pain — 8/10!", "ESI-2: 'quoted' \"text\"")) {
        assertEquals(WordCounts.canonical(t), tok.decode(tok.encode(t)), t);
      }
    }
  }

  @Test
  void lowercaseFoldsCaseThroughTheTokenizersLibrary() throws Exception {
    Path out = dir.resolve("lower");
    TokenizerTrainer.build(List.of(corpus()), new BpeTrainer.Config(1200, 2, 1000, false, true, 0, true),
        ReadOptions.DEFAULT, out);
    String json = Files.readString(out.resolve("tokenizer.json"));
    assertTrue(json.contains("\"Sequence\"") && json.contains("\"Lowercase\"") && json.contains("\"NFKC\""), json);
    try (TextTokenizer tok = TextTokenizer.load(out)) {
      for (String t : List.of("HR 88, SpO2 94% on room air. Alert and oriented.", "PT 54M C/O CHEST PAIN")) {
        assertTrue(java.util.Arrays.equals(tok.encode(t.toLowerCase(java.util.Locale.ROOT)), tok.encode(t)), t);
        assertEquals(WordCounts.canonical(t).toLowerCase(java.util.Locale.ROOT), tok.decode(tok.encode(t)), t);
      }
      assertTrue(tok.pieces("Pulse").stream().noneMatch(p -> p.chars().anyMatch(Character::isUpperCase)),
          tok.pieces("Pulse").toString());
    }
    Path cased = dir.resolve("cased");
    TokenizerTrainer.build(List.of(corpus()), new BpeTrainer.Config(1200, 2, 1000, false, true, 0),
        ReadOptions.DEFAULT, cased);
    assertTrue(Files.readString(cased.resolve("tokenizer.json")).contains("\"type\": \"NFKC\""));
    try (TextTokenizer tok = TextTokenizer.load(cased)) {
      assertFalse(java.util.Arrays.equals(tok.encode("hr 88"), tok.encode("HR 88")), "case kept by default");
    }
  }

  @Test
  void wholeNumbersAreOnePieceAfterASpaceWhateverTheCorpus() throws Exception {
    Path out = dir.resolve("whole");
    TokenizerTrainer.build(List.of(corpus()), new BpeTrainer.Config(1400, 2, 1000, false, true, 300),
        ReadOptions.DEFAULT, out);
    try (TextTokenizer tok = TextTokenizer.load(out)) {
      // values the 300-note corpus has, values it surely lacks, and the edges of the range
      for (int n : new int[] {0, 7, 10, 35, 76, 99, 100, 101, 118, 181, 211, 299, 300}) {
        assertEquals(List.of("\u2581HR", "\u2581" + n, ","), tok.pieces("HR " + n + ","), "HR " + n);
      }
      assertEquals(List.of("\u2581BP", "\u2581166", "/", "72"), tok.pieces("BP 166/72"));
      assertEquals(List.of("\u2581Pain", "\u25818", "/", "10"), tok.pieces("Pain 8/10"));
      // beyond the range: the number is cut, not mangled, and the text still round-trips
      List<String> big = tok.pieces("HR 301");
      assertTrue(big.size() > 2 && big.get(1).equals("\u258130"), big.toString());
      for (String t : List.of("HR 301, BP 1180/07 SpO2 94% 1st", "T 37.5 C. 0.25 mg")) {
        assertEquals(WordCounts.canonical(t), tok.decode(tok.encode(t)), t);
      }
    }
  }

  @Test
  void numberMergesExtendANumberByItsNextDigitAfterTheSpace() {
    List<String[]> m = BpeTrainer.numberMerges(12);
    assertEquals(10 + 3 + 90, m.size());
    assertEquals(List.of("\u2581", "0"), List.of(m.get(0)));
    assertEquals(List.of("\u25811", "2"), List.of(m.get(12)));
    assertEquals(List.of("1", "0"), List.of(m.get(13)));
    assertTrue(BpeTrainer.numberMerges(0).isEmpty());
  }

  @Test
  void punctuationIsWhatTheTokenizersLibraryCallsPunctuation() {
    for (char c : "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~".toCharArray()) {
      assertTrue(WordCounts.isPunctuation(c), String.valueOf(c));
    }
    for (int cp : new int[] {'a', 'Z', '0', ' ', 0x2581, 0x00B0, 0x00BD}) { // letters, digits, ▁, °, ½
      assertFalse(WordCounts.isPunctuation(cp), Integer.toHexString(cp));
    }
    for (int cp : new int[] {0x2014, 0x00AB, 0x201C, 0x3001, 0x00BF}) { // — « “ 、 ¿
      assertTrue(WordCounts.isPunctuation(cp), Integer.toHexString(cp));
    }
  }

  @Test
  void digitPiecesCutAroundEveryNumericCharacter() {
    assertEquals(List.of("\u2581", "1", "1", "8", ","), WordCounts.digitPieces("\u2581118,"));
    assertEquals(List.of("\u2581SpO", "2"), WordCounts.digitPieces("\u2581SpO2"));
    assertEquals(List.of("\u2581a", "½", "b", "٣"), WordCounts.digitPieces("\u2581a½b٣"));
    assertEquals(List.of("\u2581word"), WordCounts.digitPieces("\u2581word"));
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
