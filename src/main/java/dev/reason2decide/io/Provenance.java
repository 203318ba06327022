// Where a checkpoint or report came from: versions, machine, time, and SHA-256 of the files it was made from.
package dev.reason2decide.io;

import dev.reason2decide.cli.VersionInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/** Provenance records written beside every checkpoint and report. */
public final class Provenance {
  private Provenance() {}

  /** Library versions, Java, OS, cores and the time. */
  public static Map<String, Object> base() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("reason2decide", VersionInfo.PROJECT);
    m.put("djl", VersionInfo.DJL);
    m.put("pytorch", VersionInfo.PYTORCH);
    m.put("java", System.getProperty("java.version"));
    m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
    m.put("cores", Runtime.getRuntime().availableProcessors());
    m.put("created", Instant.now().toString());
    return m;
  }

  /** A file's path and SHA-256, or null for a null path. */
  public static Map<String, Object> file(Path p) {
    if (p == null) {
      return null;
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("path", p.toString());
    m.put("sha256", sha256(p));
    return m;
  }

  public static String sha256(Path p) {
    try (InputStream in = Files.newInputStream(p)) {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      byte[] buf = new byte[1 << 16];
      int n;
      while ((n = in.read(buf)) > 0) {
        d.update(buf, 0, n);
      }
      return HexFormat.of().formatHex(d.digest());
    } catch (IOException e) {
      throw new UncheckedIOException(p + ": cannot be read: " + e.getMessage(), e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(
          text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
