// Finds where a file stops being valid UTF-8: the line and byte of the first bad sequence, for error messages.
package dev.reason2decide.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates the first malformed UTF-8 sequence of a file by decoding its bytes and counting line feeds up to the
 * error. A decoding reader cannot say this itself: it reads ahead in blocks, so the error surfaces lines before or
 * after the record being parsed. A line feed byte never occurs inside a multi-byte UTF-8 sequence, so counting
 * bytes {@code 0x0A} gives the line a text editor shows.
 */
public final class InvalidUtf8 {
  /**
   * Where the first bad sequence is.
   *
   * @param line 1-based line
   * @param column 1-based byte position within the line
   * @param firstByte the first byte of the bad sequence (0..255)
   */
  public record Location(long line, long column, int firstByte) {
    /** {@code not valid UTF-8 text (byte 0xFF at byte 7 of the line)}; the caller names file and line. */
    public String describe() {
      return String.format("not valid UTF-8 text (byte 0x%02X at byte %d of the line)", firstByte, column);
    }
  }

  private InvalidUtf8() {}

  /** The first bad sequence of {@code file}, or null when the whole file is valid UTF-8. */
  public static Location find(Path file) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.allocate(1 << 16);
    CharBuffer out = CharBuffer.allocate(1 << 16);
    long line = 1;
    long column = 1;
    try (InputStream s = Files.newInputStream(file)) {
      boolean end = false;
      while (true) {
        if (!end) {
          int n = s.read(in.array(), in.position(), in.remaining());
          if (n < 0) {
            end = true;
          } else {
            in.position(in.position() + n);
          }
        }
        in.flip();
        int from = in.position();
        CoderResult r = decoder.decode(in, out, end);
        for (int i = from; i < in.position(); i++) {
          if (in.get(i) == '\n') {
            line++;
            column = 1;
          } else {
            column++;
          }
        }
        if (r.isError()) {
          return new Location(line, column, in.get(in.position()) & 0xFF);
        }
        out.clear();
        if (end && !in.hasRemaining()) {
          return null;
        }
        in.compact();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": cannot be read: " + e.getMessage(), e);
    }
  }
}
