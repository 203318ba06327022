// Folder operations with crash-safe semantics: delete a tree, replace a folder atomically, copy its files.
package dev.reason2decide.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.function.Consumer;

/** Used for checkpoints and other outputs that are folders rather than single files. */
public final class Folders {
  private Folders() {}

  /** Deletes {@code p} and everything under it; nothing happens when it does not exist. */
  public static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p)) {
      return;
    }
    try (var walk = Files.walk(p)) {
      for (Path q : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(q);
      }
    }
  }

  /**
   * Writes a folder under a temporary name beside {@code target}, then swaps it in, so a crash never leaves a
   * half-written folder under the real name. A symbolic link to a folder is followed: its target is replaced and
   * the link kept.
   */
  public static void replace(Path given, Consumer<Path> writer) {
    OutputTarget resolved = OutputTarget.of(given);
    if (resolved.special()) {
      throw new UncheckedIOException(new IOException(given + ": is a device or FIFO, not a folder"));
    }
    Path target = resolved.real();
    try {
      Path parent = target.getParent();
      Files.createDirectories(parent);
      Path tmp = parent.resolve("." + target.getFileName() + ".tmp");
      deleteTree(tmp);
      writer.accept(tmp);
      Path old = parent.resolve("." + target.getFileName() + ".old");
      deleteTree(old);
      if (Files.exists(target)) {
        Files.move(target, old);
      }
      Files.move(tmp, target);
      deleteTree(old);
    } catch (IOException e) {
      throw new UncheckedIOException(given + ": " + e.getMessage(), e);
    }
  }

  /** Copies the regular files (not sub-folders) of {@code from} into {@code to}. */
  public static void copyFiles(Path from, Path to) {
    try {
      Files.createDirectories(to);
      try (var list = Files.list(from)) {
        for (Path f : list.toList()) {
          if (Files.isRegularFile(f)) {
            Files.copy(f, to.resolve(f.getFileName()));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(from + " -> " + to + ": " + e.getMessage(), e);
    }
  }
}
