// Writes files so that a reader never sees a partial one: write to a temporary name, then rename.
package dev.reason2decide.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Atomic text and byte writes. */
public final class AtomicFiles {
  private AtomicFiles() {}

  /** Something that writes the whole content to a writer. */
  @FunctionalInterface
  public interface Body {
    void write(Writer w) throws IOException;
  }

  public static void writeString(Path file, String content) {
    write(file, w -> w.write(content));
  }

  /** Runs {@code body} against a temporary file beside {@code file}, then renames it into place. */
  public static void write(Path file, Body body) {
    Path dir = file.toAbsolutePath().getParent();
    Path tmp = null;
    try {
      Files.createDirectories(dir);
      tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
      try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
        body.write(w);
      }
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      deleteQuietly(tmp);
      throw new UncheckedIOException(file + ": cannot be written: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      deleteQuietly(tmp);
      throw e;
    }
  }

  public static void writeBytes(Path file, byte[] bytes) {
    Path dir = file.toAbsolutePath().getParent();
    try {
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
      Files.write(tmp, bytes);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
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
