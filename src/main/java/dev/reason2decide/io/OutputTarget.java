// Where an output path really leads: through symbolic links to a regular file, a folder, or a device or FIFO.
package dev.reason2decide.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The real place an output goes. A symbolic link is followed (its target is replaced, the link survives); a
 * character device, FIFO or socket is written through as it is (never renamed over, no files created beside it).
 *
 * @param given the path as the user gave it
 * @param real the path after following symbolic links (absolute); equal to {@code given} made absolute otherwise
 * @param special true when {@code real} exists and is neither a regular file nor a folder (device, FIFO, socket)
 */
public record OutputTarget(Path given, Path real, boolean special) {
  /** Most links followed before giving up (as the kernel's ELOOP limit). */
  private static final int MAX_LINKS = 40;

  /** Resolves {@code path}; a chain of links that loops or a dangling link ends at the path it names. */
  public static OutputTarget of(Path path) {
    Path p = path.toAbsolutePath();
    try {
      for (int i = 0; Files.isSymbolicLink(p); i++) {
        if (i == MAX_LINKS) {
          throw new UncheckedIOException(new IOException(path + ": too many levels of symbolic links"));
        }
        p = p.resolveSibling(Files.readSymbolicLink(p)).normalize();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(path + ": cannot follow the symbolic link: " + e.getMessage(), e);
    }
    boolean special = Files.exists(p, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(p)
        && !Files.isDirectory(p);
    return new OutputTarget(path, p, special);
  }

  /**
   * The side file {@code <given><suffix>} (e.g. {@code out.jsonl.provenance.json}), or empty when the output is a
   * device or FIFO: nothing is created next to {@code /dev/null}.
   */
  public static Optional<Path> sideFile(Path output, String suffix) {
    if (of(output).special()) {
      return Optional.empty();
    }
    return Optional.of(output.resolveSibling(output.getFileName() + suffix));
  }
}
