// Where a checkpoint or report came from: versions, machine, time, and SHA-256 of the files it was made from.
package dev.reason2decide.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;

/** Provenance records written beside every checkpoint and report. */
public final class Provenance {
  private Provenance() {}

  /** The {@code provenance} block of an evaluation report: input files by role with their SHA-256, versions, time. */
  public static final class Report {
    private final List<Map<String, Object>> files = new ArrayList<>();

    /** Records a file (or a folder: its regular files, each hashed) under a role such as "predictions". */
    public Report file(String role, Path path) {
      if (Files.isDirectory(path)) {
        try (var stream = Files.list(path)) {
          for (Path p : stream.filter(Files::isRegularFile).sorted().toList()) {
            add(role, p);
          }
        } catch (IOException e) {
          throw new UncheckedIOException(path + ": cannot be listed: " + e.getMessage(), e);
        }
      } else {
        add(role, path);
      }
      return this;
    }

    private void add(String role, Path p) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("role", role);
      m.put("path", p.toAbsolutePath().normalize().toString());
      m.put("sha256", sha256(p));
      files.add(m);
    }

    /** The block: files, tool, versions, UTC time. */
    public Map<String, Object> build() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("files", files);
      m.put("tool", "reason2decide " + Versions.PROJECT);
      m.put("djl", Versions.DJL);
      m.put("java", System.getProperty("java.version"));
      m.put("date", Instant.now().toString());
      return m;
    }
  }

  /** Library versions, Java, OS, cores and the time. */
  public static Map<String, Object> base() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("reason2decide", Versions.PROJECT);
    m.put("djl", Versions.DJL);
    m.put("pytorch", Versions.PYTORCH);
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
