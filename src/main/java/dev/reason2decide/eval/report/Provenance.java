// Where a report came from: input files with their SHA-256, tool version, time.
package dev.reason2decide.eval.report;

import dev.reason2decide.cli.VersionInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the {@code provenance} block of reports. */
public final class Provenance {
  private final List<Map<String, Object>> files = new ArrayList<>();

  /** Records a file (or a folder: its regular files, each hashed) under a role such as "predictions". */
  public Provenance file(String role, Path path) {
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
    m.put("tool", "reason2decide " + VersionInfo.PROJECT);
    m.put("djl", VersionInfo.DJL);
    m.put("java", System.getProperty("java.version"));
    m.put("date", Instant.now().toString());
    return m;
  }

  /** Hex SHA-256 of a file's bytes. */
  public static String sha256(Path p) {
    return dev.reason2decide.io.Provenance.sha256(p);
  }

}
