// On resume: the data files now given against those the run was trained on so far (provenance.json's hashes).
package dev.reason2decide.train;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.reason2decide.io.Json;
import dev.reason2decide.io.Provenance;
import dev.reason2decide.runs.RunFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The data of a run is identified by the SHA-256 of each file by role ({@code train}, {@code validation},
 * {@code stage1_rationales}, {@code stage2_rationales}), not by path: a moved file is the same data, an edited one
 * is not. {@code provenance.json} keeps {@code data} (what the run was started on) and, for every resume on other
 * data that was allowed, an entry of {@code data_changes} (time, roles changed, the files then in use); the latest
 * entry is what a further resume is compared with.
 *
 * @param roles the roles whose file differs (added, removed or another hash), in name order; empty when unchanged
 * @param now the files given now: role → {path, sha256}
 * @param previous the provenance.json of the run, or null for a new run (or one stopped before it was written)
 */
public record DataChange(List<String> roles, Map<String, Map<String, Object>> now, JsonObject previous) {
  public static final String DATA = "data";
  public static final String CHANGES = "data_changes";

  /** Hashes {@code files} and compares them with the data last recorded in {@code run}'s provenance.json. */
  public static DataChange of(RunFolder run, Map<String, Path> files) {
    Map<String, Map<String, Object>> now = new LinkedHashMap<>();
    files.forEach((role, path) -> {
      Map<String, Object> f = new LinkedHashMap<>();
      f.put("path", path.toString());
      f.put("sha256", Provenance.sha256(path));
      now.put(role, f);
    });
    if (!Files.exists(run.provenance())) {
      return new DataChange(List.of(), now, null);
    }
    JsonObject prov = Json.readObject(run.provenance());
    JsonObject last = latest(prov);
    TreeSet<String> allRoles = new TreeSet<>(now.keySet());
    allRoles.addAll(last.keySet());
    List<String> changed = new ArrayList<>();
    for (String role : allRoles) {
      String before = sha(last.get(role));
      Object after = now.containsKey(role) ? now.get(role).get("sha256") : null;
      if (before == null ? after != null : !before.equals(after)) {
        changed.add(role);
      }
    }
    return new DataChange(changed, now, prov);
  }

  private static String sha(JsonElement f) {
    return f != null && f.isJsonObject() && f.getAsJsonObject().has("sha256")
        ? f.getAsJsonObject().get("sha256").getAsString() : null;
  }

  public boolean changed() {
    return !roles.isEmpty();
  }

  /** Throws (one line, naming provenance.json, the roles and both hashes) unless unchanged or {@code allowed}. */
  public void requireAllowed(RunFolder run, boolean allowed) {
    if (!changed() || allowed) {
      return;
    }
    throw new IllegalArgumentException(run.provenance() + ": the run was trained on other data (" + differences()
        + "); resume with the same files, choose another --out, or pass --allow-data-change to continue on "
        + "the new data (recorded in provenance.json)");
  }

  /**
   * Throws (one line, as {@link #requireAllowed}) unless unchanged: a finished run is not trained further, so other
   * data are refused whether allowed or not.
   */
  public void requireUnchangedWhenFinished(RunFolder run) {
    if (!changed()) {
      return;
    }
    throw new IllegalArgumentException(run.provenance() + ": the finished run was trained on other data ("
        + differences() + "); a finished run is not trained further: give the files it was trained on, or choose "
        + "another --out for the new data");
  }

  /** Each changed role: the file given now and the one recorded, separated by "; ". */
  private String differences() {
    List<String> what = new ArrayList<>();
    for (String role : roles) {
      Map<String, Object> f = now.get(role);
      what.add(role + " " + (f == null ? "(not given now)" : f.get("path") + " sha256 " + shortSha(f.get("sha256")))
          + " was " + describe(latest(previous).get(role)));
    }
    return String.join("; ", what);
  }

  /** The data a provenance says the run used last: its latest change's, else the data it was started on. */
  private static JsonObject latest(JsonObject prov) {
    try {
      if (prov.has(CHANGES) && prov.get(CHANGES).isJsonArray() && !prov.getAsJsonArray(CHANGES).isEmpty()) {
        JsonArray c = prov.getAsJsonArray(CHANGES);
        return c.get(c.size() - 1).getAsJsonObject().getAsJsonObject(DATA);
      }
      return prov.has(DATA) && prov.get(DATA).isJsonObject() ? prov.getAsJsonObject(DATA) : new JsonObject();
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(RunFolder.PROVENANCE + ": '" + CHANGES + "' is not a list of {data: ...}: "
          + e.getMessage(), e);
    }
  }

  private static String describe(JsonElement f) {
    if (f == null || !f.isJsonObject()) {
      return "absent";
    }
    JsonObject o = f.getAsJsonObject();
    return (o.has("path") ? o.get("path").getAsString() : "?") + " sha256 " + shortSha(sha(f));
  }

  private static String shortSha(Object sha) {
    String s = String.valueOf(sha);
    return s.length() > 12 ? s.substring(0, 12) : s;
  }

  /**
   * Adds the data blocks to a provenance being written: {@code data} as first recorded (or {@link #now} for a new
   * run), the earlier {@code data_changes}, and a new change entry when the data changed.
   */
  public void record(Map<String, Object> provenance) {
    if (previous == null || !previous.has(DATA)) {
      provenance.put(DATA, now);
      return;
    }
    provenance.put(DATA, previous.get(DATA));
    JsonArray changes = previous.has(CHANGES) && previous.get(CHANGES).isJsonArray()
        ? previous.getAsJsonArray(CHANGES).deepCopy() : new JsonArray();
    if (changed()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("resumed", java.time.Instant.now().toString());
      entry.put("changed", roles);
      entry.put(DATA, now);
      changes.add(Json.COMPACT.toJsonTree(entry));
    }
    if (!changes.isEmpty()) {
      provenance.put(CHANGES, changes);
    }
  }
}
