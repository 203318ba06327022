// Locates ../shared (fixtures, data) for golden tests; tests that need it fail loudly when it is missing.
package dev.reason2decide.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** Paths into the shared folder beside the checkout. */
public final class Shared {
  private Shared() {}

  /** The shared folder: system property {@code r2d.shared}, else {@code ../shared}. */
  public static Path root() {
    String p = System.getProperty("r2d.shared");
    Path root = p != null ? Path.of(p) : Path.of("..", "shared");
    if (!Files.isDirectory(root)) {
      throw new IllegalStateException("shared folder not found at " + root.toAbsolutePath()
          + " (golden tests need ../shared beside the checkout)");
    }
    return root.normalize();
  }

  public static Path fixture(String name) {
    return root().resolve("fixtures").resolve(name);
  }

  public static Path data(String name) {
    return root().resolve("data").resolve(name);
  }
}
