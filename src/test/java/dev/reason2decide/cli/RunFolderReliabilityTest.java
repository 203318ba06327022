// Issue 18 items 3, 4, 12 through the real CLI: a locked run folder, a resume on other data, a phase of 0 steps.
package dev.reason2decide.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.reason2decide.runs.RunLock;
import dev.reason2decide.testing.CliRun;
import dev.reason2decide.testing.Shared;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFolderReliabilityTest {
  @TempDir
  Path dir;

  private static CliRun run(List<String> args) {
    return CliRun.of(args.toArray(String[]::new));
  }

  /** 16 short examples, three labels; {@code extra} changes one label so that the file's hash differs. */
  private Path data(String name, boolean changed) throws Exception {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 16; i++) {
      int hr = 60 + 7 * i;
      String label = hr > 140 ? "urgent" : hr > 100 ? "soon" : "routine";
      if (changed && i == 0) {
        label = "soon";
      }
      b.append("{\"id\":\"ex").append(i).append("\",\"question\":\"patient, heart rate ").append(hr)
          .append("\",\"label\":\"").append(label).append("\",\"rationale\":\"heart rate ").append(hr).append("\"}\n");
    }
    Path f = dir.resolve(name);
    Files.writeString(f, b.toString());
    return f;
  }

  /** r2d train of the tiny model on {@code train} into {@code out}, {@code steps} steps, then {@code more}. */
  private static List<String> train(Path train, Path out, int steps, String... more) {
    List<String> a = new ArrayList<>(List.of("train", "--train", train.toString(), "--validation", train.toString(),
        "--scratch", "tiny", "--tokenizer", Shared.fixture("tokenizer-pubmed-2k").toString(), "--out", out.toString(),
        "--recipe", "r2d", "--steps", String.valueOf(steps), "--batch-size", "16", "--eval-batch-size", "16",
        "--lr", "3e-3", "--lr-schedule", "constant", "--stage1-eval-every", "1000", "--eval-every", "1000",
        "--max-input-tokens", "64", "--max-target-tokens", "32", "--label-max-new-tokens", "4",
        "--rationale-max-new-tokens", "8", "--seed", "7", "--threads", "2", "--quiet"));
    a.addAll(List.of(more));
    return a;
  }

  /** (stage, step) of every step line of metrics.jsonl, in file order. */
  private static List<String> steps(Path out) throws Exception {
    List<String> s = new ArrayList<>();
    for (String l : Files.readAllLines(out.resolve("metrics.jsonl"))) {
      JsonObject o = JsonParser.parseString(l).getAsJsonObject();
      if (o.get("kind").getAsString().equals("step")) {
        s.add(o.get("stage").getAsString() + " " + o.get("step").getAsInt());
      }
    }
    return s;
  }

  /** 6 steps at the default stage1-fraction 0.625: round(3.75) = 4 for Stage-1, 2 for Stage-2. */
  private static final List<String> SIX_STEPS = List.of("stage1 1", "stage1 2", "stage1 3", "stage1 4", "stage2 1",
      "stage2 2");

  private static String sha256(Path f) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f)));
  }

  @Test
  void aLockedRunFolderIsRefusedAndAStaleLockNeedsBreakLock() throws Exception {
    Path train = data("train.jsonl", false);
    Path out = dir.resolve("run");
    Path lock = out.resolve("run.lock");
    assertEquals(3, run(train(train, out, 6, "--halt-after", "2")).code(), "halted inside Stage-1");
    byte[] metrics = Files.readAllBytes(out.resolve("metrics.jsonl"));
    assertEquals(List.of("stage1 1", "stage1 2"), steps(out));

    // another process holds the folder: the resume is refused and writes nothing
    Process holder = LockHolder.start(out);
    try {
      CliRun refused = run(train(train, out, 6, "--resume"));
      assertEquals(1, refused.code());
      assertTrue(refused.errLine().startsWith("r2d train: " + lock + ": " + out + " is in use by lock holder (pid "
          + holder.pid() + " on "), refused.err());
      assertTrue(refused.errLine().endsWith("; wait for it to finish or choose another --out (--break-lock never "
          + "takes a live lock)"), refused.err());
      CliRun breaking = run(train(train, out, 6, "--resume", "--break-lock"));
      assertEquals(1, breaking.code(), "a live lock is not broken");
      assertArrayEquals(metrics, Files.readAllBytes(out.resolve("metrics.jsonl")), "metrics.jsonl untouched");
    } finally {
      holder.getOutputStream().close();
    }
    assertEquals(0, holder.waitFor(), "the holder released its lock and exited");
    assertFalse(Files.exists(lock), "released on a normal exit");

    // a holder killed with SIGKILL leaves its lock: stale, reported, taken over only with --break-lock
    Process killed = LockHolder.start(out);
    killed.destroyForcibly().waitFor();
    assertTrue(Files.exists(lock), "kill -9 runs no clean-up");
    CliRun stale = run(train(train, out, 6, "--resume"));
    assertEquals(1, stale.code());
    assertTrue(stale.errLine().contains(": " + out + " has a stale lock of lock holder (pid " + killed.pid() + " on "),
        stale.err());
    assertTrue(stale.errLine().endsWith(", which is no longer running; if no r2d process uses this folder any more, "
        + "run again with --break-lock"), stale.err());
    assertArrayEquals(metrics, Files.readAllBytes(out.resolve("metrics.jsonl")), "metrics.jsonl untouched");

    CliRun resumed = run(train(train, out, 6, "--resume", "--break-lock"));
    assertEquals(0, resumed.code(), resumed.err());
    assertEquals(SIX_STEPS, steps(out), "every step once: nothing lost, nothing repeated");
    assertTrue(Files.exists(out.resolve("done.json")));
    assertFalse(Files.exists(lock), "released after the run");
  }

  @Test
  void resumingOnOtherDataIsRefusedUnlessAllowedAndThenBothAreRecorded() throws Exception {
    Path train = data("train.jsonl", false);
    Path out = dir.resolve("run");
    assertEquals(3, run(train(train, out, 6, "--halt-after", "1")).code());
    String original = sha256(train);

    // the same bytes under another name are the same data
    Path moved = Files.copy(train, dir.resolve("moved.jsonl"));
    List<String> sameData = train(moved, out, 6, "--resume", "--halt-after", "2");
    sameData.set(sameData.indexOf("--validation") + 1, train.toString());
    assertEquals(3, run(sameData).code(), "accepted, halted again");
    byte[] metrics = Files.readAllBytes(out.resolve("metrics.jsonl"));
    byte[] provenance = Files.readAllBytes(out.resolve("provenance.json"));

    Path edited = data("edited.jsonl", true);
    String changed = sha256(edited);
    List<String> otherData = train(edited, out, 6, "--resume");
    otherData.set(otherData.indexOf("--validation") + 1, train.toString());
    CliRun refused = run(otherData);
    assertEquals(1, refused.code());
    assertEquals("r2d train: " + out.resolve("provenance.json") + ": the run was trained on other data (train "
        + edited + " sha256 " + changed.substring(0, 12) + " was " + train + " sha256 " + original.substring(0, 12)
        + "); resume with the same files, choose another --out, or pass --allow-data-change to continue on the new "
        + "data (recorded in provenance.json)", refused.errLine());
    assertArrayEquals(metrics, Files.readAllBytes(out.resolve("metrics.jsonl")));
    assertArrayEquals(provenance, Files.readAllBytes(out.resolve("provenance.json")));
    assertFalse(Files.exists(out.resolve("run.lock")));

    otherData.add("--allow-data-change");
    CliRun allowed = run(otherData);
    assertEquals(0, allowed.code(), allowed.err());
    assertEquals(SIX_STEPS, steps(out));
    JsonObject p = JsonParser.parseString(Files.readString(out.resolve("provenance.json"))).getAsJsonObject();
    JsonObject first = p.getAsJsonObject("data");
    assertEquals(original, first.getAsJsonObject("train").get("sha256").getAsString());
    assertEquals(train.toString(), first.getAsJsonObject("train").get("path").getAsString());
    JsonArray changes = p.getAsJsonArray("data_changes");
    assertEquals(1, changes.size());
    JsonObject change = changes.get(0).getAsJsonObject();
    assertEquals("[\"train\"]", change.get("changed").toString());
    assertEquals(changed, change.getAsJsonObject("data").getAsJsonObject("train").get("sha256").getAsString());
    assertEquals(edited.toString(), change.getAsJsonObject("data").getAsJsonObject("train").get("path").getAsString());
  }

  @Test
  void resumingAFinishedRunOnOtherDataIsRefusedEvenWhenAllowed() throws Exception {
    Path train = data("train.jsonl", false);
    Path out = dir.resolve("run");
    assertEquals(0, run(train(train, out, 2)).code(), "finished");
    String original = sha256(train);
    // model/ says where it came from: the run, Stage-2 (the last phase), the step of its best checkpoint (its only
    // step), the run's configuration and provenance as the run folder has them
    JsonObject model = JsonParser.parseString(Files.readString(out.resolve("model/provenance.json")))
        .getAsJsonObject();
    JsonObject from = model.getAsJsonObject("from");
    assertEquals(out.toAbsolutePath().normalize().toString(), from.get("run").getAsString());
    assertEquals("stage2", from.get("phase").getAsString());
    assertEquals(1, from.get("step").getAsInt());
    assertEquals("stage2/best", from.get("checkpoint").getAsString());
    assertEquals(JsonParser.parseString(Files.readString(out.resolve("config.json"))), model.get("config"));
    assertEquals(JsonParser.parseString(Files.readString(out.resolve("provenance.json"))), model.get("run"));
    byte[] provenance = Files.readAllBytes(out.resolve("provenance.json"));
    byte[] done = Files.readAllBytes(out.resolve("done.json"));

    // the same run is handed back as it is
    CliRun same = run(train(train, out, 2, "--resume"));
    assertEquals(0, same.code(), same.err());
    assertArrayEquals(done, Files.readAllBytes(out.resolve("done.json")));

    Path edited = data("edited.jsonl", true);
    String changed = sha256(edited);
    List<String> otherData = train(edited, out, 2, "--resume");
    otherData.set(otherData.indexOf("--validation") + 1, train.toString());
    String expected = "r2d train: " + out.resolve("provenance.json") + ": the finished run was trained on other data "
        + "(train " + edited + " sha256 " + changed.substring(0, 12) + " was " + train + " sha256 "
        + original.substring(0, 12) + "); a finished run is not trained further: give the files it was trained on, "
        + "or choose another --out for the new data";
    CliRun refused = run(otherData);
    assertEquals(1, refused.code());
    assertEquals(expected, refused.errLine());
    otherData.add("--allow-data-change");
    CliRun allowed = run(otherData);
    assertEquals(1, allowed.code());
    assertEquals(expected, allowed.errLine());
    assertArrayEquals(provenance, Files.readAllBytes(out.resolve("provenance.json")), "nothing recorded");
    assertArrayEquals(done, Files.readAllBytes(out.resolve("done.json")));
    assertFalse(Files.exists(out.resolve("run.lock")));

    // another configuration is refused for a finished run too
    List<String> otherLr = train(train, out, 2, "--resume");
    otherLr.set(otherLr.indexOf("--lr") + 1, "1e-3");
    CliRun otherConfig = run(otherLr);
    assertEquals(1, otherConfig.code());
    assertTrue(otherConfig.errLine().startsWith("r2d train: " + out.resolve("config.json") + ": the existing run was "
        + "started with another configuration (lr "), otherConfig.err());
  }

  @Test
  void aPhaseOfZeroStepsIsRefusedBeforeAnythingIsCreated() throws Exception {
    Path train = data("train.jsonl", false);
    Path out = dir.resolve("run");
    // --steps 1 at the default fraction 0.625: Stage-1 gets round(0.625) = 1 step, Stage-2 none; 2 give 1 + 1
    CliRun one = run(train(train, out, 1));
    assertEquals(1, one.code());
    assertEquals("r2d train: steps 1 with stage1-fraction 0.625 gives r2d a phase of 0 steps (stage1 1, stage2 0); "
        + "every phase needs at least one: raise --steps to at least 2 or move --stage1-fraction towards 0.5",
        one.errLine());
    assertFalse(Files.exists(out), "no run folder, so no done.json of an empty phase");
    // 0.03 × 10 = 0.3 rounds to 0 Stage-1 steps; 0.03 × 16 = 0.48 → 0, 0.03 × 17 = 0.51 → 1
    CliRun small = run(train(train, out, 10, "--stage1-fraction", "0.03"));
    assertEquals(1, small.code());
    assertEquals("r2d train: steps 10 with stage1-fraction 0.03 gives r2d a phase of 0 steps (stage1 0, stage2 10); "
        + "every phase needs at least one: raise --steps to at least 17 or move --stage1-fraction towards 0.5",
        small.errLine());
    // 0.97 × 10 = 9.7 → 10 Stage-1 steps, none left; 0.97 × 16 = 15.52 → 16 (0 left), 0.97 × 17 = 16.49 → 16 (1 left)
    CliRun large = run(train(train, out, 10, "--stage1-fraction", "0.97"));
    assertEquals(1, large.code());
    assertTrue(large.errLine().contains("(stage1 10, stage2 0)") && large.errLine().contains("at least 17 "),
        large.err());
    assertFalse(Files.exists(out));

    // the corrected command, even given as a resume, starts cleanly and finishes
    CliRun fixed = run(train(train, out, 2, "--resume"));
    assertEquals(0, fixed.code(), fixed.err());
    assertEquals(List.of("stage1 1", "stage2 1"), steps(out));
    assertTrue(Files.exists(out.resolve("stage1/done.json")) && Files.exists(out.resolve("stage1/best"))
        && Files.exists(out.resolve("stage2/best")) && Files.exists(out.resolve("done.json")));
  }

  /** A tiny experiment file with {@code steps} steps; the data are generated only once a run starts. */
  private Path experiment(int steps) throws Exception {
    Path f = dir.resolve("tiny.json");
    Files.writeString(f, """
        {"name": "tiny", "data": {"synthetic-triage": {"n": 40, "seed": 7, "fractions": [0.6, 0.2, 0.2]}},
         "recipes": ["r2d"], "seeds": [1], "steps": %d, "model": {"scratch": "tiny", "tokenizer_vocab": 400}}
        """.formatted(steps));
    return f;
  }

  @Test
  void theTrustBoundsOfRTrainReachTheFittedRule() throws Exception {
    Path train = data("train.jsonl", false);
    Path out = dir.resolve("run");
    CliRun r = run(train(train, out, 6, "--trust-coverage", "0.8", "--trust-max-risk", "0.3"));
    assertEquals(0, r.code(), r.err());
    JsonObject trust = JsonParser.parseString(Files.readString(Path.of(r.out().strip()).resolve("trust.json")))
        .getAsJsonObject();
    assertEquals(0.8, trust.getAsJsonObject("rule").get("target_coverage").getAsDouble());
    assertEquals(0.3, trust.getAsJsonObject("fitted").get("max_risk").getAsDouble());

    CliRun bad = run(train(train, dir.resolve("bad"), 6, "--trust-max-risk", "0"));
    assertEquals(2, bad.code(), bad.err());
    assertTrue(bad.err().contains("--trust-max-risk"), bad.err());
  }

  @Test
  void anExperimentIsRefusedWhileItsFolderIsLockedOrAPhaseWouldBeEmpty() throws Exception {
    Path out = dir.resolve("exp");
    CliRun empty = run(List.of("experiment", "--config", experiment(1).toString(), "--out", out.toString()));
    assertEquals(1, empty.code());
    assertTrue(empty.errLine().startsWith("r2d experiment: steps 1 with stage1-fraction 0.625 gives r2d a phase of 0 "
        + "steps (stage1 1, stage2 0)"), empty.err());
    assertFalse(Files.exists(out), "refused before anything was written");

    try (RunLock held = RunLock.acquire(out, "r2d experiment", false)) {
      CliRun locked = run(List.of("experiment", "--config", experiment(4).toString(), "--out", out.toString(),
          "--break-lock"));
      assertEquals(1, locked.code());
      assertEquals("r2d experiment: " + out.resolve("run.lock") + ": " + out + " is in use by r2d experiment (pid "
          + held.owner().pid() + " on " + held.owner().host() + ", started " + held.owner().started() + "); wait "
          + "for it to finish or choose another --out (--break-lock never takes a live lock)", locked.errLine());
      try (var files = Files.list(out)) {
        assertEquals(List.of("run.lock"), files.map(f -> f.getFileName().toString()).toList(), "nothing written");
      }
    }
  }
}
