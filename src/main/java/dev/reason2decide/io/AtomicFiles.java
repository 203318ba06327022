// Writes files so that a reader never sees a partial one: write to a temporary name, then rename.
package dev.reason2decide.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Atomic text and byte writes. The temporary file sits beside the real target: a symbolic link is followed and
 * its target replaced (the link stays a link); a device or FIFO ({@code /dev/null}, {@code /dev/stdout}, a pipe)
 * is written through directly, never renamed over.
 */
public final class AtomicFiles {
  private AtomicFiles() {}

  /** Something that writes the whole content to a writer. */
  @FunctionalInterface
  public interface Body {
    void write(Writer w) throws IOException;
  }

  /** Something that writes the whole content to a byte stream. */
  @FunctionalInterface
  public interface ByteBody {
    void write(OutputStream out) throws IOException;
  }

  public static void writeString(Path file, String content) {
    write(file, w -> w.write(content));
  }

  /** Runs {@code body} against a temporary file beside {@code file}, then renames it into place. */
  public static void write(Path file, Body body) {
    writeBytes(file, out -> {
      Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
      body.write(w);
      w.flush();
    });
  }

  public static void writeBytes(Path file, byte[] bytes) {
    writeBytes(file, out -> out.write(bytes));
  }

  /** Runs {@code body} against a buffered stream on a temporary file beside {@code file}, then renames it. */
  public static void writeBytes(Path file, ByteBody body) {
    OutputTarget target = OutputTarget.of(file);
    if (target.special()) {
      writeThrough(file, target.real(), body);
      return;
    }
    Path dir = target.real().getParent();
    Path tmp = null;
    try {
      Files.createDirectories(dir);
      tmp = Files.createTempFile(dir, "." + target.real().getFileName(), ".tmp");
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
        body.write(out);
      }
      Files.move(tmp, target.real(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      deleteQuietly(tmp);
      throw new UncheckedIOException(file + ": cannot be written: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      deleteQuietly(tmp);
      throw e;
    }
  }

  /** Copies {@code source} to {@code file} atomically (as {@link #writeBytes(Path, ByteBody)}). */
  public static void copy(Path source, Path file) {
    writeBytes(file, out -> Files.copy(source, out));
  }

  /** A device or FIFO: opened for writing as it is (no create, no truncate, no rename). */
  private static void writeThrough(Path file, Path real, ByteBody body) {
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(real, StandardOpenOption.WRITE),
        1 << 16)) {
      body.write(out);
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": cannot be written: " + e.getMessage(), e);
    }
  }

  private static void deleteQuietly(Path p) {
    if (p != null) {
      try {
        Files.deleteIfExists(p);
      } catch (IOException ignored) {
        // best effort: the temporary name never looks like the finished file
      }
    }
  }
}
