// Reads the one-text-per-line files of `r2d metrics`: an empty line is an empty text.
package dev.reason2decide.eval.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * UTF-8 text, one text per line. A final line break does not start another text; a carriage return before a line
 * break (Windows files) is not part of the text. Invalid UTF-8 is an error naming the file.
 */
public final class TextLines {
  private TextLines() {}

  /** The texts of {@code file}. */
  public static List<String> read(Path file) {
    String content;
    try {
      byte[] bytes = Files.readAllBytes(file);
      content = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException(file + ": not valid UTF-8 text", e);
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": cannot be read: " + e.getMessage(), e);
    }
    List<String> out = new ArrayList<>();
    if (content.isEmpty()) {
      return out;
    }
    if (content.endsWith("\n")) {
      content = content.substring(0, content.length() - 1);
    }
    for (String line : content.split("\n", -1)) {
      out.add(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
    }
    return out;
  }

  /** Reads both files and checks that they hold the same number of texts. */
  public static List<List<String>> readPair(Path hyp, Path ref) {
    List<String> h = read(hyp);
    List<String> r = read(ref);
    if (h.size() != r.size()) {
      throw new IllegalArgumentException(hyp + " has " + h.size() + " lines but " + ref + " has " + r.size()
          + ": one reference per hypothesis, line by line");
    }
    return List.of(h, r);
  }
}
