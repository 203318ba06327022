// The runs view's API: list the training runs of the runs folder, and one run in full.
package dev.reason2decide.serve;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Handlers of {@code GET /v1/runs} and {@code GET /v1/runs/{name}}; empty when the server has no runs folder. */
final class RunsEndpoints {
  private static final String PREFIX = "/v1/runs/";
  private final Path root;
  private final RunsCatalog catalog;

  RunsEndpoints(Path root) {
    this.root = root;
    this.catalog = root == null ? null : new RunsCatalog(root);
  }

  /** {@code {"runs_dir" (its name, not the server's path), "columns", "runs": [{name, has_*, summary, problems}]}}. */
  Reply list(Call call) throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    Path name = root == null ? null : root.toAbsolutePath().normalize().getFileName();
    body.put("runs_dir", root == null ? null : name == null ? "/" : name.toString());
    body.put("columns", RunsCatalog.summaryColumns());
    body.put("runs", catalog == null ? List.of() : catalog.list());
    return Reply.json(200, body);
  }

  /** {@code {name, config, provenance, metrics: {steps, evals, skipped_lines, ...}, report, summary, problems}}. */
  Reply run(Call call) throws ApiError, IOException {
    String name = call.path().substring(PREFIX.length());
    if (catalog == null) {
      throw new ApiError(404, "this server has no runs folder (start it with --runs DIR)");
    }
    return Reply.json(200, catalog.run(name));
  }
}
