// Version strings of the project and the libraries it is built on, for `r2d --version` and provenance records.
package dev.reason2decide.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Project and library versions (kept here, at the bottom of the imports, so that every package may read them), read
 * from {@code dev/reason2decide/versions.properties}, which Maven fills in from pom.xml when it builds the project
 * ({@code src/main/resources-filtered}): the versions are the build's, never a copy kept by hand.
 */
public final class Versions {
  /** The class-path resource the build writes. */
  static final String RESOURCE = "/dev/reason2decide/versions.properties";
  private static final Properties BUILT = read();

  /** This project's version (pom.xml's {@code version}). */
  public static final String PROJECT = get("project");
  /** DJL's version (pom.xml's {@code djl.version}). */
  public static final String DJL = get("djl");
  /** PyTorch's version (pom.xml's {@code pytorch.version}). */
  public static final String PYTORCH = get("pytorch");

  private Versions() {}

  private static Properties read() {
    Properties p = new Properties();
    try (InputStream in = Versions.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the class path; build with Maven (mvn package)");
      }
      p.load(in);
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException(RESOURCE + ": cannot be read: " + e.getMessage(), e);
    }
  }

  private static String get(String key) {
    String v = BUILT.getProperty(key);
    if (v == null || v.isBlank() || v.startsWith("${")) {
      throw new IllegalStateException(RESOURCE + ": '" + key + "' is " + (v == null ? "missing" : "'" + v + "'")
          + "; it is filled in by Maven's resource filtering (mvn package)");
    }
    return v;
  }
}
