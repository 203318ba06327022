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

  /**
   * The {@code provenance} block of an evaluation report, one shape whichever command evaluates ({@code r2d evaluate},
   * an experiment's evaluation, {@code r2d spark evaluate}): {@code files} (each with its role, path and SHA-256;
   * a file on a distributed file system has a null SHA-256), {@code tool}, the versions and machine of
   * {@link #base()} with the time as {@code date}, then the context the command adds ({@code device},
   * {@code command}, {@code spark}, ...).
   */
  public static final class Report {
    private final List<Map<String, Object>> files = new ArrayList<>();
    private final Map<String, Object> context = new LinkedHashMap<>();

    /** Records a file (or a folder: its regular files, each hashed) under a role such as "predictions". */
    public Report file(String role, Path path) {
      if (Files.isDirectory(path)) {
        try (var stream = Files.list(path)) {
          for (Path p : stream.filter(Files::isRegularFile).sorted().toList()) {
            add(role, p.toAbsolutePath().normalize().toString(), sha256(p));
          }
        } catch (IOException e) {
          throw new UncheckedIOException(path + ": cannot be listed: " + e.getMessage(), e);
        }
      } else {
        add(role, path.toAbsolutePath().normalize().toString(), sha256(path));
      }
      return this;
    }

    /** Records a path this process does not read whole (a Spark input on any Hadoop file system), not hashed. */
    public Report location(String role, String path) {
      if (path != null) {
        add(role, path, null);
      }
      return this;
    }

    /** Adds {@code key}: {@code value} to the block, after the versions. */
    public Report with(String key, Object value) {
      context.put(key, value);
      return this;
    }

    private void add(String role, String path, String sha256) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("role", role);
      m.put("path", path);
      m.put("sha256", sha256);
      files.add(m);
    }

    /** The block: files, tool, versions, machine, UTC time, context. */
    public Map<String, Object> build() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("files", files);
      m.put("tool", "reason2decide " + Versions.PROJECT);
      Map<String, Object> base = base();
      m.put("date", base.remove("created"));
      m.putAll(base);
      m.putAll(context);
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
