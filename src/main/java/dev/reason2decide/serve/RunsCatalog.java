// The training runs under one folder, as the runs view shows them: configuration, curves, evaluation report.
package dev.reason2decide.serve;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.Strictness;
import dev.reason2decide.io.PrintableText;
import dev.reason2decide.runs.RunFolder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads run folders written by the trainer: {@code config.json}, {@code provenance.json}, {@code metrics.jsonl},
 * {@code evaluation/report.json}. Every file is optional; a file that cannot be read is reported as a problem of
 * its run (naming the file and what is wrong) instead of failing the view. Nothing outside the runs folder is read
 * (a symbolic link that leads out of it is a problem of its run), and no file larger than its cap is read.
 */
final class RunsCatalog {
  static final String CONFIG = RunFolder.CONFIG;
  static final String PROVENANCE = RunFolder.PROVENANCE;
  static final String METRICS = RunFolder.METRICS;
  static final String REPORT = "evaluation/report.json";
  /** Largest config.json, provenance.json or report.json read (bytes); they are sent to the client whole. */
  static final long MAX_JSON_BYTES = 4L << 20;
  /** Largest metrics.jsonl read (bytes); its records are thinned to {@value MetricsLog#MAX_POINTS} points. */
  static final long MAX_METRICS_BYTES = 64L << 20;
  private static final Pattern RUN_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@+=-]{0,199}");

  private final Path root;
  private final Path realRoot;

  RunsCatalog(Path root) {
    this.root = root.toAbsolutePath().normalize();
    Path real;
    try {
      real = this.root.toRealPath();
    } catch (IOException e) {
      real = this.root;
    }
    this.realRoot = real;
  }

  /** Every run (a sub-folder holding at least one of the run files), by name, with its report summary. */
  List<Map<String, Object>> list() throws IOException {
    List<Map<String, Object>> runs = new ArrayList<>();
    if (!Files.isDirectory(root)) {
      return runs;
    }
    List<Path> dirs;
    try (Stream<Path> s = Files.list(root)) {
      dirs = s.filter(Files::isDirectory).filter(d -> RUN_NAME.matcher(d.getFileName().toString()).matches())
          .filter(this::inside).filter(RunsCatalog::isRun).sorted().toList();
    }
    for (Path dir : dirs) {
      List<String> problems = new ArrayList<>();
      Map<String, Object> run = new LinkedHashMap<>();
      run.put("name", dir.getFileName().toString());
      run.put("has_config", Files.isRegularFile(dir.resolve(CONFIG)));
      run.put("has_metrics", Files.isRegularFile(dir.resolve(METRICS)));
      run.put("has_report", Files.isRegularFile(dir.resolve(REPORT)));
      JsonObject report = readObject(dir, REPORT, problems);
      run.put("summary", report == null ? null : ReportSummary.of(report));
      run.put("problems", problems);
      runs.add(run);
    }
    return runs;
  }

  /** One run in full; 404 when {@code name} is not a run folder directly under the root. */
  Map<String, Object> run(String name) throws ApiError, IOException {
    if (!RUN_NAME.matcher(name).matches()) {
      // checked before the name becomes a path: a NUL or a separator never reaches the file system
      throw new ApiError(404, "no run named '" + PrintableText.escape(name, false) + "' in the runs folder");
    }
    Path dir = root.resolve(name).normalize();
    if (!root.equals(dir.getParent()) || !Files.isDirectory(dir) || !inside(dir) || !isRun(dir)) {
      throw new ApiError(404, "no run named '" + name + "' in the runs folder");
    }
    List<String> problems = new ArrayList<>();
    Map<String, Object> run = new LinkedHashMap<>();
    run.put("name", name);
    run.put("config", readObject(dir, CONFIG, problems));
    run.put("provenance", readObject(dir, PROVENANCE, problems));
    MetricsLog metrics = readable(dir, METRICS, MAX_METRICS_BYTES, problems) ? MetricsLog.read(dir.resolve(METRICS))
        : MetricsLog.empty();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("steps", metrics.steps());
    m.put("evals", metrics.evals());
    m.put("skipped_lines", metrics.skipped());
    m.put("skipped_reasons", metrics.skippedReasons());
    m.put("stride", metrics.stride());
    run.put("metrics", m);
    JsonObject report = readObject(dir, REPORT, problems);
    run.put("report", report);
    run.put("summary", report == null ? null : ReportSummary.of(report));
    run.put("problems", problems);
    return run;
  }

  /** The columns of the comparison table, in order. */
  static List<String> summaryColumns() {
    return ReportSummary.COLUMNS.stream().map(ReportSummary.Column::heading).toList();
  }

  private static boolean isRun(Path dir) {
    return Files.isRegularFile(dir.resolve(CONFIG)) || Files.isRegularFile(dir.resolve(METRICS))
        || Files.isRegularFile(dir.resolve(REPORT)) || Files.isRegularFile(dir.resolve(PROVENANCE));
  }

  /** Whether {@code p} (following links) lies in the runs folder. */
  private boolean inside(Path p) {
    try {
      return p.toRealPath().startsWith(realRoot);
    } catch (IOException e) {
      return false;
    }
  }

  /** Whether {@code dir/file} is a regular file in the runs folder within {@code cap}; a problem if not, unless absent. */
  private boolean readable(Path dir, String file, long cap, List<String> problems) {
    Path p = dir.resolve(file);
    if (!Files.isRegularFile(p)) {
      return false;
    }
    if (!inside(p)) {
      problems.add(file + ": a link that leads outside the runs folder; not read");
      return false;
    }
    try {
      long size = Files.size(p);
      if (size > cap) {
        problems.add(file + ": " + size + " bytes; the limit is " + cap + " bytes; not read");
        return false;
      }
    } catch (IOException e) {
      problems.add(file + ": cannot be read: " + reason(e));
      return false;
    }
    return true;
  }

  /**
   * The JSON object in {@code dir/file} with file names in place of the server's paths ({@link PublicDescription}),
   * or {@code null} (absent, or unreadable: then a problem is added).
   */
  private JsonObject readObject(Path dir, String file, List<String> problems) {
    Path p = dir.resolve(file);
    if (!readable(dir, file, MAX_JSON_BYTES, problems)) {
      return null;
    }
    try {
      JsonElement e = JsonText.object(Files.readString(p, StandardCharsets.UTF_8), Strictness.LENIENT);
      return PublicDescription.ofJson(e).getAsJsonObject();
    } catch (ApiError e) {
      problems.add(file + ": " + e.getMessage());
    } catch (IOException e) {
      problems.add(file + ": cannot be read: " + reason(e));
    }
    return null;
  }

  /** What went wrong, without the server path that the JDK's file exceptions carry as their message. */
  private static String reason(IOException e) {
    if (e instanceof FileSystemException f) {
      return f.getReason() != null ? f.getReason() : e.getClass().getSimpleName();
    }
    return e.getMessage() == null || e.getMessage().contains("/") ? e.getClass().getSimpleName() : e.getMessage();
  }
}
