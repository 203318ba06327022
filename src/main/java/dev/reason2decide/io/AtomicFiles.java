// Writes files so that a reader never sees a partial one: write to a temporary name, then rename.
package dev.reason2decide.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Atomic text and byte writes. The temporary file sits beside the real target: a symbolic link is followed and
 * its target replaced (the link stays a link); a device or FIFO ({@code /dev/null}, {@code /dev/stdout}, a pipe)
 * is written through directly, never renamed over. A replaced file keeps its mode (and owner and group where
 * allowed); a new one gets the mode the umask gives.
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
      tmp = createBeside(target.real());
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp, StandardOpenOption.WRITE),
          1 << 16)) {
        body.write(out);
      }
      keepModeAndOwner(target.real(), tmp);
      Files.move(tmp, target.real(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      deleteQuietly(tmp);
      throw new UncheckedIOException(file + ": cannot be written: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      deleteQuietly(tmp);
      throw e;
    }
  }

  /**
   * A new empty file {@code .<name>.<random>.tmp} beside {@code real}, created as any new file is (mode 0666 less the
   * umask), not 0600 as {@link Files#createTempFile} makes it: the output gets the mode a plain write would give.
   */
  private static Path createBeside(Path real) throws IOException {
    for (int attempt = 0; ; attempt++) {
      Path tmp = real.resolveSibling("." + real.getFileName() + "."
          + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + ".tmp");
      try {
        Files.newByteChannel(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
        return tmp;
      } catch (FileAlreadyExistsException e) {
        if (attempt == 9) {
          throw e;
        }
      }
    }
  }

  /**
   * When {@code real} is an existing file, gives {@code tmp} its permissions, and its owner and group where this
   * process may (root may set any owner; others only a group they belong to): replacing a shared 0664 file keeps
   * it 0664 and, where the system allows, its owner. Not a POSIX file system: nothing to keep.
   */
  private static void keepModeAndOwner(Path real, Path tmp) throws IOException {
    if (!Files.isRegularFile(real)) {
      return;
    }
    PosixFileAttributeView view = Files.getFileAttributeView(tmp, PosixFileAttributeView.class);
    if (view == null) {
      return;
    }
    PosixFileAttributes old = Files.readAttributes(real, PosixFileAttributes.class);
    try {
      if (!old.owner().equals(Files.getOwner(tmp))) {
        view.setOwner(old.owner());
      }
    } catch (IOException notAllowed) {
      // only root may give a file away: the replacement is then this user's, as any rewrite by them would be
    }
    try {
      view.setGroup(old.group());
    } catch (IOException notAllowed) {
      // not a member of that group: the replacement keeps this user's group
    }
    view.setPermissions(old.permissions());
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
