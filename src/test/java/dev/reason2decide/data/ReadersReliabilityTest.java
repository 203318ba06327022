// Issue 18, readers: invalid UTF-8 is reported on the line it is on; JSONL rows are parsed as strict JSON.
package dev.reason2decide.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reason2decide.tokens.BpeTrainer;
import dev.reason2decide.tokens.TokenizerTrainer;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReadersReliabilityTest {
  @TempDir
  Path dir;

  /** {@code lines} UTF-8 rows of about 140 bytes (so the file is larger than a decoder's read-ahead block). */
  private static void goodLines(ByteArrayOutputStream b, int lines, int firstNumber, boolean jsonl) {
    for (int i = 0; i < lines; i++) {
      String note = "Patient " + (firstNumber + i) + " reports chest pain radiating to the left arm, "
          + "diaphoretic, café au lait spots noted";
      String row = jsonl ? "{\"question\":\"" + note + "\",\"label\":\"yes\",\"rationale\":\"r\"}\n"
          : "\"" + note + "\",yes,r\r\n";
      b.writeBytes(row.getBytes(StandardCharsets.UTF_8));
    }
  }

  @Test
  void aNoteOfOnlyZeroWidthCharactersIsEmptyAndADuplicateKeyIsRefused() throws Exception {
    Path f = Files.writeString(dir.resolve("notes.jsonl"), "{\"question\":\"fever\",\"label\":\"yes\","
        + "\"rationale\":\"r\"}\n{\"question\":\"\u200b\u2066\u202e \ufeff\",\"label\":\"yes\",\"rationale\":\"r\"}\n");
    MalformedExampleException e = assertThrows(MalformedExampleException.class, () -> ExampleReader.readDefault(f));
    assertTrue(e.getMessage().startsWith(f + ":2: "), e.getMessage());
    assertTrue(e.getMessage().endsWith("'question': empty (only invisible characters)"), e.getMessage());
    Path twice = Files.writeString(dir.resolve("twice.jsonl"),
        "{\"question\":\"a\",\"question\":\"b\",\"label\":\"yes\",\"rationale\":\"r\"}\n");
    MalformedExampleException d = assertThrows(MalformedExampleException.class,
        () -> ExampleReader.readDefault(twice));
    assertEquals(twice + ":1: not valid JSON: the name 'question' appears twice in an object (near column 27)", d.getMessage());
  }

  @Test
  void invalidUtf8InJsonlNamesItsLine() throws Exception {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    goodLines(b, 99, 1, true);
    b.writeBytes("{\"question\":\"bad ".getBytes(StandardCharsets.UTF_8));
    b.write(0xFF); // never valid in UTF-8; at byte 18 of line 100
    b.writeBytes("\",\"label\":\"yes\",\"rationale\":\"r\"}\n".getBytes(StandardCharsets.UTF_8));
    goodLines(b, 30, 101, true);
    Path f = Files.write(dir.resolve("notes.jsonl"), b.toByteArray());
    assertTrue(b.size() > 2 * 8192, "longer than a decoder's read-ahead block: " + b.size());
    MalformedExampleException e = assertThrows(MalformedExampleException.class, () -> ExampleReader.readDefault(f));
    assertEquals(f + ":100: not valid UTF-8 text (byte 0xFF at byte 18 of the line)", e.getMessage());
  }

  @Test
  void invalidUtf8InCsvNamesItsLineNotTheHeader() throws Exception {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.writeBytes("question,label,rationale\r\n".getBytes(StandardCharsets.UTF_8));
    goodLines(b, 50, 1, false); // lines 2..51
    b.writeBytes("\"truncated sequence ".getBytes(StandardCharsets.UTF_8));
    b.write(0xC3); // a lead byte of a two-byte sequence followed by a quote: malformed, at byte 21 of line 52
    b.writeBytes("\",yes,r\r\n".getBytes(StandardCharsets.UTF_8));
    Path f = Files.write(dir.resolve("notes.csv"), b.toByteArray());
    MalformedExampleException e = assertThrows(MalformedExampleException.class, () -> ExampleReader.readDefault(f));
    assertEquals(f + ":52: not valid UTF-8 text (byte 0xC3 at byte 21 of the line)", e.getMessage());
    assertEquals(52, e.line());
  }

  @Test
  void invalidUtf8OnTheFirstLine() throws Exception {
    Path f = Files.write(dir.resolve("one.jsonl"), new byte[] {'{', (byte) 0x80, '}', '\n'});
    MalformedExampleException e = assertThrows(MalformedExampleException.class, () -> ExampleReader.readDefault(f));
    assertEquals(f + ":1: not valid UTF-8 text (byte 0x80 at byte 2 of the line)", e.getMessage());
  }

  private static final String NOT_STRICT = "not valid JSON: not strict JSON: names and strings need double quotes,"
      + " and comments, NaN/Infinity and text after the value are not allowed";

  /**
   * A bad row on line 3 (a good row is 46 characters, its closing brace at column 46): the message is the file,
   * the line and a sentence. {@code column} is the offending
   * character's (counted by hand); Gson's reader stands on it or just after it ("near"), text after a complete value
   * is located exactly ("at").
   */
  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "{question:\"q\",\"label\":\"yes\",\"rationale\":\"r\"}|" + NOT_STRICT + "|2|near",
      "{'question':'q','label':'yes','rationale':'r'}|" + NOT_STRICT + "|2|near",
      "{\"question\":NaN,\"label\":\"yes\",\"rationale\":\"r\"}|" + NOT_STRICT + "|13|near",
      "{\"question\":\"q\",\"label\":\"yes\",\"rationale\":\"r\",}"
          + "|not valid JSON: expected a name in double quotes (a trailing comma, or an unquoted name?)|47|near",
      "{\"question\":\"q\" \"label\":\"yes\"}"
          + "|not valid JSON: an object is not closed properly (a missing ',' or '}')|18|near",
      "{\"question\":\"q\",\"label\":\"yes\",\"rationale\":\"r\""
          + "|not valid JSON: the text ends before the value is complete (an unclosed object, array or string)|46|near",
      "{\"question\":\"q\",\"label\":\"yes\",\"rationale\":\"r\"} trailing"
          + "|not valid JSON: more text after the value|48|at",
      "{\"question\":\"q\",\"label\":\"yes\",\"rationale\":\"r\"}}|not valid JSON: more text after the value|47|at",
      "{\"question\":\"q\",\"label\":\"yes\",\"rationale\":\"r\"} // comment"
          + "|not valid JSON: more text after the value|48|at"})
  void jsonlRowsAreStrictJsonAndErrorsAreSentences(String row, String problem, int column, String how)
      throws Exception {
    String good = "{\"question\":\"fine\",\"label\":\"yes\",\"rationale\":\"r\"}\n";
    Path f = Files.writeString(dir.resolve("rows.jsonl"), good + "\n" + row + "\n" + good.replace("fine", "also"));
    MalformedExampleException e = assertThrows(MalformedExampleException.class, () -> ExampleReader.readDefault(f));
    String prefix = f + ":3: " + problem;
    if (how.equals("at")) {
      assertEquals(prefix + " (at column " + column + ")", e.getMessage());
    } else {
      assertTrue(e.getMessage().equals(prefix + " (near column " + column + ")")
          || e.getMessage().equals(prefix + " (near column " + (column + 1) + ")"), e.getMessage());
    }
  }

  @Test
  void invalidUtf8InATokenizerTextCorpusNamesItsLine() throws Exception {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.writeBytes("first note\nsecond note\nbad ".getBytes(StandardCharsets.UTF_8));
    b.write(0xFE); // never valid in UTF-8: byte 5 of line 3
    b.writeBytes(" note\n".getBytes(StandardCharsets.UTF_8));
    Path f = Files.write(dir.resolve("corpus.txt"), b.toByteArray());
    Path out = dir.resolve("tok");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TokenizerTrainer.build(
        java.util.List.of(f), new BpeTrainer.Config(300, 1, 100), ReadOptions.DEFAULT, out));
    assertEquals(f + ":3: not valid UTF-8 text (byte 0xFE at byte 5 of the line)", e.getMessage());
    assertFalse(Files.exists(out));
  }
}
